import { randomUUID } from 'node:crypto';
import type { Redis } from '@scs/runtime/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRobots, safeFetch, type RobotsOptions } from '../../src/fetching/index.js';
import { deleteKeys, startServer, testRedis, type TestServer } from './support.js';

const USER_AGENT = 'SCSBot/1.0 (+https://example.test/bot)';

/** One origin per behaviour: each server is its own origin (own port). */
async function robotsServer(robots: (origin: string) => { status: number; body?: string; hang?: boolean }): Promise<TestServer> {
  return startServer((req, res, self) => {
    if (req.url === '/robots.txt') {
      const answer = robots(self.origin);
      if (answer.hang) return; // never answers
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      res.end(answer.body ?? '');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>page</p>');
  });
}

describe('robots.txt', () => {
  const prefix = `scs:test:robots:${randomUUID()}:`;
  let redis: Redis;
  let rules: TestServer;
  let missing: TestServer;
  let failing: TestServer;
  let hanging: TestServer;
  let options: RobotsOptions;

  beforeAll(async () => {
    redis = testRedis('robots');
    rules = await robotsServer((origin) => ({
      status: 200,
      body: [
        'User-agent: *',
        'Disallow: /private',
        'Allow: /private/open',
        'Crawl-delay: 2',
        '',
        'User-agent: OtherBot',
        'Disallow: /',
        '',
        `Sitemap: ${origin}/sitemap.xml`,
        `Sitemap: ${origin}/news-sitemap.xml`,
      ].join('\n'),
    }));
    missing = await robotsServer(() => ({ status: 404, body: 'no robots here' }));
    failing = await robotsServer(() => ({ status: 503, body: 'busy' }));
    hanging = await robotsServer(() => ({ status: 200, hang: true }));
    const servers = [rules, missing, failing, hanging];
    options = {
      redis,
      userAgent: USER_AGENT,
      keyPrefix: prefix,
      fetch: { policy: { allowPrivateHosts: ['127.0.0.1'], allowedPorts: servers.map((s) => s.port) }, totalTimeoutMs: 500 },
    };
  });

  afterAll(async () => {
    await Promise.all([rules, missing, failing, hanging].map((s) => s?.close()));
    if (redis) {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });

  it('refuses disallowed paths and allows the rest, for our product token', async () => {
    const robots = createRobots(options);
    expect(await robots.isAllowed(`${rules.origin}/private/page`)).toBe(false);
    expect(await robots.isAllowed(`${rules.origin}/private`)).toBe(false);
    expect(await robots.isAllowed(`${rules.origin}/private/open/page`)).toBe(true);
    expect(await robots.isAllowed(`${rules.origin}/public`)).toBe(true);
    expect(await robots.isAllowed(`${rules.origin}/robots.txt`)).toBe(true);
    expect(await robots.isAllowed(`${rules.origin}/public`, 'OtherBot/2.0')).toBe(false);
  });

  it('reads the crawl-delay and the sitemaps', async () => {
    const robots = createRobots(options);
    expect(await robots.crawlDelay(rules.origin)).toBe(2);
    expect(await robots.sitemaps(rules.origin)).toEqual([`${rules.origin}/sitemap.xml`, `${rules.origin}/news-sitemap.xml`]);
    expect(await robots.crawlDelay(missing.origin)).toBeUndefined();
  });

  it('fetches robots.txt once per origin and serves every later question from Redis, to every worker', async () => {
    await createRobots(options).invalidate(rules.origin);
    const before = rules.hits.get('/robots.txt') ?? 0;
    const redisB = testRedis('robots-b');
    const workerA = createRobots(options);
    const workerB = createRobots({ ...options, redis: redisB });
    try {
      expect(await workerA.isAllowed(`${rules.origin}/private/x`)).toBe(false);
      expect(await workerA.isAllowed(`${rules.origin}/public`)).toBe(true);
      expect(await workerA.crawlDelay(rules.origin)).toBe(2);
      expect(await workerB.isAllowed(`${rules.origin}/private/y`)).toBe(false);
      expect(await workerB.sitemaps(rules.origin)).toHaveLength(2);
      expect((rules.hits.get('/robots.txt') ?? 0) - before).toBe(1);

      const key = `${prefix}${rules.origin}`;
      expect(await redis.ttl(key)).toBeGreaterThan(86_000);
      expect(JSON.parse((await redis.get(key))!)).toMatchObject({ origin: rules.origin, verdict: 'rules', status: 200 });
    } finally {
      redisB.disconnect();
    }
  });

  it('asks concurrently, fetches once', async () => {
    const robots = createRobots(options);
    await robots.invalidate(rules.origin);
    const before = rules.hits.get('/robots.txt') ?? 0;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => robots.isAllowed(`${rules.origin}/page/${i}`)));
    expect(answers.every(Boolean)).toBe(true);
    expect((rules.hits.get('/robots.txt') ?? 0) - before).toBe(1);
  });

  it('allows everything when robots.txt is a 4xx', async () => {
    const robots = createRobots(options);
    expect(await robots.isAllowed(`${missing.origin}/anything/at/all`)).toBe(true);
    expect(await robots.get(missing.origin)).toMatchObject({ verdict: 'allow_all', status: 404 });
  });

  it('disallows everything for now when robots.txt is a 5xx or times out, and retries sooner', async () => {
    const robots = createRobots({ ...options, unavailableTtlSeconds: 60 });
    expect(await robots.isAllowed(`${failing.origin}/page`)).toBe(false);
    expect(await robots.get(failing.origin)).toMatchObject({ verdict: 'disallow_all', status: 503 });
    expect(await redis.ttl(`${prefix}${failing.origin}`)).toBeLessThanOrEqual(60);

    const started = Date.now();
    expect(await robots.isAllowed(`${hanging.origin}/page`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await robots.get(hanging.origin)).toMatchObject({ verdict: 'disallow_all', detail: expect.stringContaining('timeout') });
  });

  it('gates safeFetch: a disallowed page is skipped with robots_disallowed', async () => {
    const robots = createRobots(options);
    const fetchOptions = { userAgent: USER_AGENT, policy: options.fetch!.policy!, robots };
    expect(await safeFetch(`${rules.origin}/private/page`, fetchOptions)).toMatchObject({ ok: false, reason: 'robots_disallowed' });
    expect(rules.hits.get('/private/page')).toBeUndefined();
    expect(await safeFetch(`${rules.origin}/public`, fetchOptions)).toMatchObject({ ok: true });
  });
});
