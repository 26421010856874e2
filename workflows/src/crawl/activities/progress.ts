import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import { reasonList, type CrawlProgress } from '@scs/contracts/crawl';
import type { CrawlDependencies } from './dependencies.js';

/** Announces a run's counts on the `crawlProgress` subscription channel of its organization. */
export function publishProgress(deps: CrawlDependencies) {
  return async (input: { orgId: string; sourceId: string; runId: string; progress: CrawlProgress }): Promise<void> => {
    await deps.pubsub.publish(subscriptionTopic('crawlProgress', { sourceId: input.sourceId }, input.orgId), {
      __typename: 'CrawlProgress',
      sourceId: input.sourceId,
      runId: input.runId,
      ...input.progress,
      // Events carry values as the API shows them: enum names, not internal values.
      status: input.progress.status.toUpperCase(),
      skippedByReason: reasonList(input.progress.skippedByReason),
      failedByReason: reasonList(input.progress.failedByReason),
      imagesFailedByReason: reasonList(input.progress.imagesFailedByReason ?? {}),
    });
  };
}
