import type { ApolloClient } from '@apollo/client/core';
import { reactive, readonly } from 'vue';
import type { AuthPayloadFieldsFragment, Role, SessionOrganizationFieldsFragment, SessionUserFieldsFragment, ViewerFieldsFragment } from '../gql/graphql';
import { describeError, hasErrorCode, problemsOf } from '../graphql/errors';
import { LogoutMutation, MeQuery, RefreshSessionMutation, SwitchOrganizationMutation } from './session.documents';

/*
 * Where the tokens live, and why.
 *
 * - The access token (short-lived, sent as `Authorization: Bearer …`) is kept in memory only. It
 *   never touches storage, so nothing persisted can be replayed against the API directly.
 * - The refresh token is persisted in localStorage, so that a reload or a second tab stays signed
 *   in. The API hands it out in the response body (there is no httpOnly cookie to lean on), so the
 *   choice is between storage and signing out on every reload. localStorage is readable by any
 *   script on this origin, which is the accepted cost: the token is single-use and rotated every
 *   ~15 minutes, and if a stolen copy is ever spent, our next refresh reuses a spent token and the
 *   server revokes the whole session (reuse detection). sessionStorage would not survive new tabs.
 * - Because refresh tokens are single-use, every refresh, in this tab or any other, runs under one
 *   lock (Web Locks API, per origin; a promise queue where it is missing) and spends the token
 *   *currently in storage*, which another tab may have rotated a moment ago.
 */
const STORAGE_KEY = 'scs.session';
/**
 * The chat widget's panel (`/widget`, in an iframe on the organization's site, which may be the
 * app's own site and so share its storage) keeps its visitor session under a key of its own: a
 * visitor session never replaces a staff member's session in the app, nor the other way round.
 */
export const WIDGET_STORAGE_KEY = 'scs.widget.session';

/** What survives a reload: the refresh token and whom it belongs to (to notice other tabs' changes). */
interface PersistedSession {
  refreshToken: string;
  refreshTokenExpiresAt: string;
  userId: string;
  organizationId: string;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface SessionState {
  /** `restoring`: a refresh token was found and is being exchanged for a session. */
  status: SessionStatus;
  user: SessionUserFieldsFragment | null;
  organization: SessionOrganizationFieldsFragment | null;
  role: Role | null;
  /** `me`: permissions and memberships. Null until loaded (and after sign-out). */
  viewer: ViewerFieldsFragment | null;
  viewerError: string | null;
  /** Access token expiry, epoch ms. */
  accessTokenExpiresAt: number | null;
  /** Why the last session ended without the user asking (shown on the sign-in screen). */
  notice: string | null;
}

export type SessionEvent =
  /** A new access token: reconnect whatever authenticated with the previous one. */
  | { type: 'token' }
  /** The session ended; `byUser` when they signed out here. */
  | { type: 'signed-out'; notice: string | null; byUser: boolean };

/** `ok`: new tokens; `rejected`: the server refused the refresh token (signed out); `unavailable`: try later. */
export type RefreshOutcome = 'ok' | 'rejected' | 'unavailable';

export interface SessionStoreOptions {
  /** Where the refresh token is kept; default localStorage (null: memory only). */
  storage?: KeyValueStorage | null;
  /** Cross-tab lock; default navigator.locks (null: this tab only). */
  locks?: Pick<LockManager, 'request'> | null;
  now?: () => number;
  /** Refresh this long before the access token expires. */
  refreshLeadMs?: number;
  /** Never refresh proactively more often than this (guards against a badly skewed clock). */
  minRefreshIntervalMs?: number;
  /** Wait before retrying a refresh that failed for a transient reason (network, rate limit). */
  retryDelayMs?: number;
  /** Follow other tabs (storage events) and refresh when the page becomes visible; default on in browsers. */
  watchBrowser?: boolean;
  /** Where in `storage` the refresh token is kept (and the name of the cross-tab lock); default `scs.session`. */
  storageKey?: string;
}

/** Error codes after which a refresh token is dead; anything else (network, rate limit, 5xx) is transient. */
const DEFINITIVE_REFRESH_ERRORS = ['UNAUTHENTICATED', 'BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND'] as const;

const MAX_TIMER_MS = 2_147_483_647;

function defaultStorage(): KeyValueStorage | null {
  try {
    const storage = globalThis.localStorage;
    return storage ?? null;
  } catch {
    return null; // storage disabled
  }
}

function parsePersisted(text: string | null): PersistedSession | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<PersistedSession>;
    return typeof value.refreshToken === 'string' && typeof value.userId === 'string' && typeof value.organizationId === 'string'
      ? (value as PersistedSession)
      : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in session: tokens, who and where, and `me`. Framework-light on purpose (Vue
 * reactivity for the state, nothing else), so it can be created once per app and driven in tests.
 * Components reach it through `useSession()`; the Apollo links and the WebSocket client through
 * the instance passed to `createGraphqlClients`.
 */
/** The state with nobody signed in; `notice` says why, when there is something to say. */
function signedOutState(notice: SessionState['notice']): SessionState {
  return { status: 'signed-out', user: null, organization: null, role: null, viewer: null, viewerError: null, accessTokenExpiresAt: null, notice };
}

export class SessionStore {
  private readonly mutable: SessionState;
  /** Reactive, read-only view of the session for components. */
  readonly state: Readonly<SessionState>;

