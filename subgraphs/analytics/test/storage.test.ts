import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '@scs/runtime/logger';
import { openDatabase } from '@scs/graphql-kit/database';
import type { AnalyticsEvent } from '@scs/contracts/analytics-events';
import { queryDatabase, stackEnv } from '@scs/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrawlRunRecord } from '../src/entities/crawl-run.entity.js';
import { migrations } from '../src/migrations/index.js';
import { AnalyticsQueries } from '../src/queries/analytics-queries.js';
import { EventStore } from '../src/storage/event-store.js';
import { EVENT_TABLES, monthOf, Partitions } from '../src/storage/partitions.js';

const DAY_MS = 86_400_000;
const logger = createLogger('analytics-test', 'silent');

/** The analytics tables on the test database: partitions by month, created on demand, dropped past the retention. */
describe('analytics storage', () => {
  let orm: MikroORM;
  const orgId = randomUUID();

  const partitionsOf = async () =>
    (
      await queryDatabase<{ name: string }>(
        `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
         join pg_namespace n on n.oid = p.relnamespace where n.nspname = 'analytics'`,
      )
    ).map((r) => r.name);

  const handoff = (occurredAt: Date, eventId = randomUUID()): AnalyticsEvent => ({
    type: 'handoff',
    eventId,
    orgId,
    occurredAt,
    data: { conversationId: randomUUID(), requestedByRole: 'customer' },
  });

  beforeAll(async () => {
    orm = await openDatabase({ url: stackEnv().DATABASE_URL!, schema: 'analytics', entities: [CrawlRunRecord], migrations, logger, poolSize: 2 });
  });
  afterAll(() => orm?.close());

  it('creates the partitions of an event’s month on demand, stores each event once, and refuses events past the retention', async () => {
    const partitions = new Partitions(orm, 400, logger);
    await partitions.refresh();
    const store = new EventStore(orm, partitions, null, logger);
    const old = new Date(Date.now() - 380 * DAY_MS);
    const event = handoff(old);
    expect(await store.store([event, event])).toMatchObject({ inserted: 1, duplicates: 1, outOfRange: 0 });
    for (const table of EVENT_TABLES) expect(await partitionsOf()).toContain(`${table}_p${monthOf(old)}`);
    expect(await store.store([event])).toMatchObject({ inserted: 0, duplicates: 1 });
    expect(await store.store([handoff(new Date(Date.now() - 401 * DAY_MS))])).toMatchObject({ inserted: 0, outOfRange: 1 });
    const queries = new AnalyticsQueries(orm.em.fork(), { similarity: 0.7, maxQuestions: 100 });
    expect((await queries.overview({ orgId, period: { from: new Date(old.getTime() - DAY_MS), to: new Date(old.getTime() + DAY_MS) } })).handoffs).toBe(1);
  });

  it('drops whole months once they ended before the retention, keeping the current ones', async () => {
    const longAgo = new Date(Date.UTC(2001, 0, 15));
    await new Partitions(orm, 10_000, logger).ensure([monthOf(longAgo)]);
    expect(await partitionsOf()).toContain('questions_p200101');
    const partitions = new Partitions(orm, 395, logger);
    await partitions.ensureAhead();
    // Another instance may be doing the same maintenance right now: either way the old month is gone.
    await partitions.dropExpired();
    const names = await partitionsOf();
    expect(names.filter((n) => n.endsWith('_p200101'))).toEqual([]);
    for (const table of EVENT_TABLES) expect(names).toContain(`${table}_p${monthOf(new Date())}`);
  });
});
