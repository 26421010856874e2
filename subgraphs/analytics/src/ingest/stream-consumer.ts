import type { AnalyticsEvent } from '@scs/contracts/analytics-events';
import type { Logger } from '@scs/runtime/logger';
import type { Redis } from '@scs/runtime/redis';
import type { StoreResult } from '../storage/event-store.js';
import { parseEntry } from './events.js';

type StreamEntry = [id: string, fields: string[] | null];

export interface StreamConsumerOptions {
  /** A connection of its own: reads block on it. */
  redis: Redis;
  stream: string;
  group: string;
  consumer: string;
  batchSize: number;
  blockMs: number;
  /** Entries pending this long with another consumer are taken over. */
  claimIdleMs: number;
  /** Writes a batch durably; entries are acknowledged only after it resolved. */
  store: (events: AnalyticsEvent[]) => Promise<StoreResult>;
  /** After a batch was stored and acknowledged. */
  onStored?: (result: StoreResult) => void | Promise<void>;
  logger: Logger;
  /** First wait after a failed batch; it doubles with each failure in a row, up to 30 s. */
  retryBaseMs?: number;
}

/** Consumers idle this long with nothing pending are removed from the group. */
const FORGET_CONSUMER_MS = 24 * 3_600_000;
const TRIM_INTERVAL_MS = 10_000;

/**
 * Reads the analytics stream in a Redis consumer group: each event goes to one instance, in
 * batches; a batch is acknowledged (XACK) only after it was committed to PostgreSQL, so events of
 * an instance that stops or dies stay pending: a restarted instance (same consumer name) reads its
 * own pending entries first, and any instance takes over (XAUTOCLAIM) entries another one left
 * pending for `claimIdleMs`. Storage is idempotent by event id, so a redelivered event is not
 * counted twice. Entries every group has acknowledged are trimmed from the stream.
 */
export class StreamConsumer {
  private running = false;
  private loop: Promise<void> | undefined;
  /** Read our own pending entries (`0`) before new ones (`>`): at start, and after a failed batch. */
  private backlog = true;
  private nextClaimAt = 0;
  private nextTrimAt = 0;
  private failures = 0;
  /** Events stored and entries acknowledged since start (for logs and tests). */
  readonly stats = { batches: 0, stored: 0, duplicates: 0, dropped: 0, claimed: 0 };

  constructor(private readonly options: StreamConsumerOptions) {}

