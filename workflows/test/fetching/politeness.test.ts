import { randomUUID } from 'node:crypto';
import type { Redis } from '@scs/runtime/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoliteness, PolitenessTimeoutError, type PolitenessOptions } from '../../src/fetching/index.js';
import { deleteKeys, sleep, testRedis } from './support.js';

describe('politeness', () => {
  const prefix = `scs:test:polite:${randomUUID()}:`;
  /** Three connections: three workers sharing the limits only through Redis. */
  let workers: Redis[];

  beforeAll(() => {
    workers = [testRedis('polite-1'), testRedis('polite-2'), testRedis('polite-3')];
  });

  afterAll(async () => {
    if (workers) {
      await deleteKeys(workers[0]!, prefix);
      for (const redis of workers) redis.disconnect();
    }
  });

  const politenessFor = (options: Omit<PolitenessOptions, 'redis'>) =>
    workers.map((redis) => createPoliteness({ redis, keyPrefix: prefix, pollIntervalMs: 10, ...options }));

  it('never has more than maxConcurrentPerHost in flight across workers, and spaces starts by minDelayMs', async () => {
    const host = `site-${randomUUID()}.test`;
    const minDelayMs = 40;
    const politeness = politenessFor({ maxConcurrentPerHost: 2, minDelayMs });
    let inFlight = 0;
    let maxInFlight = 0;
    const starts: number[] = [];

    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await politeness[i % politeness.length]!.acquire(host);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        starts.push(release.startedAt);
        try {
          await sleep(150); // the "request"
        } finally {
          inFlight--;
          await release();
        }
      }),
    );

    expect(maxInFlight).toBe(2);
    expect(starts).toHaveLength(6);
    const sorted = [...starts].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(minDelayMs);
    // Two slots, 150 ms each: six requests need at least three rounds.
    expect(sorted.at(-1)! - sorted[0]!).toBeGreaterThanOrEqual(2 * 150 - 20);
    expect(await politeness[0]!.inFlight(host)).toBe(0);
  });

  it('uses the crawl-delay when it is longer than minDelayMs', async () => {
    const host = `site-${randomUUID()}.test`;
    const politeness = politenessFor({ maxConcurrentPerHost: 10, minDelayMs: 10 });
    const releases = await Promise.all(Array.from({ length: 3 }, (_, i) => politeness[i]!.acquire(host, { crawlDelaySeconds: 0.2 })));
    const sorted = releases.map((r) => r.startedAt).sort((a, b) => a - b);
    expect(sorted[1]! - sorted[0]!).toBeGreaterThanOrEqual(200);
    expect(sorted[2]! - sorted[1]!).toBeGreaterThanOrEqual(200);
    await Promise.all(releases.map((release) => release()));
  });

  it('keeps hosts independent', async () => {
    const [politeness] = politenessFor({ maxConcurrentPerHost: 1, minDelayMs: 5_000 });
    const a = await politeness!.acquire(`a-${randomUUID()}.test`);
    const started = Date.now();
    const b = await politeness!.acquire(`b-${randomUUID()}.test`);
    expect(Date.now() - started).toBeLessThan(500);
    await Promise.all([a(), b()]);
  });

  it('frees a lease that is never released once it expires', async () => {
    const host = `site-${randomUUID()}.test`;
    const [crashed, survivor] = politenessFor({ maxConcurrentPerHost: 1, minDelayMs: 0, leaseMs: 400 });
    const abandoned = await crashed!.acquire(host); // the worker "crashes": no release
    expect(await survivor!.inFlight(host)).toBe(1);

    const waitStarted = Date.now();
    const next = await survivor!.acquire(host, { timeoutMs: 5_000 });
    expect(next.startedAt - abandoned.startedAt).toBeGreaterThanOrEqual(400);
    expect(Date.now() - waitStarted).toBeGreaterThanOrEqual(300);
    await next();
    await abandoned(); // long expired: nothing to do
    expect(await survivor!.inFlight(host)).toBe(0);
  });

  it('gives up with PolitenessTimeoutError after a bounded wait, and release is idempotent', async () => {
    const host = `site-${randomUUID()}.test`;
    const [first, second] = politenessFor({ maxConcurrentPerHost: 1, minDelayMs: 0 });
    const held = await first!.acquire(host);
    const started = Date.now();
    const attempt = second!.acquire(host, { timeoutMs: 250 });
    await expect(attempt).rejects.toBeInstanceOf(PolitenessTimeoutError);
    await expect(attempt).rejects.toMatchObject({ code: 'POLITENESS_TIMEOUT', host });
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(Date.now() - started).toBeLessThan(1_500);

    await held();
    await held();
    const after = await second!.acquire(host, { timeoutMs: 1_000 });
    await after();
  });

  it('stops waiting when the caller aborts', async () => {
    const host = `site-${randomUUID()}.test`;
    const [first, second] = politenessFor({ maxConcurrentPerHost: 1, minDelayMs: 0 });
    const held = await first!.acquire(host);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 100);
    await expect(second!.acquire(host, { signal: controller.signal })).rejects.toThrow('shutting down');
    await held();
  });
});
