import { counter, gauge, histogram, LATENCY_BUCKETS, LONG_BUCKETS } from '@scs/runtime/observability/metrics';

/**
 * The LLM server's Prometheus series (served on `/metrics` with the Node.js defaults):
 * tokens in and out, generation speed per request, time to first token, time queued, and
 * requests by outcome; the slot gauges are read from the engine at each scrape.
 */
export const llmMetrics = {
  requests: counter<'model' | 'outcome'>({
    name: 'llm_requests_total',
    help: 'Chat completions by model and outcome (stop, length, client_gone, shutdown, error).',
    labelNames: ['model', 'outcome'],
  }),
  promptTokens: counter<'model'>({ name: 'llm_prompt_tokens_total', help: 'Prompt tokens evaluated, by model.', labelNames: ['model'] }),
  generatedTokens: counter<'model'>({ name: 'llm_generated_tokens_total', help: 'Completion tokens generated, by model.', labelNames: ['model'] }),
  tokensPerSecond: histogram<'model'>({
    name: 'llm_tokens_per_second',
    help: 'Generation speed of one completion (completion tokens / generation time), by model.',
    labelNames: ['model'],
    buckets: [1, 2, 5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000],
  }),
  generationDuration: histogram<'model'>({
    name: 'llm_generation_duration_seconds',
    help: 'Time from a completion leaving the queue to its last token, in seconds, by model.',
    labelNames: ['model'],
    buckets: LONG_BUCKETS,
  }),
  timeToFirstToken: histogram<'model'>({
    name: 'llm_time_to_first_token_seconds',
    help: 'Time from a completion leaving the queue to its first token, in seconds, by model.',
    labelNames: ['model'],
    buckets: LATENCY_BUCKETS,
  }),
  queueWait: histogram<'model'>({
    name: 'llm_queue_wait_seconds',
    help: 'Time a completion waited for a free sequence slot, in seconds, by model.',
    labelNames: ['model'],
    buckets: LATENCY_BUCKETS,
  }),
  slotsActive: gauge({ name: 'llm_slots_active', help: 'Sequence slots generating now.' }),
  requestsQueued: gauge({ name: 'llm_requests_queued', help: 'Completions waiting for a sequence slot.' }),
};

/** Starts the token counters at zero for the served model, so rate() sees the first completion too. */
export function initLlmMetrics(model: string): void {
  llmMetrics.promptTokens.inc({ model }, 0);
  llmMetrics.generatedTokens.inc({ model }, 0);
}

/** Records one finished (or aborted) completion. */
export function recordCompletion(
  model: string,
  outcome: string,
  stats: { promptTokens: number; completionTokens: number; queueMs: number; firstTokenMs: number | null; generationMs: number },
): void {
  llmMetrics.requests.inc({ model, outcome });
  llmMetrics.promptTokens.inc({ model }, stats.promptTokens);
  llmMetrics.generatedTokens.inc({ model }, stats.completionTokens);
  llmMetrics.queueWait.observe({ model }, stats.queueMs / 1000);
  llmMetrics.generationDuration.observe({ model }, stats.generationMs / 1000);
  if (stats.firstTokenMs !== null) llmMetrics.timeToFirstToken.observe({ model }, stats.firstTokenMs / 1000);
  if (stats.completionTokens > 0 && stats.generationMs > 0) llmMetrics.tokensPerSecond.observe({ model }, stats.completionTokens / (stats.generationMs / 1000));
}
