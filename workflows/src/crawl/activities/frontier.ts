import { Context } from '@temporalio/activity';
import type { Redis } from '@scs/runtime/redis';
import type { CrawlDependencies } from './dependencies.js';

const SEEN_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Adds `urls` to the run's seen-set in Redis and returns the ones that were new, in order.
 * Idempotent per `claimId`: a retried activity (say, after its worker died between Redis and
 * Temporal) gets the same answer instead of finding its own URLs "already seen" and dropping them.
 */
export async function claimOnce(redis: Redis, runKey: string, claimId: string, urls: string[]): Promise<string[]> {
  if (urls.length === 0) return [];
  const resultKey = `scs:crawl:claimed:${runKey}:${claimId}`;
  const earlier = await redis.get(resultKey);
  if (earlier !== null) return JSON.parse(earlier) as string[];
  const multi = redis.multi();
  for (const url of urls) multi.sadd(`scs:crawl:seen:${runKey}`, url);
  multi.expire(`scs:crawl:seen:${runKey}`, SEEN_TTL_SECONDS);
  const results = (await multi.exec()) ?? [];
  const fresh = urls.filter((_, i) => results[i]?.[1] === 1);
  await redis.set(resultKey, JSON.stringify(fresh), 'EX', SEEN_TTL_SECONDS);
  return fresh;
}

/** The URLs this run has not queued yet (see `claimOnce`). */
export function claimUrls(deps: CrawlDependencies) {
  return async (runKey: string, urls: string[]): Promise<string[]> => {
    const { workflowExecution, activityId } = Context.current().info;
    return claimOnce(deps.redis, runKey, `${workflowExecution?.runId}:${activityId}`, urls);
  };
}
