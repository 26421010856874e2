import { ApolloClient, ApolloLink, Observable, type FetchResult, type Operation } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';
import type { AuthPayloadFieldsFragment, ViewerFieldsFragment } from '../../src/gql/graphql';
import { createAppLink, createCache } from '../../src/graphql/client';
import { createSessionStore, type KeyValueStorage, type SessionStore, type SessionStoreOptions } from '../../src/session/sessionStore';

/** What the fake gateway saw of one request. */
export interface RecordedOperation {
  operationName: string;
  variables: Record<string, unknown>;
  /** The Authorization header it carried. */
  authorization: string | undefined;
}

/** An answer: a GraphQL result, or an Error (a network failure or a non-2xx HTTP answer). */
export type Answer = FetchResult | Error;
export type Handler = (operation: RecordedOperation) => Answer | Promise<Answer>;

/**
 * A terminating ApolloLink standing in for the network: records every operation that reaches it
 * (after the app's session links) and answers from `handlers` by operation name.
 */
export function fakeGateway(handlers: Record<string, Handler>) {
  const operations: RecordedOperation[] = [];
  const link = new ApolloLink(
    (operation: Operation) =>
      new Observable<FetchResult>((observer) => {
        const headers = (operation.getContext().headers ?? {}) as Record<string, string>;
        const recorded: RecordedOperation = {
          operationName: operation.operationName,
          variables: operation.variables,
          authorization: headers.authorization,
        };
        operations.push(recorded);
        const handler = handlers[operation.operationName];
        Promise.resolve(handler ? handler(recorded) : new Error(`No canned answer for ${operation.operationName}`)).then(
          (answer) => {
            if (answer instanceof Error) observer.error(answer);
            else {
              observer.next(answer);
              observer.complete();
            }
          },
          (error: unknown) => observer.error(error),
        );
      }),
  );
  return {
    link,
    operations,
    named: (name: string) => operations.filter((o) => o.operationName === name),
  };
}

/** The gateway refusing a whole operation with an HTTP status, the way Apollo's HttpLink reports it. */
export function httpError(statusCode: number, errors: GraphQLFormattedError[]): Error {
  return Object.assign(new Error(`Response not successful: Received status code ${statusCode}`), {
    name: 'ServerError',
    statusCode,
    response: new Response(null, { status: statusCode }),
    result: { errors },
  });
}

export function graphqlErrors(...errors: GraphQLFormattedError[]): FetchResult {
  return { data: null, errors };
}

/** In-memory Storage. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

export const ORG = { __typename: 'Organization', id: 'org-1', name: 'Acme', slug: 'acme' } as const;
export const OTHER_ORG = { __typename: 'Organization', id: 'org-2', name: 'Globex', slug: 'globex' } as const;
export const USER = { __typename: 'User', id: 'user-1', displayName: 'Ada Lovelace', email: 'ada@example.com', emailVerified: true } as const;

let serial = 0;
/** A fresh AuthPayload: tokens numbered so tests can tell them apart. */
export function authPayload(
  options: { now?: number; lifetimeMs?: number; organization?: typeof ORG | typeof OTHER_ORG; role?: AuthPayloadFieldsFragment['role'] } = {},
): AuthPayloadFieldsFragment {
  serial += 1;
  const now = options.now ?? Date.now();
  return {
    __typename: 'AuthPayload',
    accessToken: `access-${serial}`,
    accessTokenExpiresAt: new Date(now + (options.lifetimeMs ?? 15 * 60_000)).toISOString(),
    refreshToken: `refresh-${serial}`,
    refreshTokenExpiresAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
    role: options.role ?? 'ADMIN',
    user: { ...USER },
    organization: { ...(options.organization ?? ORG) },
  };
}

export function viewer(permissions: string[], role: ViewerFieldsFragment['role'] = 'ADMIN'): ViewerFieldsFragment {
  return {
    __typename: 'Viewer',
    role,
    permissions,
    user: { ...USER },
    organization: { ...ORG },
    memberships: [
      { __typename: 'Membership', role, organization: { ...ORG } },
      { __typename: 'Membership', role: 'AGENT', organization: { ...OTHER_ORG } },
    ],
  };
}

export const ALL_PERMISSIONS = ['system:read', 'conversation:read:own', 'chat:ask', 'user:read'];

/** Answers `me` with the given permissions. */
export const meHandler =
  (permissions: string[] = ALL_PERMISSIONS, role?: ViewerFieldsFragment['role']): Handler =>
  () => ({
    data: { me: viewer(permissions, role) },
  });

/** A session store wired to a real ApolloClient whose network is `gateway`. */
export function sessionWithGateway(gateway: ReturnType<typeof fakeGateway>, options: SessionStoreOptions = {}) {
  const session: SessionStore = createSessionStore({ storage: memoryStorage(), locks: null, watchBrowser: false, ...options });
  const apollo = new ApolloClient({ cache: createCache(), link: createAppLink(session, gateway.link) });
  session.attach(apollo);
  return { session, apollo };
}

/** A promise with its resolve function, to hold an answer back until the test lets it go. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
