import { getCurrentScope, onScopeDispose, readonly, ref, type Ref } from 'vue';
import type { LiveTone } from '../../components/LiveBadge.vue';
import type { Client } from 'graphql-ws';

/**
 * - `idle`: no socket (graphql-ws connects lazily, on the first subscription)
 * - `connecting`: first connection attempt
 * - `connected`: acknowledged by the server
 * - `reconnecting`: lost the connection, retrying
 * - `failed`: closed for good (the server refused us; graphql-ws does not retry those)
 */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export const connectionStateLabels: Record<ConnectionState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  failed: 'Disconnected',
};

export const connectionStateTones: Record<ConnectionState, LiveTone> = {
  idle: 'neutral',
  connecting: 'warn',
  connected: 'ok',
  reconnecting: 'warn',
  failed: 'bad',
};

/** graphql-ws close codes after which the client gives up instead of retrying. */
const FATAL_CLOSE_CODES = new Set([4004, 4005, 4400, 4401, 4406, 4409, 4429, 4500]);

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;
}

/** The slice of the graphql-ws client this composable needs. */
export type ConnectionEvents = Pick<Client, 'on'>;

/**
 * Follows a graphql-ws client's `connecting`, `connected` and `closed` events. Call it before
 * starting subscriptions so the first `connecting` event is seen. Listeners are removed when the
 * calling component (or effect scope) goes away.
 */
export function useConnectionState(client: ConnectionEvents): { state: Readonly<Ref<ConnectionState>> } {
  const state = ref<ConnectionState>('idle');
  let hasConnected = false;

  const unlisten = [
    client.on('connecting', (isRetry) => {
      state.value = isRetry || hasConnected ? 'reconnecting' : 'connecting';
    }),
    client.on('connected', () => {
      hasConnected = true;
      state.value = 'connected';
    }),
    client.on('closed', (event) => {
      const code = closeCode(event);
      if (code === 1000)
        state.value = 'idle'; // closed on purpose: nobody subscribed any more
      else if (code !== undefined && FATAL_CLOSE_CODES.has(code)) state.value = 'failed';
      else state.value = hasConnected || state.value === 'connecting' ? 'reconnecting' : state.value;
    }),
  ];
  if (getCurrentScope()) onScopeDispose(() => unlisten.forEach((off) => off()));

  return { state: readonly(state) };
}
