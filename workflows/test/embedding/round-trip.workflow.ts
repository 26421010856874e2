// A workflow for the embedding worker test only: it runs on a test task queue, in a worker the test
// starts in its own process, and calls the activities of the real embedding worker on `embedding`.
import { proxyActivities } from '@temporalio/workflow';
import { EMBEDDING_TASK_QUEUE, type EmbeddingActivities, type EmbeddingResult } from '../../src/embedding/embedding-contract.js';

const embedding = proxyActivities<EmbeddingActivities>({
  taskQueue: EMBEDDING_TASK_QUEUE,
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '30 seconds',
  retry: { maximumAttempts: 3 },
});

export async function embedRoundTrip(input: { texts: string[]; images: string[] }): Promise<EmbeddingResult[]> {
  return Promise.all([embedding.embedTexts({ texts: input.texts }), embedding.embedImageQueries({ texts: input.texts }), embedding.embedImages({ images: input.images })]);
}
