import { subscriptionTopic } from '@scs/shared';
import type { CrawlProgress } from '../crawl-contract.js';
import type { CrawlDependencies } from './dependencies.js';

/** Announces a run's counts on the `crawlProgress` subscription channel of its organization. */
export function publishProgress(deps: CrawlDependencies) {
  return async (input: { orgId: string; sourceId: string; runId: string; progress: CrawlProgress }): Promise<void> => {
    await deps.pubsub.publish(subscriptionTopic('crawlProgress', { sourceId: input.sourceId }, input.orgId), {
      __typename: 'CrawlProgress',
      sourceId: input.sourceId,
      runId: input.runId,
      ...input.progress,
      // Events carry values as the API shows them: enum names, not internal values.
      status: input.progress.status.toUpperCase(),
      skippedByReason: Object.entries(input.progress.skippedByReason).map(([reason, count]) => ({ reason, count })),
      failedByReason: Object.entries(input.progress.failedByReason).map(([reason, count]) => ({ reason, count })),
    });
  };
}