  private client: ApolloClient<unknown> | null = null;
  private accessToken: string | null = null;
  /** Copy of the persisted refresh token, for when storage is unavailable. */
  private refreshToken: string | null = null;
  private refreshing: Promise<RefreshOutcome> | null = null;
  private restoring: Promise<void> | null = null;
  private lockQueue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRefreshAt = Number.NEGATIVE_INFINITY;
  private viewerRequest = 0;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly cleanups: (() => void)[] = [];

  private readonly storage: KeyValueStorage | null;
  private readonly storageKey: string;
  private readonly locks: Pick<LockManager, 'request'> | null;
  private readonly now: () => number;
  private readonly refreshLeadMs: number;
  private readonly minRefreshIntervalMs: number;
  private readonly retryDelayMs: number;

  constructor(options: SessionStoreOptions = {}) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.storageKey = options.storageKey ?? STORAGE_KEY;
    this.locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
    this.now = options.now ?? Date.now;
    this.refreshLeadMs = options.refreshLeadMs ?? 60_000;
    this.minRefreshIntervalMs = options.minRefreshIntervalMs ?? 15_000;
    this.retryDelayMs = options.retryDelayMs ?? 15_000;

    const persisted = this.readPersisted();
    this.refreshToken = persisted?.refreshToken ?? null;
    this.mutable = reactive<SessionState>({ ...signedOutState(null), status: persisted ? 'restoring' : 'signed-out' });
    this.state = readonly(this.mutable) as Readonly<SessionState>;

    if (options.watchBrowser ?? typeof window !== 'undefined') this.watchBrowser();
  }

  /** The client for the store's own operations (refresh, logout, switch, me). Call once, before `restore`. */
  attach(client: ApolloClient<unknown>): void {
    this.client = client;
  }

