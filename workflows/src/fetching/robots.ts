import type { Logger } from '@scs/runtime/logger';
import type { Redis } from '@scs/runtime/redis';
import robotsParser from 'robots-parser';
import { safeFetch, type RobotsGate, type SafeFetchOptions, type SafeFetchResult } from './safe-fetch.js';

type Robot = ReturnType<typeof robotsParser>;

/**
 * What is known about one origin's robots.txt:
 * `rules` (parse `body`), `allow_all` (none, or a 4xx), `disallow_all` (unreachable for now: 5xx, 429, timeout, network).
 */
export interface RobotsRecord {
  origin: string;
  verdict: 'rules' | 'allow_all' | 'disallow_all';
  body: string;
  /** HTTP status of the robots.txt response, when there was one. */
  status?: number;
  /** Why it is not `rules`: the safeFetch failure reason and detail. */
  detail?: string;
  fetchedAt: number;
}

export interface RobotsOptions {
  redis: Redis;
  /** Fetches robots.txt with it, and matches groups by its product token (`SCSBot/1.0 (...)` → `scsbot`). */
  userAgent: string;
  /** URL policy and timeouts for fetching robots.txt (redirects, size and media type are set here). */
  fetch?: Pick<SafeFetchOptions, 'policy' | 'connectTimeoutMs' | 'headersTimeoutMs' | 'totalTimeoutMs'>;
  /** How long a fetched robots.txt (or a 4xx: allow all) is cached; default 24 h. */
  ttlSeconds?: number;
  /** How long "unreachable: disallow all" is cached before trying again; default 5 min. */
  unavailableTtlSeconds?: number;
  /** Bytes of robots.txt read, the rest ignored; default 500 KiB (Google's limit). */
  maxBytes?: number;
  /** Default `scs:robots:`. */
  keyPrefix?: string;
  logger?: Logger;
}

export function originOf(url: string | URL): string {
  return new URL(url.toString()).origin;
}

/** Maps a robots.txt fetch to a verdict, following Google's convention for errors. */
export function robotsVerdict(result: SafeFetchResult): Pick<RobotsRecord, 'verdict' | 'body' | 'status' | 'detail'> {
  if (result.ok) return { verdict: 'rules', body: result.body.toString('utf8'), status: result.status };
  const base = { body: '', detail: `${result.reason}: ${result.detail}`, ...(result.status !== undefined ? { status: result.status } : {}) };
  switch (result.reason) {
    case 'http_error':
      // 429 and 5xx: the site is struggling, crawl nothing for now. Other 4xx (and odd 3xx): no rules, crawl all.
      return { ...base, verdict: result.status === 429 || (result.status ?? 500) >= 500 ? 'disallow_all' : 'allow_all' };
    case 'redirect_loop':
    case 'too_many_redirects':
      return { ...base, verdict: 'allow_all' };
    case 'blocked_url':
      // The origin itself refused: nothing there will be fetched anyway. A redirect elsewhere refused: like a 404.
      return { ...base, verdict: result.redirects.length > 0 ? 'allow_all' : 'disallow_all' };
    default:
      return { ...base, verdict: 'disallow_all' };
  }
}

/**
 * robots.txt per origin, fetched through safeFetch and cached in Redis, so every worker shares one copy.
 * Usable as safeFetch's `robots` gate.
 */
export class RobotsTxt implements RobotsGate {
  private readonly inflight = new Map<string, Promise<RobotsRecord>>();
  private readonly parsed = new Map<string, Robot>();

  constructor(private readonly options: RobotsOptions) {}

  private key(origin: string): string {
    return `${this.options.keyPrefix ?? 'scs:robots:'}${origin}`;
  }

  /** The record for the origin of `url`, from Redis or freshly fetched. */
  async get(url: string | URL): Promise<RobotsRecord> {
    const origin = originOf(url);
    const cached = await this.options.redis.get(this.key(origin));
    if (cached) {
      try {
        return JSON.parse(cached) as RobotsRecord;
      } catch {
        // A malformed entry is refetched.
      }
    }
    let pending = this.inflight.get(origin);
    if (!pending) {
      pending = this.refresh(origin).finally(() => this.inflight.delete(origin));
      this.inflight.set(origin, pending);
    }
    return pending;
  }

  /** Fetches robots.txt now and replaces the cached record. */
  async refresh(origin: string): Promise<RobotsRecord> {
    const result = await safeFetch(`${origin}/robots.txt`, {
      ...this.options.fetch,
      userAgent: this.options.userAgent,
      maxRedirects: 5,
      maxBodyBytes: this.options.maxBytes ?? 500 * 1024,
      truncateBody: true,
      allowedContentTypes: ['*/*'],
    });
    const record: RobotsRecord = { origin, ...robotsVerdict(result), fetchedAt: Date.now() };
    if (record.verdict !== 'rules') this.options.logger?.info({ origin, verdict: record.verdict, detail: record.detail }, 'robots.txt not used');
    const ttl = record.verdict === 'disallow_all' ? (this.options.unavailableTtlSeconds ?? 300) : (this.options.ttlSeconds ?? 86_400);
    await this.options.redis.set(this.key(origin), JSON.stringify(record), 'EX', Math.max(1, Math.round(ttl)));
    return record;
  }

  /** Forgets the cached record of an origin. */
  async invalidate(origin: string): Promise<void> {
    await this.options.redis.del(this.key(originOf(origin)));
  }

  private robot(record: RobotsRecord): Robot {
    const memoKey = `${record.origin} ${record.fetchedAt}`;
    let robot = this.parsed.get(memoKey);
    if (!robot) {
      robot = robotsParser(`${record.origin}/robots.txt`, record.body);
      if (this.parsed.size >= 256) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(memoKey, robot);
    }
    return robot;
  }

  /** Whether `userAgent` (default: the configured one) may fetch `url`. */
  async isAllowed(url: string, userAgent = this.options.userAgent): Promise<boolean> {
    if (new URL(url).pathname === '/robots.txt') return true;
    const record = await this.get(url);
    if (record.verdict !== 'rules') return record.verdict === 'allow_all';
    return this.robot(record).isAllowed(url, userAgent) ?? true;
  }

  /** Crawl-delay in seconds for `userAgent` (default: the configured one), if robots.txt sets one. */
  async crawlDelay(origin: string, userAgent = this.options.userAgent): Promise<number | undefined> {
    const record = await this.get(origin);
    if (record.verdict !== 'rules') return undefined;
    const delay = this.robot(record).getCrawlDelay(userAgent);
    return typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : undefined;
  }

  /** Sitemap URLs listed in robots.txt. */
  async sitemaps(origin: string): Promise<string[]> {
    const record = await this.get(origin);
    return record.verdict === 'rules' ? this.robot(record).getSitemaps() : [];
  }
}

export function createRobots(options: RobotsOptions): RobotsTxt {
  return new RobotsTxt(options);
}
