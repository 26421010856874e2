import type { ApolloServerPlugin } from '@apollo/server';
import { httpStatusFor } from '@scs/graphql-kit/auth/errors';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Codes of request errors — the operation never ran — that are the client's fault: 400, never a 500,
 * wherever in the pipeline they were raised (a plugin's hook answers 500 unless told otherwise).
 */
const CLIENT_ERROR_CODES = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'LIMIT_EXCEEDED',
]);

/**
 * GraphQL over HTTP: a client that names `application/json` alone is a legacy client, whose request errors answer 200
 * (the spec's SHOULD for that media type). Every other client — no Accept header, any type, or one naming
 * `application/graphql-response+json` — gets 4xx for them. Apollo Server picks the media type itself.
 */
export function wantsLegacyJson(accept: string | undefined | null): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  return types.includes('application/json') && !types.includes('application/graphql-response+json');
}

/**
 * When an operation is refused as a whole (no data) for authentication, permission or rate
 * reasons — wherever in the graph that was decided — the HTTP status says so too (401, 403,
 * 429 with Retry-After), so clients and proxies can act on it without parsing the body. A request
 * error that is the client's (a syntax error, NUL characters, an unknown operation name, a
 * subscription sent over HTTP) is a 400 — or a 200 for clients of the legacy `application/json`
 * media type, as GraphQL over HTTP asks (see `wantsLegacyJson`).
 */
export function httpStatusFromErrors(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          // Apollo Gateway answers an operation name the document lacks with an internal error.
          if (!operation) {
            const message = request.operationName
              ? `The document has no operation named "${request.operationName.slice(0, 100)}".`
              : 'The document has several operations: name the one to run in operationName.';
            throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
          }
          // Apollo Gateway does not execute subscriptions; they are graphql-ws's, on the same path.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws, graphql-transport-ws protocol) on /graphql.', {
              extensions: { code: 'BAD_REQUEST' },
            });
          }
        },
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
          const legacy = wantsLegacyJson(request.http?.headers.get('accept'));
          const { data, errors } = response.body.singleResult;
          if (data !== null && data !== undefined) return;
          const extensions = errors?.[0]?.extensions as Record<string, unknown> | undefined;
          const http = httpStatusFor(extensions);
          if (http) {
            response.http.status = http.status;
            for (const [name, value] of http.headers) response.http.headers.set(name, value);
          } else if (data === undefined && typeof extensions?.code === 'string' && CLIENT_ERROR_CODES.has(extensions.code)) {
            response.http.status = legacy ? 200 : 400;
          }
        },
      };
    },
  };
}