  /** Subscribes to session events; returns the unsubscribe function. */
  on(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Exchanges a persisted refresh token for a session, once; resolves when the status is known. */
  restore(): Promise<void> {
    this.restoring ??= (async () => {
      if (this.mutable.status === 'signed-in') return; // started before anyone asked to restore
      if (!this.readPersisted()) {
        this.mutable.status = 'signed-out';
        return;
      }
      this.mutable.status = 'restoring';
      const outcome = await this.refresh();
      if (outcome === 'unavailable') {
        // The token is kept: a reload (or the scheduled retry) tries again.
        this.mutable.status = 'signed-out';
        this.mutable.notice = 'Could not reach the server to restore your session. Check your connection, or sign in again.';
      }
    })();
    return this.restoring;
  }

  /** The access token as it is now (null when signed out). */
  currentAccessToken(): string | null {
    return this.accessToken;
  }

  /**
   * The access token to send now: waits for a refresh in flight, and refreshes first when the token
   * is about to expire (a timer that slept through the expiry, e.g. a suspended laptop).
   */
  async validAccessToken(): Promise<string | null> {
    if (this.refreshing) await this.refreshing;
    else if (this.mutable.status === 'restoring' && this.restoring) await this.restoring;
    const expiresAt = this.mutable.accessTokenExpiresAt;
    if (this.accessToken && expiresAt !== null && expiresAt - this.now() < 10_000 && this.now() - this.lastRefreshAt > this.minRefreshIntervalMs) {
      await this.refresh();
    }
    return this.accessToken;
  }

  /**
   * Called when the API answered UNAUTHENTICATED to a request sent with `rejectedToken`. Refreshes
   * unless that already happened since (then the caller simply retries with the new token).
   * Resolves to whether retrying makes sense.
   */
  async recoverFromUnauthenticated(rejectedToken: string | null): Promise<boolean> {
    if (this.refreshing) return (await this.refreshing) === 'ok';
    if (this.accessToken && this.accessToken !== rejectedToken) return true;
    if (!this.hasRefreshToken()) return false;
    return (await this.refresh()) === 'ok';
  }

  /**
   * Spends the refresh token for a new pair. Concurrent calls (a timer, several failed requests,
   * the WebSocket) share one request: a refresh token works once, a second use revokes the session.
   */
  refresh(): Promise<RefreshOutcome> {
    if (!this.refreshing) {
      const run = this.withLock(() => this.rotate()).then((outcome) => {
        if (outcome === 'ok') void this.loadViewer();
        return outcome;
      });
      this.refreshing = run.finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /** Starts the session an AuthPayload describes (sign-in, registration, accepted invitation, the widget's visitor session). */
  async start(payload: AuthPayloadFieldsFragment): Promise<void> {
    await this.adopt(payload);
  }

  /** Starts a session in another organization of the user's, and ends the current one. Throws ApolloError. */
  async switchOrganization(organizationId: string): Promise<void> {
    if (organizationId === this.mutable.organization?.id) return;
    const { data } = await this.requireClient().mutate({
      mutation: SwitchOrganizationMutation,
      variables: { organizationId },
      fetchPolicy: 'no-cache',
    });
    if (!data) throw new Error('The gateway did not start a session in that organization.');
    await this.adopt(data.switchOrganization);
  }

  /** Ends the session here and on the server (best effort: signed out locally even when offline). */
  async signOut(): Promise<void> {
    await this.withLock(async () => {
      const token = this.readPersisted()?.refreshToken ?? this.refreshToken;
      this.end(null, true);
      if (token) await this.logoutQuietly(token);
    });
  }

  /** Whether `me` grants the permission (false until `me` has loaded). */
  can(permission: string): boolean {
    return this.mutable.viewer?.permissions.includes(permission) ?? false;
  }

  /** (Re)loads `me`: permissions, memberships, email verification. */
  async loadViewer(): Promise<void> {
    if (!this.client || this.mutable.status !== 'signed-in') return;
    const request = ++this.viewerRequest;
    try {
      const { data } = await this.client.query({ query: MeQuery, fetchPolicy: 'network-only' });
      if (request !== this.viewerRequest || this.mutable.status !== 'signed-in') return;
      this.mutable.viewer = data.me;
      this.mutable.viewerError = null;
    } catch (error) {
      if (request !== this.viewerRequest || this.mutable.status !== 'signed-in') return;
      this.mutable.viewerError = describeError(error);
    }
  }

  /** Stops timers and listeners (tests; the app keeps one store for its lifetime). */
  dispose(): void {
    clearTimeout(this.timer);
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    this.listeners.clear();
  }

  // --- internals -------------------------------------------------------------------------------

  private requireClient(): ApolloClient<unknown> {
    if (!this.client) throw new Error('SessionStore has no Apollo client; call attach() first.');
    return this.client;
  }

  private hasRefreshToken(): boolean {
    return Boolean(this.readPersisted()?.refreshToken ?? this.refreshToken);
  }

  /** Runs `task` under the cross-tab lock, after every task queued before it in this tab. */
  private withLock<T>(task: () => Promise<T>): Promise<T> {
    const run = () => (this.locks ? (this.locks.request(`${this.storageKey}.refresh`, task) as Promise<T>) : task());
    const result = this.lockQueue.then(run, run);
    this.lockQueue = result.catch(() => undefined);
    return result;
  }

  /** Under the lock: spend the freshest refresh token. Never awaits an authenticated operation. */
  private async rotate(): Promise<RefreshOutcome> {
    const client = this.requireClient();
    const token = this.readPersisted()?.refreshToken ?? this.refreshToken;
    if (!token) {
      if (this.mutable.status !== 'signed-out') this.end('Your session has ended. Sign in again.', false);
      return 'rejected';
    }
    this.lastRefreshAt = this.now();
    try {
      const { data } = await client.mutate({ mutation: RefreshSessionMutation, variables: { refreshToken: token }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('The gateway returned no session.');
      await this.applyAndReset(data.refreshSession);
      return 'ok';
    } catch (error) {
      if (DEFINITIVE_REFRESH_ERRORS.some((code) => hasErrorCode(error, code))) {
        const reason = problemsOf(error)[0]?.message;
        this.end(reason && !/^\d{3}: /.test(reason) ? reason : 'Your session has ended. Sign in again.', false);
        return 'rejected';
      }
      const retryAfter = problemsOf(error).find((p) => p.retryAfter)?.retryAfter;
      this.schedule(retryAfter ? retryAfter * 1000 : this.retryDelayMs);
      return 'unavailable';
    }
  }

  private async adopt(payload: AuthPayloadFieldsFragment): Promise<void> {
    await this.withLock(async () => {
      const previous = this.readPersisted()?.refreshToken ?? this.refreshToken;
      await this.applyAndReset(payload);
      // The session being replaced (another account, another organization) ends on the server.
      if (previous && previous !== payload.refreshToken) void this.logoutQuietly(previous);
    });
    // Permissions decide where to land and what to show: have them before the caller moves on.
    await this.loadViewer();
  }

  /**
   * Takes the tokens and identity in; when the user or organization changed, the cached data
   * belongs to someone else: the store is reset (active queries refetch as the new identity).
   */
  private async applyAndReset(payload: AuthPayloadFieldsFragment): Promise<void> {
    const previousUser = this.mutable.user?.id;
    const previousOrganization = this.mutable.organization?.id;
    this.accessToken = payload.accessToken;
    this.refreshToken = payload.refreshToken;
    this.writePersisted({
      refreshToken: payload.refreshToken,
      refreshTokenExpiresAt: payload.refreshTokenExpiresAt,
      userId: payload.user.id,
      organizationId: payload.organization.id,
    });
    const expiresAt = Date.parse(payload.accessTokenExpiresAt);
    const identityChanged = previousUser !== payload.user.id || previousOrganization !== payload.organization.id;
    Object.assign(this.mutable, {
      status: 'signed-in',
      user: payload.user,
      organization: payload.organization,
      role: payload.role,
      accessTokenExpiresAt: Number.isNaN(expiresAt) ? null : expiresAt,
      notice: null,
      ...(identityChanged ? { viewer: null, viewerError: null } : {}),
    } satisfies Partial<SessionState>);
    this.scheduleProactiveRefresh();
    this.emit({ type: 'token' });
    if (identityChanged && previousUser && this.client) {
      // resetStore refetches active queries; they wait for this lock-free path, not for the lock.
      void this.client.resetStore().catch(() => undefined);
    }
  }

  /** Forgets the session locally. */
  private end(notice: string | null, byUser: boolean): void {
    clearTimeout(this.timer);
    this.accessToken = null;
    this.refreshToken = null;
    this.viewerRequest++;
    this.writePersisted(null);
    Object.assign(this.mutable, signedOutState(notice));
    this.emit({ type: 'signed-out', notice, byUser });
    void this.client?.clearStore().catch(() => undefined);
  }

  private async logoutQuietly(refreshToken: string): Promise<void> {
    await this.client?.mutate({ mutation: LogoutMutation, variables: { refreshToken }, fetchPolicy: 'no-cache' }).catch(() => undefined); // already over, or offline: it expires on its own
  }

  private scheduleProactiveRefresh(): void {
    const expiresAt = this.mutable.accessTokenExpiresAt;
    if (expiresAt === null) return;
    const lifetime = expiresAt - this.now();
    // ~60 s ahead; for tokens shorter-lived than twice that, halfway.
    const delay = lifetime > 2 * this.refreshLeadMs ? lifetime - this.refreshLeadMs : lifetime / 2;
    this.schedule(Math.max(delay, this.minRefreshIntervalMs));
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.min(delay, MAX_TIMER_MS));
  }

  private emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private readPersisted(): PersistedSession | null {
    try {
      return parsePersisted(this.storage?.getItem(this.storageKey) ?? null);
    } catch {
      return null;
    }
  }

  private writePersisted(value: PersistedSession | null): void {
    try {
      if (value) this.storage?.setItem(this.storageKey, JSON.stringify(value));
      else this.storage?.removeItem(this.storageKey);
    } catch {
      // storage full or disabled: the session lasts until reload
    }
  }

  /** Other tabs share the refresh token: follow their sign-outs and sign-ins; catch up after sleep. */
  private watchBrowser(): void {
    if (typeof window === 'undefined') return;
    const onStorage = (event: StorageEvent) => {
      if (event.key !== this.storageKey && event.key !== null) return;
      const next = parsePersisted(event.newValue);
      if (!next) {
        if (this.mutable.status === 'signed-in') this.end('You signed out in another tab.', false);
        return;
      }
      // A rotation by another tab changes nothing here; another user or organization is adopted.
      const same = next.userId === this.mutable.user?.id && next.organizationId === this.mutable.organization?.id;
      if (!same || this.mutable.status !== 'signed-in') void this.refresh();
    };
    const onVisible = () => {
      const expiresAt = this.mutable.accessTokenExpiresAt;
      if (document.visibilityState === 'visible' && expiresAt !== null && expiresAt - this.now() < this.refreshLeadMs) void this.refresh();
    };
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisible);
    this.cleanups.push(
      () => window.removeEventListener('storage', onStorage),
      () => document.removeEventListener('visibilitychange', onVisible),
    );
  }
}

/** Whether this page is the chat widget's panel (see WIDGET_STORAGE_KEY). */
export function isWidgetPage(location: Pick<Location, 'pathname'> | undefined = globalThis.location): boolean {
  return location !== undefined && location.pathname.replace(/\/$/, '') === `${import.meta.env.BASE_URL}widget`;
}

export function createSessionStore(options?: SessionStoreOptions): SessionStore {
  return new SessionStore({ ...(isWidgetPage() ? { storageKey: WIDGET_STORAGE_KEY } : {}), ...options });
}
