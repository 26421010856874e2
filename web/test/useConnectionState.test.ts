import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { useConnectionState, type ConnectionEvents } from '../src/screens/analytics/useConnectionState';

/** Stands in for the graphql-ws client: only its event emitter. */
function fakeClient() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const client = {
    on(event: string, listener: (...args: unknown[]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  } as unknown as ConnectionEvents;
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args));
  const count = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { client, emit, count };
}

describe('useConnectionState', () => {
  it('follows connecting → connected → reconnecting → connected → idle', () => {
    const { client, emit, count } = fakeClient();
    const scope = effectScope();
    const { state } = scope.run(() => useConnectionState(client))!;

    expect(state.value).toBe('idle');
    emit('connecting', false);
    expect(state.value).toBe('connecting');
    emit('connected', {}, {}, false);
    expect(state.value).toBe('connected');
    emit('closed', { code: 1006, reason: '' }); // server went away
    expect(state.value).toBe('reconnecting');
    emit('connecting', true);
    expect(state.value).toBe('reconnecting');
    emit('connected', {}, {}, true);
    expect(state.value).toBe('connected');
    emit('closed', { code: 1000, reason: 'Normal Closure' }); // last subscription ended
    expect(state.value).toBe('idle');

    scope.stop();
    expect(count()).toBe(0);
  });

  it('reports a refused connection as failed', () => {
    const { client, emit } = fakeClient();
    const scope = effectScope();
    const { state } = scope.run(() => useConnectionState(client))!;
    emit('connecting', false);
    emit('closed', { code: 4403, reason: 'Forbidden' }); // graphql-ws retries this one
    expect(state.value).toBe('reconnecting');
    emit('closed', { code: 4400, reason: 'Bad request' });
    expect(state.value).toBe('failed');
    scope.stop();
  });
});
