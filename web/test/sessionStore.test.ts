import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginMutation } from '../src/screens/auth/auth.documents';
import { ConversationQuery } from '../src/graphql/documents/conversation.documents';
import { PUBLIC_ROOT_FIELDS } from '../src/graphql/sessionLinks';
import { webSocketRecovering4401 } from '../src/graphql/sessionSocket';
import { createSessionStore, type SessionEvent, type SessionStore } from '../src/session/sessionStore';
import {
  authPayload,
  deferred,
  fakeGateway,
  graphqlErrors,
  httpError,
  meHandler,
  memoryStorage,
  ORG,
  sessionWithGateway,
  USER,
  type Answer,
  type Handler,
} from './support/fakeGateway';

const unauthenticated = (message = 'The access token has expired.') => ({ message, extensions: { code: 'UNAUTHENTICATED' } });

/** Answers `conversation` only to the current token; an older one gets the given refusal. */
function conversationFor(validToken: () => string | null, refuse: () => Answer): Handler {
  return (op) => (op.authorization === `Bearer ${validToken()}` ? { data: { conversation: null } } : refuse());
}

/** Refresh tokens work once, like the real gateway's: a second use is refused. */
function singleUseRefresh(options: { hold?: Promise<void> } = {}): Handler & { issued: string[] } {
  const spent = new Set<string>();
  const issued: string[] = [];
  const handler = (async (op) => {
    await options.hold;
    const token = op.variables.refreshToken as string;
    if (spent.has(token))
      return graphqlErrors(unauthenticated('This refresh token was already used, so the session has been revoked for safety. Sign in again.'));
    spent.add(token);
    const payload = authPayload();
    issued.push(payload.accessToken);
    return { data: { refreshSession: payload } };
  }) as Handler & { issued: string[] };
  handler.issued = issued;
  return handler;
}

let stores: SessionStore[] = [];
function track<T extends { session: SessionStore }>(value: T): T {
  stores.push(value.session);
  return value;
}
afterEach(() => {
  stores.forEach((s) => s.dispose());
  stores = [];
  vi.useRealTimers();
});

describe('session store: refresh serialisation', () => {
  it('two concurrent refresh() calls spend the refresh token once', async () => {
    const hold = deferred<void>();
    const refresh = singleUseRefresh({ hold: hold.promise });
    const gateway = fakeGateway({ RefreshSession: refresh, SessionViewer: meHandler() });
    const { session } = track(sessionWithGateway(gateway));
    const payload = authPayload();
    await session.start(payload);

    const both = Promise.all([session.refresh(), session.refresh()]);
    hold.resolve();
    expect(await both).toEqual(['ok', 'ok']);

    expect(gateway.named('RefreshSession')).toHaveLength(1);
    expect(gateway.named('RefreshSession')[0]!.variables.refreshToken).toBe(payload.refreshToken);
    expect(session.currentAccessToken()).toBe(refresh.issued[0]);
  });

  it('two requests refused with UNAUTHENTICATED cause one refreshSession, then both are retried with the new token', async () => {
    const hold = deferred<void>();
    const refresh = singleUseRefresh({ hold: hold.promise });
    const gateway = fakeGateway({
      RefreshSession: refresh,
      SessionViewer: meHandler(),
      // Only the newest refreshed token is accepted. One refusal the way the gateway answers a bad
      // token (HTTP 401 with the error in the body), one inside a GraphQL result.
      Conversation: (op) =>
        conversationFor(
          () => refresh.issued.at(-1) ?? null,
          () => (op.variables.id === 'a' ? httpError(401, [unauthenticated()]) : graphqlErrors(unauthenticated())),
        )(op),
    });
    const { session, apollo } = track(sessionWithGateway(gateway));
    await session.start(authPayload());

    const queries = Promise.all(['a', 'b'].map((id) => apollo.query({ query: ConversationQuery, variables: { id }, fetchPolicy: 'network-only' })));
    // Both refusals arrive while the one refresh is still in flight.
    await vi.waitFor(() => expect(gateway.named('Conversation')).toHaveLength(2));
    await vi.waitFor(() => expect(gateway.named('RefreshSession')).toHaveLength(1));
    hold.resolve();

    const results = await queries;
    expect(results.map((r) => r.data.conversation)).toEqual([null, null]);
    expect(gateway.named('RefreshSession')).toHaveLength(1);
    const chat = gateway.named('Conversation');
    expect(chat).toHaveLength(4);
    const fresh = `Bearer ${refresh.issued[0]}`;
    expect(chat.slice(0, 2).map((o) => o.authorization)).not.toContain(fresh);
    expect(chat.slice(2).map((o) => o.authorization)).toEqual([fresh, fresh]);
    // The refresh itself carries no access token (it may be the expired one).
    expect(gateway.named('RefreshSession')[0]!.authorization).toBeUndefined();
  });

  it('tabs sharing storage spend the freshest refresh token, one at a time', async () => {
    const storage = memoryStorage();
    let tail = Promise.resolve();
    const locks = {
      request: ((_name: string, callback: () => Promise<unknown>) => {
        const run = tail.then(callback);
        tail = run.then(
          () => undefined,
          () => undefined,
        );
        return run;
      }) as unknown as LockManager['request'],
    };
    const refresh = singleUseRefresh();
    const gateway = fakeGateway({ RefreshSession: refresh, SessionViewer: meHandler() });
    const tabA = track(sessionWithGateway(gateway, { storage, locks }));
    await tabA.session.start(authPayload());
    const tabB = track(sessionWithGateway(gateway, { storage, locks }));
    await tabB.session.restore();

    expect(await Promise.all([tabA.session.refresh(), tabB.session.refresh()])).toEqual(['ok', 'ok']);
    const spent = gateway.named('RefreshSession').map((o) => o.variables.refreshToken);
    expect(new Set(spent).size).toBe(spent.length); // never the same token twice
    expect(tabA.session.state.status).toBe('signed-in');
    expect(tabB.session.state.status).toBe('signed-in');
  });
});

