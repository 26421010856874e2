import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, split, type NormalizedCacheObject } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import type { Client } from 'graphql-ws';
import { inject, type InjectionKey } from 'vue';
import type { SessionStore } from '../session/sessionStore';
import { createSessionLinks } from './sessionLinks';
import { createSessionSocket } from './sessionSocket';

/** The graphql-ws client behind the Apollo link, for components that show the socket's state. */
export const GraphqlWsClientKey: InjectionKey<Client> = Symbol('graphql-ws client');

/** Same-origin `/graphql` over HTTP, and the matching ws:// or wss:// URL for subscriptions. */
export function graphqlEndpoints(location: Pick<Location, 'protocol' | 'host'>, path = '/graphql') {
  const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: path, ws: `${wsProtocol}//${location.host}${path}` };
}

/** One cache configuration for the app and the tests. */
export function createCache(): InMemoryCache {
  return new InMemoryCache();
}

/** Waits before reconnect attempt `retries`: exponential with jitter, capped at 10 s. */
function retryWait(retries: number): Promise<void> {
  const delay = Math.min(1000 * 2 ** retries, 10_000) + Math.random() * 500;
  return new Promise((resolve) => setTimeout(resolve, delay));
}

/**
 * The Apollo link chain in front of a transport: session recovery (refresh once on
 * UNAUTHENTICATED, then retry), then the Authorization header. Tests put a fake transport behind it.
 */
export function createAppLink(session: SessionStore, transport: ApolloLink): ApolloLink {
  return ApolloLink.from([createSessionLinks(session), transport]);
}

export interface GraphqlClients {
  apollo: ApolloClient<NormalizedCacheObject>;
  ws: Client;
}

/**
 * Subscriptions go over graphql-ws, queries and mutations over HTTP; both to `/graphql`, both
 * authenticated by `session`, which is attached to the returned Apollo client for its own calls.
 */
export function createGraphqlClients(session: SessionStore, location: Pick<Location, 'protocol' | 'host'> = window.location): GraphqlClients {
  const endpoints = graphqlEndpoints(location);
  const ws = createSessionSocket(session, {
    url: endpoints.ws,
    // Keep reconnecting while someone is subscribed. By default graphql-ws retries only on close
    // events, but browsers report a dropped or refused socket as an `error` event first, which
    // would end every subscription for good. Fatal close codes (4400, …) still stop it; 4401 is
    // recovered by a refresh (see sessionSocket.ts).
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait,
    keepAlive: 15_000,
  });
  const transport = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    new HttpLink({ uri: endpoints.http }),
  );
  const apollo = new ApolloClient({
    link: createAppLink(session, transport),
    cache: createCache(),
    devtools: { enabled: import.meta.env.DEV },
  });
  session.attach(apollo);
  return { apollo, ws };
}

export function useGraphqlWsClient(): Client {
  const client = inject(GraphqlWsClientKey);
  if (!client) throw new Error('No graphql-ws client provided; see createGraphqlClients() in main.ts.');
  return client;
}
