import type { ApolloClient, ObservableSubscription } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { SocketEvents } from '../../composables/useAnswerStream';
import type { ConversationStatus, InboxConversationFieldsFragment } from '../../gql/graphql';
import { describeError, hasErrorCode } from '../../graphql/errors';
import { InboxConversationsQuery, InboxConversationUpdatedSubscription } from './inbox.documents';
import { statusOf, type InboxFilter } from './inboxWords';

export type InboxConversation = InboxConversationFieldsFragment;

/** How many waiting conversations are read for the count badge; more shows as "100+". */
export const WAITING_COUNT_LIMIT = 100;

const time = (iso: string) => {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : at;
};

/** An update older than what we hold (a late event, or a page read before the event) changes nothing. */
export function isStale(known: InboxConversation | undefined, update: InboxConversation): boolean {
  return Boolean(known && time(update.updatedAt) < time(known.updatedAt));
}

/**
 * Where an updated conversation goes in a list filtered by `status` (null: all), most recently
 * active first, as `conversations` orders it. Pure: returns a new array (or the same one when
 * nothing changes).
 * - No longer matching the filter (e.g. taken over while the tab shows those waiting): removed.
 * - Newly active (started, handed off, taken over, answered, closed: `updatedAt` moved on): to the top.
 * - Same activity time: updated where it is.
 * - Older than the copy in the list: ignored.
 */
export function placeUpdate(list: readonly InboxConversation[], update: InboxConversation, status: ConversationStatus | null): InboxConversation[] {
  const index = list.findIndex((c) => c.id === update.id);
  const known = index === -1 ? undefined : list[index];
  if (isStale(known, update)) return list as InboxConversation[];
  const rest = index === -1 ? [...list] : [...list.slice(0, index), ...list.slice(index + 1)];
  if (status !== null && update.status !== status) return index === -1 ? (list as InboxConversation[]) : rest;
  if (!known || time(update.updatedAt) > time(known.updatedAt)) return [update, ...rest];
  const copy = [...list];
  copy[index] = update;
  return copy;
}

export interface InboxAnnouncement {
  id: number;
  text: string;
}

export type InboxConnection = 'live' | 'reconnecting';

/**
 * The agents' inbox: the organization's conversations of one filter, a page at a time
 * (`conversations(status, after, first)`), kept current by `conversationUpdated`; the number of
 * conversations waiting for a person, whatever the filter; and sentences announcing new hand-offs.
 * After the socket comes back it reads the first page and the waiting ones again, since events
 * sent meanwhile are not replayed.
 */
