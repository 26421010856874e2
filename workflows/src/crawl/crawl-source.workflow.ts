import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CrawlActivities, PageIndexingActivities } from './crawl-activities.js';
import {
  cancelCrawl,
  crawlProgressQuery,
  embeddingQueueFor,
  pauseCrawl,
  resumeCrawl,
  SEARCH_ATTRIBUTES,
  type CrawlProgress,
  type CrawlRequest,
  type CrawlStatus,
  type PageOutcome,
} from '@scs/contracts/crawl';

const planning = proxyActivities<CrawlActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 5, initialInterval: '2s' },
});
const pages = proxyActivities<CrawlActivities>({
  startToCloseTimeout: '3 minutes',
  // Activities heartbeat between steps; a fetch is bounded at 30 s, so silence beyond this means a dead worker.
  heartbeatTimeout: '45 seconds',
  retry: { maximumAttempts: 4, initialInterval: '2s', backoffCoefficient: 2 },
});
// Embedding and indexing run on the embedding worker (the GPU host, where there is one), on the
// embedding queue of this crawl's own deployment (made per call: the workflow's task queue is only
// known inside the workflow).
const indexing = () =>
  proxyActivities<PageIndexingActivities>({
    taskQueue: embeddingQueueFor(workflowInfo().taskQueue),
    startToCloseTimeout: '5 minutes',
    // The embedder heartbeats after every batch (well under a second each on a CPU); silence means a dead worker.
    heartbeatTimeout: '30 seconds',
    retry: { maximumAttempts: 5, initialInterval: '2s', backoffCoefficient: 2, nonRetryableErrorTypes: ['StageMissing'] },
  });

/** Pages fetched concurrently by one run (per-host politeness still applies inside the activity). */
const BATCH_SIZE = 4;
/** Pages per workflow execution before continuing as new, to keep the event history small. */
const PAGES_PER_EXECUTION = 150;

interface FrontierEntry {
  url: string;
  depth: number;
}

/** What a run carries over when it continues as new. */
export interface CrawlCarryOver {
  runId: string;
  frontier: FrontierEntry[];
  progress: CrawlProgress;
  /** Pages sent to be fetched so far (what `maxPages` limits; links rejected at discovery are not fetched). */
  attempted?: number;
}

function freshProgress(): CrawlProgress {
  return {
    status: 'running',
    discovered: 0,
    fetched: 0,
    indexed: 0,
    skipped: 0,
    failed: 0,
    skippedByReason: {},
    failedByReason: {},
    imagesIndexed: 0,
    imagesFailed: 0,
    imagesFailedByReason: {},
  };
}

function count(counts: Record<string, number>, reason: string, by = 1): void {
  counts[reason] = (counts[reason] ?? 0) + by;
}

/** The page's chunks and images go from the stage to the index; a lost stage fails the page, not the run. */
type StagedPage = Extract<PageOutcome, { outcome: 'staged' }>;
/** A page at the end of its pipeline. */
type PageResult = Exclude<PageOutcome, StagedPage> | (Omit<StagedPage, 'outcome' | 'stageKey'> & { outcome: 'indexed' });

async function indexStaged(request: CrawlRequest, runId: string, outcome: PageOutcome): Promise<PageResult> {
  if (outcome.outcome !== 'staged') return outcome;
  try {
    const indexed = await indexing().indexStagedPage({ request, runId, url: outcome.url, stageKey: outcome.stageKey });
    return { ...outcome, outcome: 'indexed', chunks: indexed.chunks, images: indexed.images };
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'StageMissing') {
      return { url: outcome.url, outcome: 'failed', reason: 'stage_lost', links: outcome.links, rejectedLinks: outcome.rejectedLinks };
    }
    throw error;
  }
}

/**
 * Crawls one source: a breadth-first frontier from the start URL (and sitemaps), each page
 * fetched, parsed, chunked and indexed by an activity, limited by depth and page count. Can be
 * paused, resumed and cancelled by signal, reports progress by query and to subscribers, and
 * continues as new on large sites. Pages of earlier runs that this run did not find are removed.
 */
