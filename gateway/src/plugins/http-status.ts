import type { ApolloServerPlugin } from '@apollo/server';
import { httpStatusFor } from '@scs/shared';
import type { GatewayContext } from '../context.js';

/**
 * When an operation is refused as a whole (no data) for authentication, permission or rate
 * reasons — wherever in the graph that was decided — the HTTP status says so too (401, 403,
 * 429 with Retry-After), so clients and proxies can act on it without parsing the body.
 */
export function httpStatusFromErrors(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== null && data !== undefined) return;
          const http = httpStatusFor(errors?.[0]?.extensions as Record<string, unknown> | undefined);
          if (!http) return;
          response.http.status = http.status;
          for (const [name, value] of http.headers) response.http.headers.set(name, value);
        },
      };
    },
  };
}
