import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_HEADER } from '@scs/shared';
import type { GatewayContext } from './context.js';

/** Calls a subgraph, carrying the operation's correlation id so its logs line up with the gateway's. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if ('correlationId' in context && context.correlationId) {
      request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
    }
  }
}
