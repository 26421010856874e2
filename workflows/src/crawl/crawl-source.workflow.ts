import { condition, continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CrawlActivities } from './crawl-activities.js';
import {
  cancelCrawl,
  crawlProgressQuery,
  pauseCrawl,
  resumeCrawl,
  SEARCH_ATTRIBUTES,
  type CrawlProgress,
  type CrawlRequest,
  type CrawlStatus,
} from './crawl-contract.js';

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
}

function freshProgress(): CrawlProgress {
  return { status: 'running', discovered: 0, fetched: 0, indexed: 0, skipped: 0, failed: 0, skippedByReason: {}, failedByReason: {} };
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
  const processed = () => progress.fetched + progress.skipped + progress.failed;
  while (frontier.length > 0 && processed() < request.settings.maxPages && !cancelled) {
    if (paused) {
      setStatus('paused');
      await publish();
      await condition(() => !paused || cancelled);
      if (cancelled) break;
      setStatus('running');
      await publish();
    }
    const batch = frontier.splice(0, Math.min(BATCH_SIZE, request.settings.maxPages - processed()));
    const outcomes = await Promise.all(batch.map((entry) => pages.crawlPage({ request, runId, url: entry.url })));
    const found: { url: string; depth: number }[] = [];
    outcomes.forEach((outcome, i) => {
      const depth = batch[i]!.depth;
      if (outcome.outcome === 'indexed') {
        progress.fetched += 1;
        progress.indexed += 1;
      } else if (outcome.outcome === 'skipped') {
        progress.skipped += 1;
        progress.skippedByReason[outcome.reason] = (progress.skippedByReason[outcome.reason] ?? 0) + 1;
      } else {
        progress.failed += 1;
        progress.failedByReason[outcome.reason] = (progress.failedByReason[outcome.reason] ?? 0) + 1;
      }
      if (depth < request.settings.maxDepth) found.push(...outcome.links.map((url) => ({ url, depth: depth + 1 })));
    });
    if (found.length > 0) {
      const fresh = new Set(await planning.claimUrls(runId, [...new Set(found.map((f) => f.url))]));
      for (const entry of found) {
        if (!fresh.delete(entry.url)) continue;
        frontier.push(entry);
        progress.discovered += 1;
      }
    }
    pagesThisExecution += batch.length;
    await publish();
    if (pagesThisExecution >= PAGES_PER_EXECUTION && frontier.length > 0 && !cancelled) {
      await continueAsNew<typeof crawlSource>(request, { runId, frontier, progress });
    }
  }

  if (cancelled) {
    setStatus('cancelled');
  } else {
    // Only a run that saw the whole site may conclude that missing pages are gone.
    if (frontier.length === 0) await planning.removeStalePages({ orgId: request.orgId, sourceId: request.sourceId, runId });
    setStatus('completed');
  }
  await publish();
  return progress;
}
