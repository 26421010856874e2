import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { histogram } from './metrics.js';
import { scsTracer } from './tracing.js';

/** OpenSearch round trips by operation (e.g. `search_chunks`, `search_images`) and outcome. */
export const openSearchQueryDuration = histogram<'operation' | 'outcome'>({
  name: 'opensearch_query_duration_seconds',
  help: 'OpenSearch query latency in seconds, by operation and outcome (ok, error).',
  labelNames: ['operation', 'outcome'],
});

/**
 * Runs one OpenSearch call inside a client span named `opensearch <operation>` (the HTTP request
 * underneath is its child) and records its latency in `opensearch_query_duration_seconds`.
 */
export function observeOpenSearch<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  return scsTracer().startActiveSpan(
    `opensearch ${operation}`,
    { kind: SpanKind.CLIENT, attributes: { 'db.system': 'opensearch', 'db.operation': operation } },
    async (span) => {
      const end = openSearchQueryDuration.startTimer({ operation });
      try {
        const result = await fn();
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
