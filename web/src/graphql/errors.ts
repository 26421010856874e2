import type { ApolloError } from '@apollo/client/core';

/** A sentence for people: what went wrong talking to the gateway. */
export function describeError(error: ApolloError | Error): string {
  const apollo = error as Partial<ApolloError>;
  const network = apollo.networkError;
  if (network) {
    const status = 'statusCode' in network ? (network as { statusCode: number }).statusCode : undefined;
    if (status) return `The gateway answered with HTTP ${status}.`;
    // A WebSocket failure arrives as a bare Event, without a message.
    return network.message ? `The gateway could not be reached (${network.message}).` : 'The gateway could not be reached.';
  }
  const first = apollo.graphQLErrors?.[0];
  if (first) return `The gateway reported an error: ${first.message}`;
  return error.message;
}