export function useInbox(
  filter: MaybeRefOrGetter<InboxFilter>,
  options: { socket: SocketEvents; client?: ApolloClient<unknown>; pageSize?: number; retryDelayMs?: number },
) {
  const client = options.client ?? useApolloClient().client;
  const pageSize = options.pageSize ?? 30;
  const baseRetryDelay = options.retryDelayMs ?? 2_000;

  const status = computed(() => statusOf(toValue(filter)));

  const items = shallowRef<InboxConversation[]>([]);
  const nextCursor = ref<string | null>(null);
  /** Reading the first page (the list stays shown when it is a refresh). */
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const loadingMore = ref(false);
  const loadMoreError = ref<string | null>(null);

  const waiting = shallowRef(new Map<string, InboxConversation>());
  const waitingMore = ref(false);
  const waitingLoaded = ref(false);

  const liveError = ref<string | null>(null);
  const connection = ref<InboxConnection>('live');
  const announcements = ref<InboxAnnouncement[]>([]);
  /** Hand-offs that arrived while the screen was open and have not been opened yet. */
  const fresh = ref<ReadonlySet<string>>(new Set());

  let generation = 0;
  /** Updates received while the first page is on its way: applied on top of it. */
  let pending: Map<string, InboxConversation> | null = null;
  let announced = 0;

  async function fetchPage(after: string | null, pageStatus: ConversationStatus | null, first: number) {
    const result = await client.query({
      query: InboxConversationsQuery,
      variables: { status: pageStatus, after, first },
      fetchPolicy: 'network-only',
    });
    return result.data.conversations;
  }

  /** Reads the first page; `quiet` keeps the current list on screen until the new one is in. */
  async function reload(options: { quiet?: boolean } = {}): Promise<void> {
    generation += 1;
    const mine = generation;
    const pageStatus = status.value;
    if (!options.quiet) {
      items.value = [];
      nextCursor.value = null;
      loaded.value = false;
    }
    loading.value = true;
    loadingMore.value = false;
    error.value = null;
    loadMoreError.value = null;
    pending = new Map();
    try {
      const page = await fetchPage(null, pageStatus, pageSize);
      if (mine !== generation) return;
      let list = page.conversations;
      for (const update of pending.values()) list = placeUpdate(list, update, pageStatus);
      items.value = list;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (e) {
      if (mine === generation) error.value = describeError(e);
    } finally {
      if (mine === generation) {
        loading.value = false;
        pending = null;
      }
    }
  }

  async function loadMore(): Promise<void> {
    const after = nextCursor.value;
    if (!after || loading.value || loadingMore.value) return;
    const mine = generation;
    loadingMore.value = true;
    loadMoreError.value = null;
    try {
      const page = await fetchPage(after, status.value, pageSize);
      if (mine !== generation) return;
      // A conversation that moved to the top since the first page was read is not listed twice.
      const known = new Set(items.value.map((c) => c.id));
      items.value = [...items.value, ...page.conversations.filter((c) => !known.has(c.id))];
      nextCursor.value = page.nextCursor;
    } catch (e) {
      if (mine === generation) loadMoreError.value = describeError(e);
    } finally {
      if (mine === generation) loadingMore.value = false;
    }
  }

  let waitingGeneration = 0;
  async function loadWaiting(): Promise<void> {
    waitingGeneration += 1;
    const mine = waitingGeneration;
    try {
      const page = await fetchPage(null, 'WAITING_FOR_AGENT', WAITING_COUNT_LIMIT);
      if (mine !== waitingGeneration) return;
      const next = new Map(page.conversations.map((c) => [c.id, c]));
      // Events that arrived while the page was on its way are newer than it.
      for (const [id, known] of waiting.value) {
        const listed = next.get(id);
        if (!listed || time(known.updatedAt) > time(listed.updatedAt)) next.set(id, known);
      }
      waiting.value = next;
      waitingMore.value = page.nextCursor !== null;
      waitingLoaded.value = true;
    } catch {
      // The badge is left out; the list says what went wrong when it fails too.
    }
  }

  function announce(text: string): void {
    announced += 1;
    // A few recent ones stay in the live region, so two hand-offs at once are both read out.
    announcements.value = [...announcements.value.slice(-2), { id: announced, text }];
  }

  /**
   * Takes in a newer state of a conversation (from `conversationUpdated` or a mutation's result):
   * moves or updates it in the list, follows the waiting count, and announces new hand-offs.
   */
  function apply(update: InboxConversation, options: { fromEvent?: boolean } = {}): void {
    const known = waiting.value.get(update.id);
    if (!isStale(known, update)) {
      const next = new Map(waiting.value);
      if (update.status === 'WAITING_FOR_AGENT') next.set(update.id, update);
      else next.delete(update.id);
      waiting.value = next;
      if (options.fromEvent && update.status === 'WAITING_FOR_AGENT' && !known) {
        const title = update.title ? `: “${update.title}”` : '';
        announce(`New hand-off. ${update.customer.displayName} is waiting for a person${title}.`);
        fresh.value = new Set([...fresh.value, update.id]);
      }
      if (update.status !== 'WAITING_FOR_AGENT' && fresh.value.has(update.id)) seen(update.id);
    }
    pending?.set(update.id, update);
    items.value = placeUpdate(items.value, update, status.value);
  }

  /** The agent opened the conversation: it is no longer marked new. */
  function seen(id: string): void {
    if (!fresh.value.has(id)) return;
    const next = new Set(fresh.value);
    next.delete(id);
    fresh.value = next;
  }

  let subscription: ObservableSubscription | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryDelay = baseRetryDelay;
  let disposed = false;

  function subscribe(): void {
    subscription?.unsubscribe();
    subscription = client.subscribe({ query: InboxConversationUpdatedSubscription }).subscribe({
      next: (result) => {
        const update = result.data?.conversationUpdated;
        if (!update) return;
        liveError.value = null;
        connection.value = 'live';
        retryDelay = baseRetryDelay;
        apply(update, { fromEvent: true });
      },
      error: (e: unknown) => {
        subscription = null;
        liveError.value = describeError(e);
        if (disposed || hasErrorCode(e, 'FORBIDDEN')) return;
        // Try again, waiting longer each time, and catch up on what was missed meanwhile.
        retryTimer = setTimeout(() => {
          retryTimer = null;
          subscribe();
          void reload({ quiet: true });
          void loadWaiting();
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60_000);
      },
    });
  }

  watch(status, () => void reload(), { immediate: true });
  void loadWaiting();
  subscribe();

  const offs = [
    options.socket.on('connected', (_socket, _payload, wasRetry) => {
      connection.value = 'live';
      // graphql-ws resubscribes by itself, but what happened while it was away is not sent again.
      if (wasRetry) {
        void reload({ quiet: true });
        void loadWaiting();
      }
    }),
    options.socket.on('closed', () => {
      connection.value = 'reconnecting';
    }),
  ];
  // Another organization (or user) in this tab: its conversations, from scratch.
  const offReset = client.onResetStore(async () => {
    announcements.value = [];
    fresh.value = new Set();
    waiting.value = new Map();
    waitingLoaded.value = false;
    void reload();
    void loadWaiting();
  });
  if (getCurrentScope()) {
    onScopeDispose(() => {
      offReset();
      disposed = true;
      generation += 1;
      waitingGeneration += 1;
      subscription?.unsubscribe();
      if (retryTimer) clearTimeout(retryTimer);
      offs.forEach((off) => off());
    });
  }

  const waitingCount = computed(() => waiting.value.size);

  return {
    items,
    nextCursor,
    loading,
    loaded,
    error,
    loadingMore,
    loadMoreError,
    /** Conversations waiting for a person (as far as read: see `waitingCountLabel`). */
    waitingCount,
    /** The badge's text: "3", or "100+" when there are more than were read; null until known. */
    waitingCountLabel: computed(() => (waitingLoaded.value ? `${waitingCount.value}${waitingMore.value ? '+' : ''}` : null)),
    liveError,
    connection,
    announcements,
    fresh,
    reload,
    loadMore,
    apply,
    seen,
  };
}

export type Inbox = ReturnType<typeof useInbox>;