describe('session store: lifecycle', () => {
  it('restores a persisted session with the stored refresh token, without an access token', async () => {
    const storage = memoryStorage({
      'scs.session': JSON.stringify({ refreshToken: 'stored-refresh', refreshTokenExpiresAt: '2099-01-01T00:00:00Z', userId: USER.id, organizationId: ORG.id }),
    });
    const gateway = fakeGateway({ RefreshSession: singleUseRefresh(), SessionViewer: meHandler(['chat:ask']) });
    const { session } = track(sessionWithGateway(gateway, { storage }));
    expect(session.state.status).toBe('restoring');

    await session.restore();
    expect(session.state.status).toBe('signed-in');
    expect(gateway.named('RefreshSession')[0]).toMatchObject({ variables: { refreshToken: 'stored-refresh' }, authorization: undefined });
    await vi.waitFor(() => expect(session.state.viewer?.permissions).toEqual(['chat:ask']));
    expect(JSON.parse(storage.data.get('scs.session')!).refreshToken).not.toBe('stored-refresh');
  });

  it('signs out cleanly when the server refuses the refresh token', async () => {
    const gateway = fakeGateway({
      RefreshSession: () => graphqlErrors(unauthenticated('This refresh token was already used, so the session has been revoked for safety. Sign in again.')),
      SessionViewer: meHandler(),
      Conversation: () => httpError(401, [unauthenticated()]),
    });
    const storage = memoryStorage();
    const { session, apollo } = track(sessionWithGateway(gateway, { storage }));
    const events: SessionEvent[] = [];
    session.on((e) => events.push(e));
    await session.start(authPayload());

    await expect(apollo.query({ query: ConversationQuery, variables: { id: 'a' } })).rejects.toThrow();
    expect(gateway.named('RefreshSession')).toHaveLength(1);
    expect(gateway.named('Conversation')).toHaveLength(1); // not retried after a refused refresh
    expect(session.state).toMatchObject({ status: 'signed-out', user: null, viewer: null });
    expect(session.state.notice).toMatch(/already used/);
    expect(session.currentAccessToken()).toBeNull();
    expect(storage.data.has('scs.session')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'signed-out', byUser: false });
  });

  it('keeps the session when a refresh fails for a transient reason', async () => {
    const gateway = fakeGateway({ RefreshSession: () => new TypeError('Failed to fetch'), SessionViewer: meHandler() });
    const { session } = track(sessionWithGateway(gateway));
    await session.start(authPayload());
    const token = session.currentAccessToken();
    expect(await session.refresh()).toBe('unavailable');
    expect(session.state.status).toBe('signed-in');
    expect(session.currentAccessToken()).toBe(token);
  });

  it('refreshes about a minute before the access token expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const refresh = singleUseRefresh();
    const gateway = fakeGateway({ RefreshSession: refresh, SessionViewer: meHandler() });
    const { session } = track(sessionWithGateway(gateway));
    await session.start(authPayload({ lifetimeMs: 15 * 60_000 }));

    await vi.advanceTimersByTimeAsync(14 * 60_000 - 1_000);
    expect(gateway.named('RefreshSession')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(gateway.named('RefreshSession')).toHaveLength(1);
    expect(session.currentAccessToken()).toBe(refresh.issued[0]);
  });

  it('sends public operations without a token and does not refresh on their UNAUTHENTICATED', async () => {
    const gateway = fakeGateway({
      RefreshSession: singleUseRefresh(),
      SessionViewer: meHandler(),
      Login: () => httpError(401, [unauthenticated('Email or password is incorrect.')]),
    });
    const { session, apollo } = track(sessionWithGateway(gateway));
    await session.start(authPayload());

    await expect(apollo.mutate({ mutation: LoginMutation, variables: { input: { email: 'ada@example.com', password: 'wrong password' } } })).rejects.toThrow();
    expect(gateway.named('Login')[0]!.authorization).toBeUndefined();
    expect(gateway.named('RefreshSession')).toHaveLength(0);
    expect(session.state.status).toBe('signed-in');
    // Protected operations carry the token.
    expect(gateway.named('SessionViewer')[0]!.authorization).toBe(`Bearer ${session.currentAccessToken()}`);
  });

  it('signs out on the server with the refresh token, and forgets everything locally', async () => {
    const gateway = fakeGateway({ SessionViewer: meHandler(), Logout: () => ({ data: { logout: true } }) });
    const storage = memoryStorage();
    const { session } = track(sessionWithGateway(gateway, { storage }));
    const payload = authPayload();
    await session.start(payload);
    await session.signOut();
    expect(gateway.named('Logout')[0]).toMatchObject({ variables: { refreshToken: payload.refreshToken }, authorization: undefined });
    expect(session.state.status).toBe('signed-out');
    expect(storage.data.size).toBe(0);
  });
});

