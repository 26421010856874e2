import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from '@scs/runtime/redis';

/**
 * One atomic step of acquire, run in Redis with Redis's clock (so workers' clocks need not agree):
 * drop expired leases; if a slot is free and the host's next-allowed time has passed, take a lease and push the
 * next-allowed time `delayMs` ahead. Returns {1, now} when taken, else {0, ms to wait (hint)}.
 * KEYS[1] leases (sorted set: lease id → expiry ms), KEYS[2] next-allowed time (ms).
 * ARGV: lease id, lease ms, max in flight, delay ms, poll ms (hint while all slots are held).
 */
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseMs = tonumber(ARGV[2])
local maxInFlight = tonumber(ARGV[3])
local delayMs = tonumber(ARGV[4])
local pollMs = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= maxInFlight then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local untilExpiry = tonumber(first[2]) - now
  return {0, math.max(1, math.min(pollMs, untilExpiry))}
end
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then
  return {0, nextAt - now}
end
redis.call('ZADD', KEYS[1], now + leaseMs, ARGV[1])
redis.call('PEXPIRE', KEYS[1], leaseMs + 1000)
if delayMs > 0 then
  redis.call('SET', KEYS[2], now + delayMs, 'PX', delayMs + 1000)
end
return {1, now}
`;

const ACQUIRE_SHA = createHash('sha1').update(ACQUIRE_SCRIPT).digest('hex');

export interface PolitenessOptions {
  redis: Redis;
  /** Requests in flight per host across all workers; default 2. */
  maxConcurrentPerHost?: number;
  /** Least time between the starts of two requests to a host; default 1000 ms. A larger crawl-delay wins. */
  minDelayMs?: number;
  /** A slot not released within this is freed (a crashed worker cannot hold it); default 120 s. Keep it above the fetch timeout. */
  leaseMs?: number;
  /** Longest acquire() waits before throwing PolitenessTimeoutError; default 60 s. */
  acquireTimeoutMs?: number;
  /** How often a waiter looks again while all slots are held; default 50 ms. */
  pollIntervalMs?: number;
  /** Default `scs:polite:`. */
  keyPrefix?: string;
}

export interface AcquireOptions {
  /** The host's robots.txt Crawl-delay in seconds; the delay used is max(minDelayMs, this). */
  crawlDelaySeconds?: number;
  /** Overrides the configured acquireTimeoutMs. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Frees the slot; calling it again, or after the lease expired, does nothing. Carries the lease's facts. */
export type Release = (() => Promise<void>) & {
  readonly host: string;
  readonly leaseId: string;
  /** Redis time (ms since the epoch) at which the slot was taken. */
  readonly startedAt: number;
};

export class PolitenessTimeoutError extends Error {
  readonly code = 'POLITENESS_TIMEOUT';
  constructor(
    readonly host: string,
    readonly waitedMs: number,
  ) {
    super(`no request slot for ${host} within ${waitedMs} ms`);
    this.name = 'PolitenessTimeoutError';
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Per-host politeness shared by every worker through Redis: at most `maxConcurrentPerHost` requests in flight per host
 * (leases that expire), and request starts at least max(minDelayMs, crawl-delay) apart.
 */
export class Politeness {
  constructor(private readonly options: PolitenessOptions) {}

  private keys(host: string): [string, string] {
    // The hash tag keeps both keys in one slot, as a script needs on Redis Cluster.
    const base = `${this.options.keyPrefix ?? 'scs:polite:'}{${host.toLowerCase()}}`;
    return [`${base}:leases`, `${base}:next`];
  }

  private async tryAcquire(keys: [string, string], args: Array<string | number>): Promise<[number, number]> {
    const { redis } = this.options;
    try {
      return (await redis.evalsha(ACQUIRE_SHA, 2, ...keys, ...args)) as [number, number];
    } catch (error) {
      if (!String((error as Error).message).includes('NOSCRIPT')) throw error;
      return (await redis.eval(ACQUIRE_SCRIPT, 2, ...keys, ...args)) as [number, number];
    }
  }

  /** Waits for a slot for `host` (a host name, e.g. `new URL(url).host`); resolves to the function that frees it. */
  async acquire(host: string, options: AcquireOptions = {}): Promise<Release> {
    const keys = this.keys(host);
    const leaseId = randomUUID();
    const leaseMs = this.options.leaseMs ?? 120_000;
    const maxInFlight = Math.max(1, this.options.maxConcurrentPerHost ?? 2);
    const crawlDelayMs = Math.max(0, (options.crawlDelaySeconds ?? 0) * 1000);
    const delayMs = Math.ceil(Math.max(this.options.minDelayMs ?? 1000, crawlDelayMs));
    const pollMs = this.options.pollIntervalMs ?? 50;
    const timeoutMs = options.timeoutMs ?? this.options.acquireTimeoutMs ?? 60_000;
    const started = Date.now();

    for (;;) {
      const [taken, value] = await this.tryAcquire(keys, [leaseId, leaseMs, maxInFlight, delayMs, pollMs]);
      if (taken === 1) {
        let released = false;
        const release = async () => {
          if (released) return;
          released = true;
          await this.options.redis.zrem(keys[0], leaseId);
        };
        return Object.assign(release, { host, leaseId, startedAt: Number(value) });
      }
      const waited = Date.now() - started;
      if (waited >= timeoutMs) throw new PolitenessTimeoutError(host, waited);
      // A little jitter so waiters on one host do not all ask at the same instant.
      const wait = Math.min(Number(value) + Math.floor(Math.random() * 10), timeoutMs - waited);
      await sleep(Math.max(1, wait), options.signal);
    }
  }

  /** Leases currently held for a host (expired ones are not counted). */
  async inFlight(host: string): Promise<number> {
    const [leases] = this.keys(host);
    const [seconds, micros] = await this.options.redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return this.options.redis.zcount(leases, `(${now}`, '+inf');
  }
}

export function createPoliteness(options: PolitenessOptions): Politeness {
  return new Politeness(options);
}
