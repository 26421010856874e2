// A workflow for the embedding worker test only: it runs on a test task queue, in a worker the test
// starts in its own process, and calls the activities of the real embedding worker on this test
// run's embedding queue (a workflow cannot read the environment, so the test passes it).
import { proxyActivities } from '@temporalio/workflow';
import type { EmbeddingActivities, EmbeddingResult } from '@scs/contracts/embedding';

export async function embedRoundTrip(input: { texts: string[]; images: string[]; embeddingQueue: string }): Promise<EmbeddingResult[]> {
  const embedding = proxyActivities<EmbeddingActivities>({
    taskQueue: input.embeddingQueue,
    startToCloseTimeout: '1 minute',
    heartbeatTimeout: '30 seconds',
    retry: { maximumAttempts: 3 },
  });
  return Promise.all([
    embedding.embedTexts({ texts: input.texts }),
    embedding.embedImageQueries({ texts: input.texts }),
    embedding.embedImages({ images: input.images }),
  ]);
}
