import { hostname } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { isSpanContextValid, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry tracing for every service process, off unless `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set. When on:
 * - spans go to that OTLP/HTTP endpoint (`/v1/traces`), as protobuf, or JSON with
 *   `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`, in batches (`OTEL_BSP_*`), sampled by `OTEL_TRACES_SAMPLER`;
 * - W3C trace context (`traceparent`) is read from incoming and written on outgoing HTTP requests
 *   (node:http and fetch), so one trace follows a request gateway → subgraphs → chat → knowledge →
 *   LLM server; Temporal carries it in headers through its interceptors (see workflows/src/observability);
 * - incoming HTTP, outgoing HTTP and fetch (OpenSearch is HTTP), PostgreSQL (`pg`) and Redis (`ioredis`)
 *   calls are spans; outgoing calls only inside a trace, so timers make no orphan traces. Express 5 has
 *   no instrumentation on this OpenTelemetry line (1.x, the one Temporal's interceptors use), so the
 *   server names its HTTP spans by route itself (graphql-server.ts) and GraphQL adds the operation;
 * - log lines carry `traceId` and `spanId` (see logger.ts).
 *
 * Instrumentation patches modules as they are first required, so this must run before anything
 * else loads: services start with `node --require ./packages/runtime/dist/observability/preload.js`.
 * This file imports nothing but `@opentelemetry/api` at load; the SDK is required only when enabled.
 */

export interface TracingHandle {
  serviceName: string;
  provider: NodeTracerProvider;
  resource: Resource;
  /** The processor exporting spans; Temporal's workflow span sink hands spans to it too. */
  spanProcessor: SpanProcessor;
}

let handle: TracingHandle | undefined;

/** Paths that are probes and scrapes, never traced. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** `gateway/dist/main.js` → gateway, `subgraphs/chat/dist/main.js` → chat, `…/ingestion.worker.js` → ingestion-worker, `infra/llm-server/dist/main.js` → llm-server. */
export function serviceNameFromEntry(entry: string | undefined): string {
  if (!entry) return 'unknown_service:node';
  const parts = path.resolve(entry).split(path.sep);
  const file = parts.at(-1) ?? '';
  const worker = /^(.+)\.worker\.[cm]?js$/.exec(file);
  if (worker) return `${worker[1]}-worker`;
  const dist = parts.lastIndexOf('dist');
  if (dist > 0) return parts[dist - 1]!;
  return file.replace(/\.[cm]?js$/, '');
}

export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT);
}

/** Starts tracing for this process (once); returns undefined when tracing is off. */
export function initTracing(options: { serviceName?: string; env?: NodeJS.ProcessEnv } = {}): TracingHandle | undefined {
  if (handle) return handle;
  const env = options.env ?? process.env;
  if (!tracingEnabled(env)) return undefined;
  const serviceName = options.serviceName ?? env.OTEL_SERVICE_NAME ?? serviceNameFromEntry(process.argv[1]);

  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Resource: ResourceClass, envDetectorSync } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { NodeTracerProvider: Provider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  // Both exporters read OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT and _HEADERS themselves (…/v1/traces).
  const exporter =
    protocol === 'http/json'
      ? new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter()
      : new (require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  /* eslint-enable @typescript-eslint/no-require-imports */

  const resource = ResourceClass.default()
    .merge(envDetectorSync.detect())
    .merge(
      new ResourceClass({
        'service.name': serviceName,
        'service.namespace': 'scs',
        'service.instance.id': `${hostname()}:${process.pid}`,
      }),
    );
  const spanProcessor = new BatchSpanProcessor(exporter);
  const provider = new Provider({ resource, spanProcessors: [spanProcessor] });
  // The AsyncLocalStorage context manager and the W3C trace-context + baggage propagators.
  provider.register();

  const pathOf = (url: string | undefined) => (url ?? '/').split('?')[0]!;
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.has(pathOf(req.url)),
        ignoreOutgoingRequestHook: (req: RequestOptions) => UNTRACED_PATHS.has(pathOf(req.path ?? undefined)),
        requireParentforOutgoingSpans: true,
      }),
      new UndiciInstrumentation({
        ignoreRequestHook: (req) => UNTRACED_PATHS.has(pathOf(req.path)),
        requireParentforSpans: true,
      }),
      // Statement text without parameter values (they can hold customers' data).
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  handle = { serviceName, provider, resource, spanProcessor };
  return handle;
}

/** The running tracing setup, if `initTracing` enabled it in this process. */
export function tracing(): TracingHandle | undefined {
  return handle;
}

/** Exports the spans still buffered and stops tracing; call on shutdown (safe when off). */
export async function shutdownTracing(): Promise<void> {
  const current = handle;
  handle = undefined;
  await current?.provider.shutdown().catch(() => undefined);
}

/** The tracer for the project's own spans (a no-op when tracing is off). */
export function scsTracer(): Tracer {
  return trace.getTracer('scs');
}

/**
 * Names the active HTTP server span by route (`POST /graphql`; the HTTP instrumentation of this
 * OpenTelemetry line names it by method only) and adds attributes; a no-op when tracing is off.
 */
export function nameServerSpan(method: string, route: string, attributes: Attributes = {}): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.updateName(`${method} ${route}`);
  span.setAttributes({ 'http.route': route, ...attributes });
}

/** Trace and span id of the active span, for log lines; empty outside a sampled trace. */
export function activeTraceIds(): { traceId?: string; spanId?: string } {
  const span: Span | undefined = trace.getActiveSpan();
  const context = span?.spanContext();
  return context && isSpanContextValid(context) ? { traceId: context.traceId, spanId: context.spanId } : {};
}