export async function crawlSource(request: CrawlRequest, carried?: CrawlCarryOver): Promise<CrawlProgress> {
  const runId = carried?.runId ?? workflowInfo().firstExecutionRunId;
  const progress = carried?.progress ?? freshProgress();
  const frontier: FrontierEntry[] = carried?.frontier ?? [];
  let paused = false;
  let cancelled = false;

  const setStatus = (status: CrawlStatus) => {
    progress.status = status;
    upsertSearchAttributes({ [SEARCH_ATTRIBUTES.status]: [status] });
  };
  setHandler(pauseCrawl, () => {
    paused = true;
  });
  setHandler(resumeCrawl, () => {
    paused = false;
  });
  setHandler(cancelCrawl, () => {
    cancelled = true;
  });
  setHandler(crawlProgressQuery, () => progress);
  const publish = () => planning.publishProgress({ orgId: request.orgId, sourceId: request.sourceId, runId, progress });

  if (!carried) {
    setStatus('running');
    const seeds = await planning.claimUrls(runId, await planning.planCrawl(request));
    frontier.push(...seeds.map((url) => ({ url, depth: 0 })));
    progress.discovered += seeds.length;
    await publish();
  }

  let pagesThisExecution = 0;
  let attempted = carried?.attempted ?? progress.fetched + progress.skipped + progress.failed;
  while (frontier.length > 0 && attempted < request.settings.maxPages && !cancelled) {
    if (paused) {
      setStatus('paused');
      await publish();
      await condition(() => !paused || cancelled);
      if (cancelled) break;
      setStatus('running');
      await publish();
    }
    const batch = frontier.splice(0, Math.min(BATCH_SIZE, request.settings.maxPages - attempted));
    attempted += batch.length;
    const outcomes = await Promise.all(batch.map(async (entry) => indexStaged(request, runId, await pages.crawlPage({ request, runId, url: entry.url }))));
    const found: { url: string; depth: number }[] = [];
    const rejected = new Map<string, string>();
    outcomes.forEach((outcome, i) => {
      const depth = batch[i]!.depth;
      if (outcome.outcome === 'indexed') {
        progress.fetched += 1;
        progress.indexed += 1;
        progress.imagesIndexed += outcome.images;
      } else if (outcome.outcome === 'skipped') {
        progress.skipped += 1;
        count(progress.skippedByReason, outcome.reason);
      } else if (outcome.outcome === 'failed') {
        progress.failed += 1;
        count(progress.failedByReason, outcome.reason);
      }
      if ('imageFailures' in outcome) {
        for (const [reason, n] of Object.entries(outcome.imageFailures)) {
          progress.imagesFailed += n;
          count(progress.imagesFailedByReason, reason, n);
        }
      }
      if (depth < request.settings.maxDepth) {
        found.push(...outcome.links.map((url) => ({ url, depth: depth + 1 })));
        for (const link of outcome.rejectedLinks) if (!rejected.has(link.url)) rejected.set(link.url, link.reason);
      }
    });
    const linked = [...new Set(found.map((f) => f.url)), ...rejected.keys()];
    if (linked.length > 0) {
      const fresh = new Set(await planning.claimUrls(runId, linked));
      for (const entry of found) {
        if (!fresh.delete(entry.url)) continue;
        frontier.push(entry);
        progress.discovered += 1;
      }
      // Links the run will not follow are counted once each, as skipped with their reason, never fetched.
      for (const [url, reason] of rejected) {
        if (!fresh.delete(url)) continue;
        progress.discovered += 1;
        progress.skipped += 1;
        count(progress.skippedByReason, reason);
      }
    }
    pagesThisExecution += batch.length;
    await publish();
    if (pagesThisExecution >= PAGES_PER_EXECUTION && frontier.length > 0 && !cancelled) {
      await continueAsNew<typeof crawlSource>(request, { runId, frontier, progress, attempted });
    }
  }

  if (cancelled) {
    setStatus('cancelled');
  } else {
    // Only a run that saw the whole site may conclude that missing pages are gone.
    if (frontier.length === 0) await planning.removeStalePages({ orgId: request.orgId, sourceId: request.sourceId, runId });
    setStatus('completed');
  }
  // Pages were (re)indexed or removed, cancelled runs included: answers cached before are stale.
  // The run's outcome goes to analytics with it (the start is the execution chain's, across continue-as-new).
  await planning.markKnowledgeChanged({
    orgId: request.orgId,
    run: { sourceId: request.sourceId, runId, startedAt: workflowInfo().startTime.getTime(), finishedAt: Date.now(), progress },
  });
  await publish();
  return progress;
}