  async start(): Promise<void> {
    const { redis, stream, group } = this.options;
    try {
      // From the stream's beginning: events produced before the group existed are read too.
      await redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    this.running = true;
    this.loop = this.run();
  }

  /** Stops reading; a batch being written is finished and acknowledged first. */
  async stop(): Promise<void> {
    this.running = false;
    if (!this.loop) return;
    const finished = await Promise.race([this.loop.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), this.options.blockMs + 10_000))]);
    // Still blocked in a read: entries it may have been handed stay pending under our name and are read again next time.
    if (!finished) this.options.redis.disconnect();
  }

  private async run(): Promise<void> {
    const { logger } = this.options;
    while (this.running) {
      try {
        if (Date.now() >= this.nextClaimAt) {
          this.nextClaimAt = Date.now() + Math.max(100, Math.floor(this.options.claimIdleMs / 2));
          await this.claimAbandoned();
        }
        const entries = await this.read();
        if (entries.length > 0) await this.handle(entries);
        if (Date.now() >= this.nextTrimAt) {
          this.nextTrimAt = Date.now() + TRIM_INTERVAL_MS;
          await this.trim();
        }
        this.failures = 0;
      } catch (error) {
        if (!this.running) break;
        this.failures++;
        this.backlog = true;
        const delay = Math.min(30_000, (this.options.retryBaseMs ?? 500) * 2 ** Math.min(this.failures - 1, 6));
        logger.warn({ err: error, retryInMs: delay }, 'analytics batch failed; it stays pending and is read again');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private async read(): Promise<StreamEntry[]> {
    const { redis, stream, group, consumer, batchSize, blockMs } = this.options;
    if (this.backlog) {
      const own = await redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', batchSize, 'STREAMS', stream, '0');
      const entries = entriesOf(own);
      if (entries.length > 0) return entries;
      this.backlog = false;
    }
    return entriesOf(await redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', stream, '>'));
  }

  /** Takes over entries other (dead) consumers left unacknowledged, and forgets long-gone consumers. */
  private async claimAbandoned(): Promise<void> {
    const { redis, stream, group, consumer, batchSize, claimIdleMs, logger } = this.options;
    let cursor = '0-0';
    for (let round = 0; round < 100 && this.running; round++) {
      const reply = (await redis.call('XAUTOCLAIM', stream, group, consumer, claimIdleMs, cursor, 'COUNT', batchSize)) as [string, StreamEntry[], string[]?];
      const entries = reply[1] ?? [];
      if (entries.length > 0) {
        this.stats.claimed += entries.length;
        logger.info({ entries: entries.length }, 'took over analytics events another instance left unacknowledged');
        await this.handle(entries);
      }
      cursor = reply[0];
      if (cursor === '0-0') break;
    }
    const consumers = (await redis.call('XINFO', 'CONSUMERS', stream, group)) as unknown[][];
    for (const info of consumers) {
      const fields = fieldMap(info);
      if (fields.name !== consumer && Number(fields.pending) === 0 && Number(fields.idle) > FORGET_CONSUMER_MS) {
        await redis.call('XGROUP', 'DELCONSUMER', stream, group, String(fields.name));
      }
    }
  }

  private async handle(entries: StreamEntry[]): Promise<void> {
    const { redis, stream, group, logger } = this.options;
    const events: AnalyticsEvent[] = [];
    for (const [id, fields] of entries) {
      const parsed = parseEntry(id, fields);
      if (parsed.ok) events.push(parsed.event);
      else {
        this.stats.dropped++;
        logger.warn({ streamId: id, problem: parsed.problem }, 'dropped an analytics stream entry');
      }
    }
    const result = await this.storeOrIsolate(events);
    // Committed: now the entries may leave the pending list.
    const ids = entries.map(([id]) => id);
    for (let i = 0; i < ids.length; i += 500) await redis.call('XACK', stream, group, ...ids.slice(i, i + 500));
    this.stats.batches++;
    this.stats.stored += result.inserted;
    this.stats.duplicates += result.duplicates;
    logger.debug({ entries: entries.length, inserted: result.inserted, duplicates: result.duplicates }, 'analytics batch stored');
    try {
      await this.options.onStored?.(result);
    } catch (error) {
      logger.warn({ err: error }, 'after-batch hook failed');
    }
  }

  /**
   * Stores a batch. When the same batch keeps failing, its events are tried one by one: if some
   * succeed, the ones that fail are poison (data PostgreSQL refuses) and are dropped with an error
   * logged, so they cannot block the stream; if none succeeds, the database itself is the problem
   * and the batch stays pending.
   */
  private async storeOrIsolate(events: AnalyticsEvent[]): Promise<StoreResult> {
    try {
      return await this.options.store(events);
    } catch (error) {
      if (this.failures < 2 || events.length < 2) throw error;
      const results: StoreResult[] = [];
      const poison: { event: AnalyticsEvent; error: unknown }[] = [];
      for (const event of events) {
        try {
          results.push(await this.options.store([event]));
        } catch (eventError) {
          poison.push({ event, error: eventError });
        }
      }
      if (results.length === 0) throw error;
      for (const { event, error: eventError } of poison) {
        this.stats.dropped++;
        this.options.logger.error(
          { err: eventError, eventId: event.eventId, type: event.type, orgId: event.orgId },
          'dropped an analytics event PostgreSQL refuses',
        );
      }
      return mergeResults(results);
    }
  }

  /** Removes entries that every consumer group of the stream has read and acknowledged. */
  private async trim(): Promise<void> {
    const { redis, stream } = this.options;
    const groups = (await redis.call('XINFO', 'GROUPS', stream)) as unknown[][];
    let keepFrom: string | undefined;
    for (const info of groups) {
      const fields = fieldMap(info);
      let oldestNeeded = String(fields['last-delivered-id']);
      if (Number(fields.pending) > 0) {
        const summary = (await redis.call('XPENDING', stream, String(fields.name))) as [number, string | null, string | null, unknown];
        if (summary[1]) oldestNeeded = summary[1];
      }
      if (!keepFrom || compareIds(oldestNeeded, keepFrom) < 0) keepFrom = oldestNeeded;
    }
    if (keepFrom && keepFrom !== '0-0') await redis.call('XTRIM', stream, 'MINID', '~', keepFrom);
  }
}

function mergeResults(results: StoreResult[]): StoreResult {
  const merged: StoreResult = { inserted: 0, duplicates: 0, outOfRange: 0, organizations: new Map() };
  for (const r of results) {
    merged.inserted += r.inserted;
    merged.duplicates += r.duplicates;
    merged.outOfRange += r.outOfRange;
    for (const [org, kinds] of r.organizations) merged.organizations.set(org, new Set([...(merged.organizations.get(org) ?? []), ...kinds]));
  }
  return merged;
}

function entriesOf(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const [, entries] = reply[0] as [string, StreamEntry[]];
  return entries ?? [];
}

function fieldMap(flat: unknown[]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) map[String(flat[i])] = flat[i + 1];
  return map;
}

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am === bm ? (as === bs ? 0 : as < bs ? -1 : 1) : am < bm ? -1 : 1;
}
