import { bumpKnowledgeVersion } from '@scs/contracts/knowledge-version';
import type { AnalyticsEvent } from '@scs/contracts/analytics-events';
import type { FinishedCrawlRun } from '../crawl-activities.js';
import type { CrawlDependencies } from './dependencies.js';

/**
 * After a run changed what the organization knows: caches derived from the index (chat's answers)
 * start over. The run's outcome is recorded for analytics too, as a `crawl_run` event whose id is
 * the run's, so a retried activity stores it once.
 */
export function markKnowledgeChanged(deps: CrawlDependencies) {
  return async (input: { orgId: string; run?: FinishedCrawlRun }): Promise<number> => {
    const version = await bumpKnowledgeVersion(deps.redis, input.orgId);
    if (input.run) {
      const { sourceId, runId, startedAt, finishedAt, progress } = input.run;
      const event: AnalyticsEvent = {
        type: 'crawl_run',
        eventId: `crawl_run:${runId}`,
        orgId: input.orgId,
        occurredAt: new Date(finishedAt),
        data: {
          sourceId,
          runId,
          status: progress.status,
          startedAt: new Date(startedAt).toISOString(),
          durationMs: Math.max(0, finishedAt - startedAt),
          discovered: progress.discovered,
          fetched: progress.fetched,
          indexed: progress.indexed,
          skipped: progress.skipped,
          failed: progress.failed,
          imagesIndexed: progress.imagesIndexed,
          imagesFailed: progress.imagesFailed,
          failedByReason: progress.failedByReason,
        },
      };
      // Awaited (an activity has no user waiting), but a lost event never fails the run.
      await deps.analytics.send([event]).catch((error: unknown) => deps.logger.warn({ err: error, runId }, 'could not record the crawl run for analytics'));
    }
    return version;
  };
}
