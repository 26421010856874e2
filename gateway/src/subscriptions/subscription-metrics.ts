import { boundedLabel, counter, gauge } from '@scs/runtime/observability/metrics';

/** Subscriptions this gateway instance is delivering now, by root field. */
export const activeSubscriptions = gauge<'field'>({
  name: 'graphql_subscriptions_active',
  help: 'Subscriptions this gateway instance is delivering now, by root field.',
  labelNames: ['field'],
});

/** Subscriptions started since the process started, by root field. */
export const startedSubscriptions = counter<'field'>({
  name: 'graphql_subscriptions_started_total',
  help: 'Subscriptions started, by root field.',
  labelNames: ['field'],
});

/** Open graphql-ws connections that passed authentication. */
export const activeConnections = gauge({
  name: 'graphql_ws_connections_active',
  help: 'Authenticated graphql-ws connections open on this gateway instance.',
});

const fieldLabel = boundedLabel(100);

/**
 * Counts a subscription as active from now until its iterator ends, whichever way it ends (the
 * client completes it, the socket closes, the topic fails): `return` is wrapped once, on the instance.
 */
export function trackSubscription<T extends AsyncIterator<unknown>>(field: string, iterator: T): T {
  const labels = { field: fieldLabel(field) };
  activeSubscriptions.inc(labels);
  startedSubscriptions.inc(labels);
  const original = iterator.return?.bind(iterator);
  let open = true;
  iterator.return = async (value?: unknown) => {
    if (open) {
      open = false;
      activeSubscriptions.dec(labels);
    }
    return original ? original(value) : { value: undefined, done: true };
  };
  return iterator;
}
