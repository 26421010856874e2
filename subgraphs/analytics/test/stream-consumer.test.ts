import { analyticsStreamFields, type AnalyticsEvent } from '@scs/contracts/analytics-events';
import { createLogger } from '@scs/runtime/logger';
import type { Redis } from '@scs/runtime/redis';
import { describe, expect, it } from 'vitest';
import { StreamConsumer } from '../src/ingest/stream-consumer.js';
import type { StoreResult } from '../src/storage/event-store.js';

/** Just enough of a Redis consumer group for one consumer: new entries, its pending list, acknowledgements. */
class FakeGroup {
  readonly acked: string[] = [];
  private readonly fresh: [string, string[]][] = [];
  private readonly pending = new Map<string, string[]>();

  add(id: string, fields: string[]): void {
    this.fresh.push([id, fields]);
  }

  get unacknowledged(): string[] {
    return [...this.pending.keys()];
  }

  readonly redis = {
    call: async (command: string, ...args: (string | number)[]): Promise<unknown> => {
      switch (command) {
        case 'XGROUP':
          return 'OK';
        case 'XAUTOCLAIM':
          return ['0-0', [], []];
        case 'XINFO':
          return [];
        case 'XACK':
          for (const id of args.slice(2).map(String)) if (this.pending.delete(id)) this.acked.push(id);
          return 1;
        case 'XREADGROUP': {
          const from = String(args.at(-1));
          if (from === '0') return this.pending.size ? [['s', [...this.pending.entries()]]] : [['s', []]];
          const batch = this.fresh.splice(0, Number(args[args.indexOf('COUNT') + 1]));
          for (const [id, fields] of batch) this.pending.set(id, fields);
          if (batch.length === 0) await new Promise((r) => setTimeout(r, 5));
          return batch.length ? [['s', batch]] : null;
        }
        default:
          throw new Error(`unexpected ${command}`);
      }
    },
    disconnect: () => undefined,
  } as unknown as Redis;
}

const question = (n: number): AnalyticsEvent => ({
  type: 'handoff',
  eventId: `e-${n}`,
  orgId: '9b2f7c1e-3f7c-4c1e-9a57-2d4c8f1b6a10',
  occurredAt: new Date('2026-03-01T10:00:00.000Z'),
  data: { conversationId: '1b2f7c1e-3f7c-4c1e-9a57-2d4c8f1b6a10', requestedByRole: 'customer' },
});

const ok = (events: AnalyticsEvent[]): StoreResult => ({ inserted: events.length, duplicates: 0, outOfRange: 0, organizations: new Map() });

function consumer(group: FakeGroup, store: (events: AnalyticsEvent[]) => Promise<StoreResult>) {
  return new StreamConsumer({
    redis: group.redis,
    stream: 's',
    group: 'g',
    consumer: 'c',
    batchSize: 10,
    blockMs: 5,
    claimIdleMs: 60_000,
    retryBaseMs: 1,
    store,
    logger: createLogger('test', 'silent'),
  });
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('the stream consumer', () => {
  it('acknowledges a batch only after it was stored, and reads a failed batch again', async () => {
    const group = new FakeGroup();
    for (let n = 1; n <= 3; n++) group.add(`${n}-0`, analyticsStreamFields(question(n)));
    const stored: string[][] = [];
    let fail = true;
    const c = consumer(group, async (events) => {
      if (fail) {
        fail = false;
        // Nothing acknowledged while the write is failing.
        expect(group.acked).toEqual([]);
        throw new Error('database down');
      }
      stored.push(events.map((e) => e.eventId));
      return ok(events);
    });
    await c.start();
    await until(() => group.acked.length === 3);
    await c.stop();
    expect(stored).toEqual([['e-1', 'e-2', 'e-3']]);
    expect(group.unacknowledged).toEqual([]);
  }, 60_000);

  it('drops an event PostgreSQL keeps refusing, once the others of its batch went through', async () => {
    const group = new FakeGroup();
    for (let n = 1; n <= 3; n++) group.add(`${n}-0`, analyticsStreamFields(question(n)));
    const stored: string[] = [];
    const c = consumer(group, async (events) => {
      if (events.some((e) => e.eventId === 'e-2')) throw new Error('value refused');
      stored.push(...events.map((e) => e.eventId));
      return ok(events);
    });
    await c.start();
    await until(() => group.acked.length === 3);
    await c.stop();
    expect(stored).toEqual(['e-1', 'e-3']);
    expect(c.stats.dropped).toBe(1);
  }, 60_000);

  it('keeps a batch pending while every write fails (the database is down, not the data)', async () => {
    const group = new FakeGroup();
    for (let n = 1; n <= 2; n++) group.add(`${n}-0`, analyticsStreamFields(question(n)));
    let attempts = 0;
    const c = consumer(group, async () => {
      attempts++;
      throw new Error('database down');
    });
    await c.start();
    await until(() => attempts >= 6);
    await c.stop();
    expect(group.acked).toEqual([]);
    expect(group.unacknowledged).toEqual(['1-0', '2-0']);
  }, 60_000);
});
