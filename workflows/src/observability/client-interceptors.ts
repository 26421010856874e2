import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { tracing } from '@scs/runtime/observability/tracing';

/**
 * Interceptors for a Temporal client that starts or signals workflows: with tracing on, the
 * caller's trace context goes into the workflow's headers, so the workflow and its activities
 * (traced by the workers' interceptors) join the trace of the request that started them.
 */
export function temporalClientInterceptors(): ClientInterceptors {
  return tracing() ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : {};
}
