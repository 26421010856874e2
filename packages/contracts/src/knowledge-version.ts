import type { Redis } from 'ioredis';

/**
 * A per-organization counter that changes whenever the organization's indexed knowledge does
 * (a crawl completed, a source was deleted). Caches of anything derived from the knowledge index
 * (chat's answer cache) put it in their keys, so bumping it invalidates them all at once, on
 * every instance, without scanning keys.
 */
export function knowledgeVersionKey(orgId: string): string {
  return `scs:org:${orgId}:knowledge-version`;
}

/** The organization's current knowledge version (0 until the first bump). */
export async function knowledgeVersion(redis: Redis, orgId: string): Promise<number> {
  const value = await redis.get(knowledgeVersionKey(orgId));
  return value === null ? 0 : Number(value);
}

/** Marks the organization's knowledge as changed; returns the new version. Call it when a crawl completes. */
export async function bumpKnowledgeVersion(redis: Redis, orgId: string): Promise<number> {
  return redis.incr(knowledgeVersionKey(orgId));
}
