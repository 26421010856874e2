import { ApolloLink, Observable, type FetchResult } from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, type DocumentNode } from 'graphql';
import type { SessionStore } from '../session/sessionStore';
import { hasErrorCode } from './errors';

/**
 * Root fields anyone may call (their description in schema/api.graphql ends with "Access: public.";
 * a test keeps this list in step with the schema). Operations made only of these are sent without
 * an access token, which may be expired or revoked, and the gateway refuses a request whose token
 * does not verify, even for a public field. Their UNAUTHENTICATED answers ("Email or password is
 * incorrect.") are meant for the person, not a reason to refresh.
 */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'register',
  'login',
  'refreshSession',
  'logout',
  'verifyEmail',
  'requestPasswordReset',
  'resetPassword',
  'acceptInvitation',
  'startVisitorSession',
  'widgetFrameAncestors',
]);

export function isPublicOperation(query: DocumentNode): boolean {
  const definition = getMainDefinition(query);
  if (definition.kind !== Kind.OPERATION_DEFINITION) return false;
  const fields = definition.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD && selection.name.value !== '__typename');
  return fields.length > 0 && fields.every((field) => field.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(field.name.value));
}

/** Operation context the session links share. */
interface SessionContext {
  headers?: Record<string, string>;
  /** The access token this attempt was sent with (null: none). */
  accessToken?: string | null;
  /** Set on the one retry after a refresh. */
  sessionRetried?: boolean;
}

/**
 * `Authorization: Bearer <access token>` on every operation that needs one, read when the request
 * leaves (after any refresh in flight), so a retry carries the new token.
 */
export function createAuthLink(session: SessionStore): ApolloLink {
  return setContext(async (operation, previous: SessionContext) => {
    const { authorization: _stale, ...headers } = previous.headers ?? {};
    if (isPublicOperation(operation.query)) return { headers, accessToken: null };
    const token = await session.validAccessToken();
    return { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers, accessToken: token };
  });
}

function isUnauthenticated(error: { graphQLErrors?: unknown; networkError?: unknown }): boolean {
  return hasErrorCode({ graphQLErrors: error.graphQLErrors, networkError: error.networkError }, 'UNAUTHENTICATED');
}

/**
 * When the API answers UNAUTHENTICATED to an operation that needs a session (an access token that
 * expired in flight, or one the clock says is still good), refresh once and send it again. A second
 * UNAUTHENTICATED, or a refresh the server refuses (then the session ends), reaches the caller.
 */
export function createSessionRecoveryLink(session: SessionStore): ApolloLink {
  return onError(({ graphQLErrors, networkError, response, operation, forward }) => {
    const context = operation.getContext() as SessionContext;
    if (context.sessionRetried || isPublicOperation(operation.query)) return;
    if (!isUnauthenticated({ graphQLErrors, networkError })) return;
    const rejected = context.accessToken ?? null;
    return new Observable<FetchResult>((observer) => {
      let cancelled = false;
      let retry: { unsubscribe(): void } | undefined;
      void session.recoverFromUnauthenticated(rejected).then((recovered) => {
        if (cancelled) return;
        if (!recovered) {
          // Hand on the original answer.
          if (networkError) observer.error(networkError);
          else {
            observer.next(response ?? { errors: graphQLErrors });
            observer.complete();
          }
          return;
        }
        operation.setContext({ sessionRetried: true } satisfies SessionContext);
        retry = forward(operation).subscribe(observer);
      });
      return () => {
        cancelled = true;
        retry?.unsubscribe();
      };
    });
  });
}

/** Recovery first, so its retry runs through the auth link again and picks up the new token. */
export function createSessionLinks(session: SessionStore): ApolloLink {
  return ApolloLink.from([createSessionRecoveryLink(session), createAuthLink(session)]);
}
