import type { CrawlProgress, CrawlRequest, IndexedPage, PageOutcome } from '@scs/contracts/crawl';

/**
 * What the crawl workflow asks of the outside world. Each is a plain async function in
 * `activities/`; the workflow only sees this interface (its sandbox must not import them).
 */
export interface CrawlActivities {
  /** The first URLs: the start URL and, when the source says so, the in-scope URLs of its sitemaps. */
  planCrawl(request: CrawlRequest): Promise<string[]>;
  /** Of `urls`, those this run has not seen yet (remembered in Redis, so the workflow's state stays small). */
  claimUrls(runKey: string, urls: string[]): Promise<string[]>;
  /**
   * Fetches, parses and chunks one page and prepares its images (validated, resized, thumbnails
   * stored), staging the result for indexing; never throws for an expected skip or failure.
   */
  crawlPage(input: { request: CrawlRequest; runId: string; url: string }): Promise<PageOutcome>;
  /** Announces progress to `crawlProgress` subscribers. */
  publishProgress(input: { orgId: string; sourceId: string; runId: string; progress: CrawlProgress }): Promise<void>;
  /** After a complete run: removes what earlier runs indexed from pages this run no longer found. */
  removeStalePages(input: { orgId: string; sourceId: string; runId: string }): Promise<number>;
  /**
   * Bumps the organization's knowledge version, invalidating caches derived from the index; with
   * `run`, also records the run's outcome for analytics (a `crawl_run` event, once per run).
   */
  markKnowledgeChanged(input: { orgId: string; run?: FinishedCrawlRun }): Promise<number>;
}

/** A run at its end, as the workflow knows it (times in epoch ms, workflow time). */
export interface FinishedCrawlRun {
  sourceId: string;
  runId: string;
  startedAt: number;
  finishedAt: number;
  progress: CrawlProgress;
}

/** Served by the embedding worker: embeds a staged page's chunks and images and writes them to the index. */
export interface PageIndexingActivities {
  /** Idempotent; throws a non-retryable `StageMissing` failure when the stage is gone and was never indexed. */
  indexStagedPage(input: { request: CrawlRequest; runId: string; url: string; stageKey: string }): Promise<IndexedPage>;
}
