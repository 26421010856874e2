/**
 * Loaded with `node --require ./packages/runtime/dist/observability/preload.js <entry>` (the stack's
 * `node_app`, the tests' `startService`, the container commands), before the service's own modules:
 * tracing must patch `http`, `pg`, `ioredis`… before anything requires them. Does nothing unless
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set (a `.env` file may set it, as for every other variable).
 * The service name is `OTEL_SERVICE_NAME`, or derived from the entry point's path.
 */
import { initTracing } from './tracing.js';

try {
  process.loadEnvFile('.env');
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
initTracing();
