/**
 * The contract of the crawl workflow, shared by the workflow, its worker and the clients that
 * start and steer it (the knowledge subgraph). Only plain types and Temporal definitions here:
 * this file is bundled into the deterministic workflow sandbox.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { EMBEDDING_TASK_QUEUE } from './embedding.js';

export const INGESTION_TASK_QUEUE = 'ingestion';

/**
 * The task queues of one deployment: `ingestion` and `embedding` behind an optional prefix
 * (`TEMPORAL_TASK_QUEUE_PREFIX`), so deployments or test runs sharing a Temporal namespace never
 * take each other's tasks.
 */
export function taskQueues(prefix = ''): { ingestion: string; embedding: string } {
  return { ingestion: `${prefix}${INGESTION_TASK_QUEUE}`, embedding: `${prefix}${EMBEDDING_TASK_QUEUE}` };
}

/** The embedding queue of the deployment a crawl runs in, from the crawl's own (ingestion) queue. */
export function embeddingQueueFor(ingestionQueue: string): string {
  const prefix = ingestionQueue.endsWith(INGESTION_TASK_QUEUE) ? ingestionQueue.slice(0, -INGESTION_TASK_QUEUE.length) : '';
  return taskQueues(prefix).embedding;
}

/** Custom search attributes the stack registers, so admins can find runs in the Temporal UI. */
export const SEARCH_ATTRIBUTES = { orgId: 'ScsOrgId', sourceId: 'ScsSourceId', status: 'ScsCrawlStatus' } as const;

/** One run per source at a time: starting again while one runs is refused by Temporal itself. */
export function crawlWorkflowId(sourceId: string): string {
  return `crawl-source-${sourceId}`;
}

export type CrawlStatus = 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';

/** The source's settings as they were when the run started. */
export interface CrawlSettings {
  startUrl: string;
  scope: 'host' | 'path_prefix';
  includePatterns: string[];
  excludePatterns: string[];
  maxDepth: number;
  maxPages: number;
  useSitemap: boolean;
  jsRendering: 'auto' | 'always' | 'never';
  accessRoles: string[];
}

export interface CrawlRequest {
  orgId: string;
  sourceId: string;
  settings: CrawlSettings;
}

/** Live counts, with the reason of every skip and failure. */
export interface CrawlProgress {
  status: CrawlStatus;
  discovered: number;
  fetched: number;
  indexed: number;
  skipped: number;
  failed: number;
  skippedByReason: Record<string, number>;
  failedByReason: Record<string, number>;
  /** Images of indexed pages (each image URL counted once per run). */
  imagesIndexed: number;
  imagesFailed: number;
  imagesFailedByReason: Record<string, number>;
}

/** Counts by reason as the API lists them. */
export function reasonList(counts: Record<string, number>): { reason: string; count: number }[] {
  return Object.entries(counts).map(([reason, count]) => ({ reason, count }));
}

/** A linked URL the run will not fetch, and why (out of scope, a blocked address, an excluded pattern). */
export interface RejectedLink {
  url: string;
  reason: string;
}

/**
 * What fetching and parsing one page came to. A page worth indexing is `staged`: its chunks and
 * prepared images wait in Redis under `stageKey` for the embedding worker (payloads stay small).
 */
export type PageOutcome =
  | {
      url: string;
      outcome: 'staged';
      stageKey: string;
      chunks: number;
      images: number;
      imageFailures: Record<string, number>;
      links: string[];
      rejectedLinks: RejectedLink[];
    }
  | { url: string; outcome: 'skipped' | 'failed'; reason: string; links: string[]; rejectedLinks: RejectedLink[] };

/** What the embedding worker wrote to the index for one staged page. */
export interface IndexedPage {
  chunks: number;
  images: number;
}

export const pauseCrawl = defineSignal('pauseCrawl');
export const resumeCrawl = defineSignal('resumeCrawl');
export const cancelCrawl = defineSignal('cancelCrawl');
export const crawlProgressQuery = defineQuery<CrawlProgress>('crawlProgress');
