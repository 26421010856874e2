import type { ApolloClient } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { progressChange, useCrawlProgress, type ProgressClient } from '../../composables/useCrawlProgress';
import type { CrawlRunFieldsFragment, SourceFieldsFragment } from '../../gql/graphql';
import { AddSourceMutation, CrawlRunsQuery, SourcesQuery, StartCrawlMutation } from '../../graphql/documents/source.documents';
import { describeError } from '../../graphql/errors';
import { firstRunStep } from './firstRun';

export type FirstRunClient = Pick<ApolloClient<unknown>, 'query' | 'mutate'> & ProgressClient;

/**
 * The first run of a new organization: its first source (read again on arrival, so a reload in the
 * middle continues where it was), adding it from an address alone (`addSource`, every other
 * setting the API's default) and crawling it (`startCrawl`), then the crawl's live counts
 * (`useCrawlProgress`); `step` says what comes next (see `firstRunStep`). `add` throws the API's
 * errors, for the form to show next to the field; `crawl` puts its failure in `error`.
 */
export function useFirstRun(options: { client?: FirstRunClient; pollMs?: number } = {}) {
  const client = options.client ?? (useApolloClient().client as FirstRunClient);
  const pollMs = options.pollMs ?? 5_000;
  const loaded = ref(false);
  const loadError = ref<string | null>(null);
  const source = shallowRef<SourceFieldsFragment | null>(null);
  const run = shallowRef<CrawlRunFieldsFragment | null>(null);
  const error = ref<string | null>(null);
  const starting = ref(false);

  const sourceId = computed(() => source.value?.id ?? null);
  const progress = useCrawlProgress(sourceId, {
    client,
    onProgress: (event, before) => {
      // The run's close time and final counts: read once it ended.
      if (progressChange(before, event).ended) void readRun().catch(() => undefined);
    },
  });

  async function readRun(): Promise<void> {
    const id = sourceId.value;
    if (!id) return;
    const { data } = await client.query({ query: CrawlRunsQuery, variables: { sourceId: id, first: 1 }, fetchPolicy: 'network-only' });
    if (sourceId.value === id) run.value = data.crawlRuns[0] ?? null;
  }

  async function load(): Promise<void> {
    loadError.value = null;
    try {
      const { data } = await client.query({ query: SourcesQuery, variables: { first: 1 }, fetchPolicy: 'network-only' });
      source.value = data.sources[0] ?? null;
      await readRun();
      loaded.value = true;
    } catch (caught) {
      loadError.value = describeError(caught);
    }
  }

  /** Starts a crawl of the source (again, after a failed or empty one). */
  async function crawl(): Promise<boolean> {
    const id = sourceId.value;
    if (!id || starting.value) return false;
    error.value = null;
    starting.value = true;
    try {
      const started = (await client.mutate({ mutation: StartCrawlMutation, variables: { sourceId: id } })).data?.startCrawl;
      if (started) run.value = started;
      return Boolean(started);
    } catch (caught) {
      error.value = `Could not start the crawl: ${describeError(caught)}`;
      return false;
    } finally {
      starting.value = false;
    }
  }

  /** Adds the site at `startUrl` with the default settings, then crawls it. Throws when it was not added. */
  async function add(startUrl: string): Promise<void> {
    const added = (await client.mutate({ mutation: AddSourceMutation, variables: { input: { startUrl } } })).data?.addSource;
    if (!added) throw new Error('The site was not added.');
    source.value = added;
    run.value = null;
    await crawl();
  }

  const step = computed(() => firstRunStep({ loaded: loaded.value, source: source.value, run: run.value, live: progress.live.value }));
  /** The newest counts: live ones, else those of the latest run. */
  const counts = computed(() => progress.live.value ?? run.value?.progress ?? null);

  // The subscription sends changes only, from when it is up: a run that ended unheard (or while the
  // socket was away) is found by reading the run now and then while it runs.
  let poll: ReturnType<typeof setInterval> | null = null;
  watch(step, (now) => {
    if (now === 'crawling' && !poll) poll = setInterval(() => void readRun().catch(() => undefined), pollMs);
    if (now !== 'crawling' && poll) {
      clearInterval(poll);
      poll = null;
    }
  });
  if (getCurrentScope()) onScopeDispose(() => poll && clearInterval(poll));

  void load();

  return { step, source, run, counts, liveError: progress.error, loadError, error, starting, load, add, crawl };
}
