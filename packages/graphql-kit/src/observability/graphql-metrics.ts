import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { Kind, type DocumentNode, type GraphQLError } from 'graphql';
import { boundedLabel, counter, histogram } from '@scs/runtime/observability/metrics';

/** Seconds from a request reaching Apollo Server to its response, by operation name and type. */
export const graphqlOperationDuration = histogram<'operation' | 'type' | 'outcome'>({
  name: 'graphql_operation_duration_seconds',
  help: 'GraphQL operation latency in seconds, by operation name, operation type and outcome (ok, error).',
  labelNames: ['operation', 'type', 'outcome'],
});

/** GraphQL errors by `extensions.code` (and operation), including requests refused before execution. */
export const graphqlErrors = counter<'operation' | 'code'>({
  name: 'graphql_errors_total',
  help: 'GraphQL errors by extensions.code and operation name.',
  labelNames: ['operation', 'code'],
});

const operationLabel = boundedLabel();
const codeLabel = boundedLabel(100, /^[A-Z][A-Z0-9_]{0,63}$/);

/** The operation label of a request: its name, `(anonymous)`, or `other` past the cardinality limit. */
export function operationNameLabel(name: string | null | undefined): string {
  return operationLabel(name, '(anonymous)');
}

/** The code label of an error: its `extensions.code`, or INTERNAL_SERVER_ERROR when it has none. */
export function errorCodeLabel(error: Pick<GraphQLError, 'extensions'> | { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return codeLabel(typeof code === 'string' ? code : undefined, 'INTERNAL_SERVER_ERROR');
}

/**
 * The name a request's operation goes by: the resolved one, else the one the client sent, else the
 * only operation of the parsed document (requests that fail validation are never resolved).
 */
function nameOf(resolved: string | null | undefined, requested: string | null | undefined, document: DocumentNode | undefined): string | undefined {
  if (resolved) return resolved;
  if (requested) return requested;
  const operations = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 && operations[0]!.kind === Kind.OPERATION_DEFINITION ? operations[0]!.name?.value : undefined;
}

/** Counts an error that never reached Apollo Server (e.g. authentication refused the request). */
export function countRefusedRequest(code: string, operationName?: string | null): void {
  graphqlErrors.inc({ operation: operationNameLabel(operationName), code: codeLabel(code, 'INTERNAL_SERVER_ERROR') });
}

/**
 * Apollo Server plugin: `graphql_operation_duration_seconds{operation,type,outcome}` for every
 * request (HTTP, and operations the gateway runs for WebSocket clients), and
 * `graphql_errors_total{operation,code}` for every error a response carries. With tracing on, the
 * request's span gets the operation's name and type (`graphql.operation.*`).
 */
export function graphqlMetricsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const end = graphqlOperationDuration.startTimer();
      let failed = false;
      return {
        async didResolveOperation({ operationName, operation }) {
          const span = trace.getActiveSpan();
          if (!span?.isRecording()) return;
          const name = operationNameLabel(operationName);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': operation?.operation ?? 'unknown' });
        },
        async didEncounterErrors({ errors, operationName, document }) {
          failed = true;
          const operation = operationNameLabel(nameOf(operationName, request.operationName, document));
          for (const error of errors) graphqlErrors.inc({ operation, code: errorCodeLabel(error) });
        },
        async willSendResponse({ operationName, operation, document }) {
          end({
            operation: operationNameLabel(nameOf(operationName, request.operationName, document)),
            type: operation?.operation ?? 'unknown',
            outcome: failed ? 'error' : 'ok',
          });
        },
      };
    },
  };
}
