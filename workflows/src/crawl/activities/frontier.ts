import type { CrawlDependencies } from './dependencies.js';

const SEEN_TTL_SECONDS = 7 * 24 * 3600;

/** Remembers which URLs a run has queued, in Redis, and returns only the new ones (in order). */
export function claimUrls(deps: CrawlDependencies) {
  return async (runKey: string, urls: string[]): Promise<string[]> => {
    if (urls.length === 0) return [];
    const key = `scs:crawl:seen:${runKey}`;
    const multi = deps.redis.multi();
    for (const url of urls) multi.sadd(key, url);
    multi.expire(key, SEEN_TTL_SECONDS);
    const results = (await multi.exec()) ?? [];
    return urls.filter((_, i) => results[i]?.[1] === 1);
  };
}