describe('PUBLIC_ROOT_FIELDS', () => {
  it('lists exactly the root fields schema/api.graphql marks "Access: public."', () => {
    const sdl = readFileSync(resolve(__dirname, '../../schema/api.graphql'), 'utf8');
    const schema = buildSchema(sdl);
    const publicFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .flatMap((type) => Object.values(type?.getFields() ?? {}))
      .filter((field) => field.description?.trim().endsWith('Access: public.'))
      .map((field) => field.name)
      .sort();
    expect([...PUBLIC_ROOT_FIELDS].sort()).toEqual(publicFields);
  });
});

describe('webSocketRecovering4401', () => {
  /** Just enough of a WebSocket: constants and close listeners (no `on…` handler dispatch of its own). */
  class FakeSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    private readonly listeners: ((event: Event) => void)[] = [];
    constructor(
      readonly url: string,
      readonly protocols?: string | string[],
    ) {}
    addEventListener(_type: 'close', listener: (event: Event) => void) {
      this.listeners.push(listener);
    }
    dispatchEvent(event: Event) {
      this.listeners.forEach((listener) => listener(event));
      return true;
    }
  }
  const close = (code: number) => Object.assign(new Event('close'), { code, reason: 'Unauthorized: access token expired', wasClean: true });

  it('reports a recoverable 4401 to graphql-ws as a close it retries', () => {
    const recover = vi.fn(() => true);
    const Socket = webSocketRecovering4401(recover, FakeSocket as unknown as typeof WebSocket);
    const socket = new Socket('ws://127.0.0.1/graphql');
    const seen: number[] = [];
    socket.onclose = (event) => void seen.push(event.code);
    socket.dispatchEvent(close(4401));
    expect(recover).toHaveBeenCalledOnce();
    expect(seen).toEqual([4499]);
  });

  it('passes 4401 through when the session cannot recover, and other codes untouched', () => {
    const Socket = webSocketRecovering4401(() => false, FakeSocket as unknown as typeof WebSocket);
    const socket = new Socket('ws://127.0.0.1/graphql');
    const seen: number[] = [];
    socket.onclose = (event) => void seen.push(event.code);
    socket.dispatchEvent(close(4401));
    socket.dispatchEvent(close(1006));
    socket.onclose = null;
    socket.dispatchEvent(close(1000));
    expect(seen).toEqual([4401, 1006]);
  });
});

it('createSessionStore without storage still works in memory', async () => {
  const store = createSessionStore({ storage: null, locks: null, watchBrowser: false });
  stores.push(store);
  expect(store.state.status).toBe('signed-out');
  await store.restore();
  expect(store.state.status).toBe('signed-out');
});
