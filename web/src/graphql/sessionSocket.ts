import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import type { SessionStore } from '../session/sessionStore';

/** Close codes this gateway uses: the access token expired (or did not verify), or was revoked. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** What a recoverable 4401 is reported as to graphql-ws: its "terminated, retry" code. */
const CLOSE_RETRY = 4499;

type CloseListener = ((this: WebSocket, event: CloseEvent) => unknown) | null;

/**
 * A WebSocket whose 4401 closes graphql-ws retries. graphql-ws treats 4401 as fatal and ends every
 * subscription, but here it usually means "access token expired", which a refresh cures. When
 * `recover()` says so (it starts the refresh), the close reaches graphql-ws as 4499, which it
 * retries; the retry's `connectionParams` waits for the refresh and sends the new token.
 */
export function webSocketRecovering4401(recover: () => boolean, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  return class SessionWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      let listener: CloseListener = null;
      // graphql-ws listens through `onclose`; keep its handler and call it ourselves.
      Object.defineProperty(this, 'onclose', {
        configurable: true,
        enumerable: true,
        get: () => listener,
        set: (value: CloseListener) => {
          listener = value;
        },
      });
      this.addEventListener('close', (event) => {
        if (!listener) return;
        if (event.code === CLOSE_UNAUTHORIZED && recover()) {
          const retryable = {
            code: CLOSE_RETRY,
            reason: 'Access token expired; reconnecting',
            wasClean: event.wasClean,
            type: 'close',
            originalCode: event.code,
          };
          listener.call(this, retryable as unknown as CloseEvent);
        } else {
          listener.call(this, event);
        }
      });
    }
  };
}

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;
}

/**
 * graphql-ws client whose credentials follow the session:
 * - `connectionParams` read the access token at connect time (after any refresh in flight);
 * - after a refresh or sign-out the open socket is replaced, so it never lives on old credentials
 *   (graphql-ws resubscribes everything on the new one);
 * - 4401 (expired) refreshes and reconnects, a few times in a row at most; 4403 (revoked) refreshes,
 *   which ends the session when the server refuses it.
 */
export function createSessionSocket(session: SessionStore, options: ClientOptions & { WebSocket?: typeof WebSocket }): Client {
  const { WebSocket: Base = WebSocket, ...clientOptions } = options;
  let socketToken: string | null = null;
  let awaitingParams = false;
  let unauthorizedInARow = 0;

  const client = createClient({
    ...clientOptions,
    webSocketImpl: webSocketRecovering4401(() => {
      if (unauthorizedInARow >= 2 || session.state.status !== 'signed-in') return false;
      unauthorizedInARow++;
      void session.recoverFromUnauthenticated(socketToken);
      return true;
    }, Base),
    connectionParams: async () => {
      awaitingParams = true;
      try {
        socketToken = await session.validAccessToken();
      } finally {
        awaitingParams = false;
      }
      return socketToken ? { authorization: `Bearer ${socketToken}` } : {};
    },
  });

  client.on('connected', () => {
    unauthorizedInARow = 0;
  });
  client.on('closed', (event) => {
    if (closeCode(event) === CLOSE_FORBIDDEN && session.state.status === 'signed-in') void session.refresh();
  });
  session.on((event) => {
    // A connection still waiting for its params will use the new token anyway.
    if ((event.type === 'token' || event.type === 'signed-out') && !awaitingParams && socketToken !== session.currentAccessToken()) {
      client.terminate();
    }
  });
  return client;
}
