import type { EntityManager } from '@mikro-orm/postgresql';
import { subscriptionTopic, type SubscriptionEvent } from '@scs/contracts/subscription-topics';
import type { AnalyticsQueries, Overview } from './queries/analytics-queries.js';

const DAY_MS = 86_400_000;

/** Today (UTC) so far. */
export function today(now = Date.now()): { from: Date; to: Date } {
  const from = Math.floor(now / DAY_MS) * DAY_MS;
  return { from: new Date(from), to: new Date(from + DAY_MS) };
}

/** The `analyticsCounters` channel of an organization. */
export function countersTopic(orgId: string): string {
  return subscriptionTopic('analyticsCounters', {}, orgId);
}

export function countersOf(overview: Overview, day: Date, now = new Date()) {
  return {
    day,
    questions: overview.questions,
    answered: overview.answered,
    unanswered: overview.unanswered,
    handoffs: overview.handoffs,
    thumbsUp: overview.thumbsUp,
    thumbsDown: overview.thumbsDown,
    updatedAt: now,
  };
}

/**
 * Publishes each organization's counters for today after a batch of its events was stored. The
 * counts are read back from PostgreSQL (not added up in memory), so every instance publishes the
 * same, exact numbers however batches are split between them.
 */
export async function publishCounters(
  orgIds: Iterable<string>,
  queries: (em: EntityManager) => AnalyticsQueries,
  em: () => EntityManager,
  publish: (topic: string, event: SubscriptionEvent) => Promise<void>,
): Promise<void> {
  const period = today();
  for (const orgId of orgIds) {
    const overview = await queries(em()).overview({ orgId, period });
    const counters = countersOf(overview, period.from);
    await publish(countersTopic(orgId), {
      __typename: 'AnalyticsCounters',
      ...counters,
      day: counters.day.toISOString(),
      updatedAt: counters.updatedAt.toISOString(),
    });
  }
}
