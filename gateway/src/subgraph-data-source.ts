import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_HEADER } from '@scs/runtime/request-context';
import { IDENTITY_HEADER } from '@scs/contracts/identity';
import { signIdentity } from '@scs/graphql-kit/auth/identity';
import type { GatewayContext } from './context.js';

/**
 * Calls a subgraph with the operation's correlation id and the caller's identity, signed by the
 * gateway: subgraphs trust nothing else. Client headers (Authorization included) are not forwarded.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: { url: string },
    private readonly signingSecret: string,
  ) {
    super(options);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!('identity' in context) || !context.identity) throw new Error('gateway operation without an identity');
    context.signedIdentity ??= signIdentity(context.identity, this.signingSecret);
    request.http?.headers.set(IDENTITY_HEADER, await context.signedIdentity);
    if (context.correlationId) request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
  }
}
