import { createHash } from 'node:crypto';
import type { Redis } from '@scs/runtime/redis';
import type { IndexedPage } from '@scs/contracts/crawl';

/** One index document waiting for its vectors: `embedText` is what the sentence model reads. */
export interface StagedDocument {
  id: string;
  source: Record<string, unknown>;
  embedText: string;
}

/** An image document also carries its CLIP model input (PNG, base64). */
export interface StagedImage extends StagedDocument {
  modelInput: string;
}

/** A parsed page between the ingestion worker and the embedding worker. */
export interface PageStage {
  pageUrl: string;
  chunks: StagedDocument[];
  images: StagedImage[];
}

/** Long enough to outlive retries and a worker restart; a run normally indexes a stage within seconds. */
const STAGE_TTL_SECONDS = 24 * 3600;
const DONE_TTL_SECONDS = 7 * 24 * 3600;

/** Deterministic per run and page, so a retried fetch overwrites its own stage. */
export function stageKeyFor(runId: string, pageUrl: string): string {
  return `scs:crawl:stage:${runId}:${createHash('sha256').update(pageUrl).digest('hex')}`;
}

const doneKeyFor = (stageKey: string) => stageKey.replace('scs:crawl:stage:', 'scs:crawl:stage-done:');

export async function writeStage(redis: Redis, key: string, stage: PageStage): Promise<void> {
  await redis.set(key, JSON.stringify(stage), 'EX', STAGE_TTL_SECONDS);
}

/**
 * The stage, or what indexing it came to when an earlier attempt already finished (and removed
 * it), or null when it is gone without having been indexed.
 */
export async function readStage(redis: Redis, key: string): Promise<{ stage: PageStage } | { done: IndexedPage } | null> {
  const [stage, done] = await redis.mget(key, doneKeyFor(key));
  if (stage) return { stage: JSON.parse(stage) as PageStage };
  if (done) return { done: JSON.parse(done) as IndexedPage };
  return null;
}

/** Records the result and drops the stage in one step, so a retry finds one or the other. */
export async function completeStage(redis: Redis, key: string, result: IndexedPage): Promise<void> {
  await redis.multi().set(doneKeyFor(key), JSON.stringify(result), 'EX', DONE_TTL_SECONDS).del(key).exec();
}
