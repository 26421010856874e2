import type { ApolloClient, ObservableSubscription } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import type { Client } from 'graphql-ws';
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue';
import type { LiveTone } from '../../components/LiveBadge.vue';
import { useConnectionState } from './useConnectionState';
import type { AnalyticsCounterFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { AnalyticsCountersLiveSubscription, AnalyticsCountersTodayQuery } from './analytics.documents';

export type LiveCounters = AnalyticsCounterFieldsFragment;

const DAY_MS = 86_400_000;

/**
 * Calls `fn` at most once every `waitMs`: the first call runs at once, calls within the wait are
 * folded into one run at its end (so the last change is never lost).
 */
export function createThrottle(fn: () => void, waitMs: number) {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  function run() {
    timer = null;
    last = Date.now();
    fn();
  }
  return {
    call(): void {
      if (timer) return;
      const wait = last + waitMs - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Newer counters win; an answer that left before an event must not undo it. */
export function newerCounters(current: LiveCounters | null, incoming: LiveCounters): boolean {
  if (!current) return true;
  if (incoming.day !== current.day) return Date.parse(incoming.day) > Date.parse(current.day);
  return Date.parse(incoming.updatedAt) >= Date.parse(current.updatedAt);
}

/** `live`: subscribed; `connecting`: the socket's first connection; `reconnecting`: it dropped; `stopped`: the subscription ended with an error. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export const liveStatusLabels: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  stopped: 'Not live',
};

export const liveStatusTones: Record<LiveStatus, LiveTone> = { connecting: 'warn', live: 'ok', reconnecting: 'warn', stopped: 'bad' };

export interface UseAnalyticsLiveOptions {
  /** The graphql-ws client, for the connection's state; null: shown as live while subscribed. */
  socket: Pick<Client, 'on'> | null;
  client?: ApolloClient<unknown>;
  /** Called after every counters event, and after the socket came back (events may have been missed). */
  onChange?: () => void;
  /** Wait before subscribing again when the server ended the subscription. */
  resubscribeMs?: number;
}

/**
 * Today's counters (UTC day, the whole organization): read once with `Query.analyticsCounters`,
 * then kept up to date by `Subscription.analyticsCounters`, which the server sends again after
 * every batch of stored events. After the socket reconnects they are read again, since events of
 * the gap were not sent.
 */
export function useAnalyticsLive(options: UseAnalyticsLiveOptions) {
  const client = options.client ?? useApolloClient().client;
  const counters = shallowRef<LiveCounters | null>(null);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const liveError = ref<string | null>(null);
  const subscribed = ref(false);
  /** The server ended the subscription; a new one starts after `resubscribeMs`. */
  const ended = ref(false);
  let subscription: ObservableSubscription | null = null;
  let resubscribeTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  /** Bumped by every subscribe(): callbacks of an older subscription are ignored. */
  let generation = 0;

  const socketState = options.socket ? useConnectionState(options.socket).state : ref('idle' as const);

  function take(incoming: LiveCounters | null | undefined) {
    if (incoming && newerCounters(counters.value, incoming)) counters.value = incoming;
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const result = await client.query({ query: AnalyticsCountersTodayQuery, fetchPolicy: 'network-only' });
      if (disposed) return;
      loadError.value = null;
      take(result.data.analyticsCounters);
    } catch (error) {
      if (!disposed) loadError.value = describeError(error);
    } finally {
      if (!disposed) loading.value = false;
    }
  }

  function subscribe(): void {
    subscription?.unsubscribe();
    if (resubscribeTimer) clearTimeout(resubscribeTimer);
    resubscribeTimer = null;
    generation += 1;
    const mine = generation;
    const current = () => !disposed && mine === generation;
    liveError.value = null;
    ended.value = false;
    subscribed.value = true;
    subscription = client.subscribe({ query: AnalyticsCountersLiveSubscription, fetchPolicy: 'no-cache' }).subscribe({
      next: (result) => {
        if (!current()) return;
        if (result.errors?.length) {
          liveError.value = describeError({ graphQLErrors: result.errors });
          return;
        }
        liveError.value = null;
        take(result.data?.analyticsCounters);
        options.onChange?.();
      },
      error: (error: unknown) => {
        if (!current()) return;
        subscribed.value = false;
        liveError.value = describeError(error);
      },
      complete: () => {
        if (!current()) return;
        subscribed.value = false;
        ended.value = true;
        resubscribeTimer = setTimeout(() => {
          void load();
          subscribe();
        }, options.resubscribeMs ?? 5_000);
      },
    });
  }

  /** Starts over: reads the counters and subscribes again (after an error). */
  function retry(): void {
    void load();
    subscribe();
  }

  const offs: (() => void)[] = [];
  if (options.socket) {
    offs.push(
      options.socket.on('connected', (_socket, _payload, wasRetry) => {
        if (!wasRetry || disposed) return;
        void load();
        options.onChange?.();
      }),
    );
  }

  // A new UTC day starts from zero, even before its first event: read the counters again then.
  let midnightTimer: ReturnType<typeof setTimeout> | null = null;
  function scheduleMidnight(): void {
    const wait = DAY_MS - (Date.now() % DAY_MS) + 2_000;
    midnightTimer = setTimeout(() => {
      void load();
      scheduleMidnight();
    }, wait);
  }

  void load();
  subscribe();
  scheduleMidnight();

  if (getCurrentScope()) {
    onScopeDispose(() => {
      disposed = true;
      if (midnightTimer) clearTimeout(midnightTimer);
      if (resubscribeTimer) clearTimeout(resubscribeTimer);
      subscription?.unsubscribe();
      subscription = null;
      offs.forEach((off) => off());
    });
  }

  const status = computed<LiveStatus>(() => {
    if (liveError.value) return 'stopped';
    const state = socketState.value;
    if (state === 'failed') return 'stopped';
    if (state === 'reconnecting' || ended.value) return 'reconnecting';
    if (state === 'connecting') return 'connecting';
    // `idle`: graphql-ws was already connected before this screen listened, or connects lazily.
    return subscribed.value ? 'live' : 'stopped';
  });

  return { counters, loading, loadError, liveError, status, retry, reload: load };
}
