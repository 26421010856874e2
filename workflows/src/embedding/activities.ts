import { ApplicationFailure, Context } from '@temporalio/activity';
import { counter, histogram, LONG_BUCKETS } from '@scs/runtime/observability/metrics';
import type { EmbedCallOptions, Embedder } from '@scs/embedding/embedder';
import type { EmbeddingActivities } from '@scs/contracts/embedding';
import { EmbeddingInputError } from '@scs/embedding/errors';

type EmbeddingKind = 'text' | 'image' | 'image_query';

/** Embedding throughput: inputs embedded (rate() of it is inputs per second) and time per call, by kind. */
const embeddedInputs = counter<'kind'>({
  name: 'embedding_inputs_total',
  help: 'Inputs embedded by this worker, by kind (text, image, image_query); its rate is the embedding throughput.',
  labelNames: ['kind'],
});
const embeddingDuration = histogram<'kind' | 'outcome'>({
  name: 'embedding_duration_seconds',
  help: 'Time to embed one activity call (all its batches) in seconds, by kind and outcome.',
  labelNames: ['kind', 'outcome'],
  buckets: LONG_BUCKETS,
});

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
  for (const kind of ['text', 'image', 'image_query'] as const) embeddedInputs.inc({ kind }, 0);
  async function run<T>(kind: EmbeddingKind, count: number, fn: (options: EmbedCallOptions) => Promise<T>): Promise<T> {
    const ctx = activityContext();
    ctx?.heartbeat({ done: 0, total: count });
    const end = embeddingDuration.startTimer({ kind });
    try {
      const result = await fn(ctx ? { onBatch: (done, total) => ctx.heartbeat({ done, total }), signal: ctx.cancellationSignal } : {});
      end({ outcome: 'ok' });
      embeddedInputs.inc({ kind }, count);
      return result;
    } catch (error) {
      end({ outcome: 'error' });
      if (error instanceof EmbeddingInputError) throw ApplicationFailure.nonRetryable(error.message, EMBEDDING_INPUT_FAILURE);
      throw error;
    }
  }
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return {
    embedTexts: (input) => run('text', count(input?.texts), (options) => embedder.embedTexts(input, options)),
    embedImages: (input) => run('image', count(input?.images), (options) => embedder.embedImages(input, options)),
    embedImageQueries: (input) => run('image_query', count(input?.texts), (options) => embedder.embedImageQueries(input, options)),
  };
}
