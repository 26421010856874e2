import { ApplicationFailure, Context } from '@temporalio/activity';
import type { EmbedCallOptions, Embedder } from './embedder.js';
import type { EmbeddingActivities } from './embedding-contract.js';
import { EmbeddingInputError } from './errors.js';

/** The failure type of bad input; such failures are not retried. */
export const EMBEDDING_INPUT_FAILURE = 'EmbeddingInputError';

function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined; // called directly, outside an activity
  }
}

/**
 * The activities of the `embedding` task queue, bound to one embedder: a heartbeat (`{ done, total }`)
 * before the models load and after every batch, cancellation between batches, and bad input turned
 * into a non-retryable `EmbeddingInputError` failure.
 */
export function createEmbeddingActivities(embedder: Embedder): EmbeddingActivities {
  async function run<T>(count: number, fn: (options: EmbedCallOptions) => Promise<T>): Promise<T> {
    const ctx = activityContext();
    ctx?.heartbeat({ done: 0, total: count });
    try {
      return await fn(ctx ? { onBatch: (done, total) => ctx.heartbeat({ done, total }), signal: ctx.cancellationSignal } : {});
    } catch (error) {
      if (error instanceof EmbeddingInputError) throw ApplicationFailure.nonRetryable(error.message, EMBEDDING_INPUT_FAILURE);
      throw error;
    }
  }
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return {
    embedTexts: (input) => run(count(input?.texts), (options) => embedder.embedTexts(input, options)),
    embedImages: (input) => run(count(input?.images), (options) => embedder.embedImages(input, options)),
    embedImageQueries: (input) => run(count(input?.texts), (options) => embedder.embedImageQueries(input, options)),
  };
}
