import type { ApolloClient, ObservableSubscription } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { CrawlProgressFieldsFragment, CrawlStatus } from '../gql/graphql';
import { CrawlProgressSubscription } from '../graphql/documents/source.documents';
import { describeError } from '../graphql/errors';

export type CrawlProgressView = CrawlProgressFieldsFragment;

/** A run that has not ended yet: running, or paused (it resumes). */
export const crawlActive = (status: CrawlStatus | null | undefined): boolean => status === 'RUNNING' || status === 'PAUSED';

/**
 * What an event changed against the one before it: `changed` when a run started or its status
 * moved (the list of runs is different now), `ended` when that change is a run ending (what it
 * indexed is listable now; also a run that ended before anyone heard it run).
 */
export function progressChange(before: CrawlProgressView | null, after: CrawlProgressView): { changed: boolean; ended: boolean } {
  const changed = !before || before.runId !== after.runId || before.status !== after.status;
  return { changed, ended: changed && !crawlActive(after.status) };
}

/** The subscription's client: Apollo's, or a stand-in in tests. */
export type ProgressClient = Pick<ApolloClient<unknown>, 'subscribe'>;

/**
 * Live counts of one source's crawls, from `crawlProgress(sourceId)`: `live` is the latest event
 * (null until one arrives; the subscription sends changes only, so read the latest run for the
 * state before), `error` one sentence when the subscription failed. `onProgress` hears each event
 * with the one before it. A new source id starts over; null follows nothing.
 */
export function useCrawlProgress(
  sourceId: MaybeRefOrGetter<string | null>,
  options: { client?: ProgressClient; onProgress?: (progress: CrawlProgressView, before: CrawlProgressView | null) => void } = {},
) {
  const client = options.client ?? useApolloClient().client;
  const live = shallowRef<CrawlProgressView | null>(null);
  const error = ref<string | null>(null);
  const id = computed(() => toValue(sourceId));
  let subscription: ObservableSubscription | null = null;

  function follow(source: string | null): void {
    subscription?.unsubscribe();
    subscription = null;
    live.value = null;
    error.value = null;
    if (!source) return;
    subscription = client.subscribe({ query: CrawlProgressSubscription, variables: { sourceId: source }, fetchPolicy: 'no-cache' }).subscribe({
      next: (result) => {
        const progress = result.data?.crawlProgress;
        if (!progress || progress.sourceId !== source || id.value !== source) return;
        const before = live.value;
        live.value = progress;
        options.onProgress?.(progress, before);
      },
      error: (caught: unknown) => {
        if (id.value === source) error.value = describeError(caught);
      },
    });
  }

  watch(id, follow, { immediate: true });
  if (getCurrentScope()) onScopeDispose(() => subscription?.unsubscribe());

  return { live, error };
}
