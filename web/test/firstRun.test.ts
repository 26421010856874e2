import { flushPromises } from '@vue/test-utils';
import { getOperationAST, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { progressChange, useCrawlProgress, type CrawlProgressView, type ProgressClient } from '../src/composables/useCrawlProgress';
import type { CrawlRunFieldsFragment, SourceFieldsFragment } from '../src/gql/graphql';
import { firstRunGuard, routes } from '../src/router';
import { CRAWL_DEFAULTS, crawlDefaultsInWords, hostOf } from '../src/screens/onboarding/crawlDefaults';
import { firstRunNeeded, firstRunStep } from '../src/screens/onboarding/firstRun';
import { useFirstRun, type FirstRunClient } from '../src/screens/onboarding/useFirstRun';

const AT = '2025-01-01T10:00:00Z';
const progress = (fields: Partial<CrawlProgressView> = {}): CrawlProgressView => ({
  __typename: 'CrawlProgress',
  sourceId: 's1',
  runId: 'r1',
  status: 'RUNNING',
  discovered: 3,
  fetched: 2,
  indexed: 1,
  skipped: 0,
  failed: 0,
  skippedByReason: [],
  failedByReason: [],
  imagesIndexed: 0,
  imagesFailed: 0,
  imagesFailedByReason: [],
  ...fields,
});
const source: SourceFieldsFragment = {
  __typename: 'Source',
  id: 's1',
  name: 'help.example.com',
  startUrl: 'https://help.example.com/',
  ...CRAWL_DEFAULTS,
  includePatterns: [],
  excludePatterns: [],
  accessRoles: [],
  createdAt: AT,
  updatedAt: AT,
};
const run = (fields: Partial<CrawlRunFieldsFragment> = {}): CrawlRunFieldsFragment => ({
  __typename: 'CrawlRun',
  runId: 'r1',
  sourceId: 's1',
  status: 'RUNNING',
  startedAt: AT,
  closedAt: null,
  temporalUiUrl: 'http://127.0.0.1:58233/',
  progress: null,
  ...fields,
});

type Observer = { next: (result: unknown) => void; error: (error: unknown) => void };

/** A stand-in client: queries and mutations answered by operation name, subscriptions handed to the test. */
function fakeClient(answers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = [];
  const subscriptions: { variables: Record<string, unknown>; observer: Observer; closed: boolean }[] = [];
  const answer = async (document: DocumentNode, variables: Record<string, unknown> = {}) => {
    const operationName = getOperationAST(document)!.name!.value;
    calls.push({ operationName, variables });
    const data = answers[operationName]?.(variables);
    if (data === undefined) throw new Error(`No answer for ${operationName}`);
    if (data instanceof Error) throw data;
    return { data };
  };
  const client = {
    query: ({ query, variables }: { query: DocumentNode; variables?: Record<string, unknown> }) => answer(query, variables),
    mutate: ({ mutation, variables }: { mutation: DocumentNode; variables?: Record<string, unknown> }) => answer(mutation, variables),
    subscribe: ({ variables }: { variables: Record<string, unknown> }) => ({
      subscribe(observer: Observer) {
        const entry = { variables, observer, closed: false };
        subscriptions.push(entry);
        return { unsubscribe: () => (entry.closed = true), closed: false };
      },
    }),
  };
  const open = () => subscriptions.filter((s) => !s.closed);
  const send = (event: CrawlProgressView) => open().forEach((s) => s.observer.next({ data: { crawlProgress: event } }));
  return { client: client as unknown as FirstRunClient & ProgressClient, calls, subscriptions, open, send };
}

describe('useCrawlProgress', () => {
  it('follows one source’s crawlProgress, ignores other sources, starts over for a new id and stops when disposed', async () => {
    const fake = fakeClient({});
    const id = ref<string | null>(null);
    const heard: [string, string | null][] = [];
    const scope = effectScope();
    const live = scope.run(() => useCrawlProgress(id, { client: fake.client, onProgress: (p, before) => heard.push([p.status, before?.status ?? null]) }))!;
    expect(fake.subscriptions).toHaveLength(0);

    id.value = 's1';
    await flushPromises();
    expect(fake.open().map((s) => s.variables)).toEqual([{ sourceId: 's1' }]);
    fake.send(progress());
    fake.send(progress({ sourceId: 'other', status: 'FAILED' }));
    fake.send(progress({ status: 'COMPLETED', indexed: 4 }));
    expect(live.live.value).toMatchObject({ status: 'COMPLETED', indexed: 4 });
    expect(heard).toEqual([
      ['RUNNING', null],
      ['COMPLETED', 'RUNNING'],
    ]);

    id.value = 's2';
    await flushPromises();
    expect(live.live.value).toBeNull();
    expect(fake.open().map((s) => s.variables)).toEqual([{ sourceId: 's2' }]);
    fake.open()[0]!.observer.error(new Error('socket closed'));
    expect(live.error.value).toBeTruthy();

    scope.stop();
    expect(fake.open()).toHaveLength(0);
  });

  it('says when a run started, moved or ended', () => {
    expect(progressChange(null, progress())).toEqual({ changed: true, ended: false });
    expect(progressChange(progress(), progress({ indexed: 2 }))).toEqual({ changed: false, ended: false });
    expect(progressChange(progress(), progress({ status: 'PAUSED' }))).toEqual({ changed: true, ended: false });
    expect(progressChange(progress(), progress({ status: 'COMPLETED' }))).toEqual({ changed: true, ended: true });
    expect(progressChange(null, progress({ status: 'FAILED' }))).toEqual({ changed: true, ended: true });
  });
});

describe('the first run', () => {
  it('says which step comes next, from the source, the latest run and the live counts', () => {
    const known = { loaded: true, source: { id: 's1' }, run: null, live: null };
    expect(firstRunStep({ ...known, loaded: false })).toBe('loading');
    expect(firstRunStep({ ...known, source: null })).toBe('address');
    expect(firstRunStep(known)).toBe('start');
    expect(firstRunStep({ ...known, run: run() })).toBe('crawling');
    expect(firstRunStep({ ...known, run: run(), live: progress({ status: 'PAUSED' }) })).toBe('crawling');
    expect(firstRunStep({ ...known, run: run(), live: progress({ status: 'COMPLETED', indexed: 12 }) })).toBe('ask');
    expect(firstRunStep({ ...known, run: run(), live: progress({ status: 'COMPLETED', indexed: 0 }) })).toBe('retry');
    expect(firstRunStep({ ...known, run: run({ status: 'FAILED' }) })).toBe('retry');
    expect(firstRunStep({ ...known, run: run({ status: 'CANCELLED' }) })).toBe('retry');
    // A completed run read without counts (its worker gone): trust it.
    expect(firstRunStep({ ...known, run: run({ status: 'COMPLETED' }) })).toBe('ask');
    // The run read has ended since the last event heard: it stays ended.
    expect(firstRunStep({ ...known, run: run({ status: 'COMPLETED', progress: progress({ status: 'COMPLETED', indexed: 9 }) }), live: progress() })).toBe(
      'ask',
    );
    // A newer run than the one read: the live one decides.
    expect(firstRunStep({ ...known, run: run({ status: 'FAILED' }), live: progress({ runId: 'r2' }) })).toBe('crawling');
  });

  it('explains the defaults in words, with the address’s host', () => {
    const words = crawlDefaultsInWords(hostOf('https://help.example.com/start'));
    const text = words.map((w) => `${w.term}: ${w.words}`).join('\n');
    expect(text).toContain('on help.example.com');
    expect(text).toContain(`at most ${CRAWL_DEFAULTS.maxDepth} links away`);
    expect(text).toContain(`At most ${CRAWL_DEFAULTS.maxPages} pages`);
    expect(text).toMatch(/robots\.txt: Always respected/);
    expect(text).toMatch(/JavaScript: Automatic/);
    expect(crawlDefaultsInWords(hostOf('not an address'))[0]!.words).toContain('on your site’s host');
    expect(hostOf('ftp://example.com')).toBeNull();
  });

  it('adds the site from its address alone, crawls it, follows it live to the end and reads the run', async () => {
    const fake = fakeClient({
      Sources: () => ({ sources: [] }),
      AddSource: () => ({ addSource: source }),
      StartCrawl: () => ({ startCrawl: run() }),
      CrawlRuns: () => ({ crawlRuns: [run({ status: 'COMPLETED', closedAt: AT, progress: progress({ status: 'COMPLETED', indexed: 5 }) })] }),
    });
    const scope = effectScope();
    const firstRun = scope.run(() => useFirstRun({ client: fake.client, pollMs: 60_000 }))!;
    await flushPromises();
    expect(firstRun.step.value).toBe('address');

    await firstRun.add('https://help.example.com/');
    await flushPromises();
    expect(fake.calls.filter((c) => c.operationName === 'AddSource').map((c) => c.variables)).toEqual([{ input: { startUrl: 'https://help.example.com/' } }]);
    expect(fake.calls.filter((c) => c.operationName === 'StartCrawl').map((c) => c.variables)).toEqual([{ sourceId: 's1' }]);
    expect(firstRun.step.value).toBe('crawling');
    expect(fake.open().map((s) => s.variables)).toEqual([{ sourceId: 's1' }]);

    fake.send(progress({ indexed: 3 }));
    expect(firstRun.counts.value?.indexed).toBe(3);
    fake.send(progress({ status: 'COMPLETED', indexed: 5 }));
    await flushPromises();
    expect(firstRun.step.value).toBe('ask');
    expect(fake.calls.filter((c) => c.operationName === 'CrawlRuns').at(-1)?.variables).toEqual({ sourceId: 's1', first: 1 });
    scope.stop();
  });

  it('continues where it was after a reload, and puts a refused crawl into words', async () => {
    const fake = fakeClient({
      Sources: () => ({ sources: [source] }),
      CrawlRuns: () => ({ crawlRuns: [run({ status: 'FAILED' })] }),
      StartCrawl: () => Object.assign(new Error('A crawl of this source is already running.'), { graphQLErrors: [] }),
    });
    const scope = effectScope();
    const firstRun = scope.run(() => useFirstRun({ client: fake.client, pollMs: 60_000 }))!;
    await flushPromises();
    expect(firstRun.step.value).toBe('retry');
    expect(await firstRun.crawl()).toBe(false);
    expect(firstRun.error.value).toMatch(/^Could not start the crawl: /);
    scope.stop();
  });

  it('is needed for a user who may add and crawl sources in an organization without one', async () => {
    const session = (permissions: string[]) =>
      ({
        state: { status: 'signed-in', viewer: { permissions } },
        can: (p: string) => permissions.includes(p),
        loadViewer: async () => undefined,
      }) as unknown as Parameters<typeof firstRunNeeded>[1];
    const admin = session(['source:write', 'crawl:run', 'system:read']);
    expect(await firstRunNeeded(fakeClient({ Sources: () => ({ sources: [] }) }).client, admin)).toBe(true);
    expect(await firstRunNeeded(fakeClient({ Sources: () => ({ sources: [{ id: 's1' }] }) }).client, admin)).toBe(false);
    expect(await firstRunNeeded(fakeClient({ Sources: () => new Error('offline') }).client, admin)).toBe(false);
    const asked = fakeClient({ Sources: () => ({ sources: [] }) });
    expect(await firstRunNeeded(asked.client, session(['chat:ask']))).toBe(false);
    expect(asked.calls).toHaveLength(0);
  });

  it('opens instead of the status screen when the app opens or after sign-in, not when going there from inside the app', async () => {
    let needed = true;
    const router = createRouter({ history: createMemoryHistory(), routes });
    router.beforeEach(firstRunGuard(async () => needed));
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('first-run');
    await router.push('/chat');
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('status');
    await router.push('/register');
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('first-run');
    needed = false;
    await router.push('/sign-in');
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('status');
  });
});
