import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AnalyticsScreen from '../src/screens/analytics/AnalyticsScreen.vue';
import { formatCount, formatPercent } from '../src/screens/analytics/analyticsFormat';
import { deferred, graphqlErrors, meHandler, type Answer, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

// Wednesday 15 January 2025, 14:35:20 UTC.
const NOW = Date.UTC(2025, 0, 15, 14, 35, 20);
const PERMS = ['analytics:read', 'source:read', 'apikey:manage'];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanupScreens();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function fakeSocket() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    on(event: string, listener: (...args: unknown[]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args)),
  };
}

const overview = (fields: Record<string, unknown> = {}) => ({
  data: {
    analyticsOverview: {
      __typename: 'AnalyticsOverview',
      from: '2025-01-09T00:00:00.000Z',
      to: '2025-01-16T00:00:00.000Z',
      sourceId: null,
      questions: 1234,
      answered: 1080,
      unanswered: 120,
      failed: 34,
      answerRate: 0.8752,
      cacheHits: 210,
      conversations: 800,
      averageConfidence: 0.71,
      thumbsUp: 90,
      thumbsDown: 10,
      satisfaction: 0.9,
      handoffs: 40,
      timeToFirstTokenMs: { __typename: 'LatencyPercentiles', p50: 850, p95: 2400 },
      totalTimeMs: { __typename: 'LatencyPercentiles', p50: 4200, p95: 12_800 },
      ...fields,
    },
  },
});

const bucket = (start: string, questions: number, answered: number, unanswered: number, handoffs: number) => ({
  __typename: 'VolumeBucket',
  start,
  questions,
  answered,
  unanswered,
  handoffs,
});

const counters = (fields: Record<string, unknown> = {}) => ({
  __typename: 'AnalyticsCounters',
  day: '2025-01-15T00:00:00.000Z',
  questions: 12,
  answered: 10,
  unanswered: 1,
  handoffs: 2,
  thumbsUp: 3,
  thumbsDown: 1,
  updatedAt: '2025-01-15T14:30:00.000Z',
  ...fields,
});

function handlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    SessionViewer: meHandler(PERMS, 'ADMIN'),
    AnalyticsSources: () => ({
      data: {
        sources: [
          { __typename: 'Source', id: 's1', name: 'Help Centre', startUrl: 'https://help.example.com/' },
          { __typename: 'Source', id: 's2', name: 'Docs', startUrl: 'https://docs.example.com/' },
        ],
      },
    }),
    AnalyticsOverviewFigures: () => overview(),
    AnalyticsVolume: () => ({
      data: {
        questionVolume: [
          bucket('2025-01-13T00:00:00.000Z', 100, 90, 8, 3),
          bucket('2025-01-14T00:00:00.000Z', 0, 0, 0, 0),
          bucket('2025-01-15T00:00:00.000Z', 40, 30, 6, 1),
        ],
      },
    }),
    AnalyticsTopQuestions: () => ({
      data: {
        topQuestions: [
          {
            __typename: 'QuestionCluster',
            representative: 'How do I reset my password?',
            count: 321,
            answered: 300,
            examples: ['How do I reset my password?', 'forgot password'],
            lastAskedAt: '2025-01-15T12:00:00.000Z',
          },
        ],
      },
    }),
    AnalyticsContentGaps: () => ({
      data: {
        contentGaps: [
          {
            __typename: 'ContentGap',
            representative: 'Do you ship to Mars?',
            count: 7,
            examples: ['Do you ship to Mars?'],
            lastAskedAt: '2025-01-15T11:00:00.000Z',
            suggestedPages: [
              {
                __typename: 'SuggestedPage',
                pageUrl: 'https://help.example.com/shipping',
                url: 'https://help.example.com/shipping#zones',
                title: 'Shipping zones',
                sourceId: 's1',
                bestRelevance: 0.42,
                retrievals: 5,
              },
              {
                __typename: 'SuggestedPage',
                pageUrl: 'javascript:alert(1)',
                url: 'javascript:alert(1)',
                title: 'Sneaky',
                sourceId: 's1',
                bestRelevance: 0.3,
                retrievals: 1,
              },
            ],
          },
        ],
      },
    }),
    AnalyticsCrawlHistory: () => ({
      data: {
        crawlHistory: [
          {
            __typename: 'CrawlHistoryEntry',
            runId: 'r1',
            sourceId: 's1',
            status: 'completed',
            startedAt: '2025-01-14T10:00:00.000Z',
            finishedAt: '2025-01-14T10:02:05.000Z',
            durationMs: 125_000,
            discovered: 500,
            fetched: 480,
            indexed: 470,
            skipped: 15,
            failed: 5,
            imagesIndexed: 30,
            imagesFailed: 2,
            failedByReason: [{ __typename: 'CrawlFailureCount', reason: 'http_404', count: 5 }],
          },
        ],
      },
    }),
    AnalyticsApiUsage: () => ({
      data: {
        apiUsage: [
          {
            __typename: 'ApiKeyUsage',
            apiKeyId: 'k1',
            role: 'PARTNER',
            requests: 15_000,
            rateLimited: 12,
            firstHour: '2025-01-09T08:00:00.000Z',
            lastHour: '2025-01-15T13:00:00.000Z',
          },
        ],
      },
    }),
    AnalyticsApiKeyNames: () => ({ data: { apiKeys: [{ __typename: 'ApiKey', id: 'k1', name: 'Shop integration', prefix: 'scs_ab12' }] } }),
    AnalyticsSourceCoverage: ({ variables }) => ({
      data: {
        sourceCoverage: {
          __typename: 'SourceCoverage',
          sourceId: variables.sourceId,
          pagesIndexed: 200,
          lastCrawlAt: '2025-01-14T10:02:05.000Z',
          pagesCited: 50,
          pagesRetrieved: 120,
          coverage: 0.25,
          pages: [
            {
              __typename: 'PageCoverage',
              pageUrl: 'https://help.example.com/reset',
              title: 'Reset your password',
              citations: 44,
              retrievals: 90,
              lastCitedAt: '2025-01-15T09:00:00.000Z',
            },
          ],
        },
      },
    }),
    AnalyticsCountersToday: () => ({ data: { analyticsCounters: counters() } }),
    // Live events arrive when a test lets them.
    AnalyticsCountersLive: () => new Promise<Answer>(() => undefined),
    ...overrides,
  };
}

async function render(path: string, overrides: Record<string, Handler> = {}) {
  const socket = fakeSocket();
  const { view, gateway, router } = await renderScreen(path, { component: AnalyticsScreen, handlers: handlers(overrides), role: 'ADMIN', socket });
  return { view, gateway, router, socket };
}

const panel = (view: VueWrapper, title: string): DOMWrapper<Element> => {
  const found = view.findAll('section.panel').find((section) => section.find('h2').text() === title);
  if (!found) throw new Error(`No panel “${title}”`);
  return found;
};
const tile = (scope: DOMWrapper<Element>, key: string) => scope.find(`[data-tile="${key}"]`);

describe('AnalyticsScreen', () => {
  it('queries every panel with the period and source of the URL, and shows formatted figures', async () => {
    const { view, gateway } = await render('/analytics?period=custom&from=2025-01-01&to=2025-01-31&source=s1');
    const period = { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' };
    expect(gateway.named('AnalyticsOverviewFigures')[0]!.variables).toEqual({ period, sourceId: 's1' });
    expect(gateway.named('AnalyticsVolume')[0]!.variables).toEqual({ period, sourceId: 's1', interval: 'DAY' });
    expect(gateway.named('AnalyticsTopQuestions')[0]!.variables).toEqual({ period, sourceId: 's1', limit: 10 });
    expect(gateway.named('AnalyticsContentGaps')[0]!.variables).toEqual({ period, sourceId: 's1', limit: 10, pagesPerGap: 3 });
    expect(gateway.named('AnalyticsSourceCoverage')[0]!.variables).toEqual({ period, sourceId: 's1', limit: 20 });
    expect(gateway.named('AnalyticsCrawlHistory')[0]!.variables).toEqual({ period, sourceId: 's1', limit: 25 });
    expect(gateway.named('AnalyticsApiUsage')[0]!.variables).toEqual({ period });

    const tiles = panel(view, 'Overview');
    expect(tile(tiles, 'questions').find('.tile__value').text()).toBe(formatCount(1234));
    expect(tile(tiles, 'questions').text()).toContain('800 conversations');
    expect(tile(tiles, 'answer-rate').find('.tile__value').text()).toBe(formatPercent(0.8752));
    expect(tile(tiles, 'satisfaction').find('.tile__value').text()).toBe(formatPercent(0.9));
    expect(tile(tiles, 'satisfaction').text()).toContain('90 thumbs up · 10 down');
    expect(tile(tiles, 'first-token').find('.tile__value').text()).toBe('850 ms');
    expect(tile(tiles, 'first-token').text()).toContain(`95% within ${(2.4).toLocaleString()} s`);
    expect(tile(tiles, 'full-answer').find('.tile__value').text()).toBe(`${(4.2).toLocaleString()} s`);
    expect(tile(tiles, 'handoffs').find('.tile__value').text()).toBe('40');

    // The pickers show what the URL says.
    const selects = view.findAll('select');
    expect((selects[0]!.element as HTMLSelectElement).value).toBe('custom');
    expect((view.find('input[type="date"]').element as HTMLInputElement).value).toBe('2025-01-01');
    expect((selects[1]!.element as HTMLSelectElement).value).toBe('s1');
    expect(view.find('h1 + p').text()).toContain('Help Centre');

    // The charts' data as tables.
    const volume = panel(view, 'Volume over time');
    const tables = volume.findAll('figure table');
    expect(tables).toHaveLength(2);
    const rows = tables[0]!.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(rows[0]!.slice(1)).toEqual(['100', '90', '8', '2', '3']);
    expect(tables[0]!.findAll('thead th').map((th) => th.text())).toEqual(['Day (UTC)', 'Questions', 'Answered', 'Unanswered', 'Failed', 'Hand-offs']);
    expect(tables[1]!.findAll('tbody tr')[1]!.text()).toContain('No questions');
    expect(volume.find('canvas').attributes('aria-label')).toContain('140 questions in all, 120 answered, 14 unanswered, 6 failed, 4 hand-offs');

    // Lists and tables.
    expect(panel(view, 'Top questions').text()).toContain('How do I reset my password?');
    expect(panel(view, 'Top questions').text()).toContain('321');
    const gaps = panel(view, 'Unanswered questions');
    expect(gaps.text()).toContain('Do you ship to Mars?');
    const links = gaps.findAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.attributes()).toMatchObject({ href: 'https://help.example.com/shipping#zones', target: '_blank', rel: 'noopener noreferrer' });
    expect(gaps.text()).toContain('Sneaky');
    expect(view.findAll('a[href^="javascript"]')).toHaveLength(0);
    const coverage = panel(view, 'Source coverage');
    expect(tile(coverage, 'coverage').text()).toContain('50 of 200 indexed');
    expect(coverage.text()).toContain('Reset your password');
    const crawls = panel(view, 'Crawl history');
    expect(crawls.text()).toContain('2 min 5 s');
    expect(crawls.text()).toContain('http 404: 5');
    const api = panel(view, 'API usage');
    expect(api.text()).toContain('Shop integration');
    expect(api.text()).toContain(formatCount(15_000));
    expect(view.find('[role="alert"]').exists()).toBe(false);
  });

  it('puts the chosen period and source in the URL and queries them', async () => {
    const { view, gateway, router } = await render('/analytics');
    // No period in the URL: the last 7 days, ending with today (UTC).
    expect(gateway.named('AnalyticsOverviewFigures')[0]!.variables).toEqual({ period: { from: '2025-01-09T00:00:00.000Z', to: '2025-01-16T00:00:00.000Z' } });
    expect(panel(view, 'Source coverage').text()).toContain('Choose a source above');
    expect(gateway.named('AnalyticsSourceCoverage')).toHaveLength(0);

    const [periodSelect, sourceSelect] = view.findAll('select');
    await periodSelect!.setValue('24h');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ period: '24h' });
    expect(gateway.named('AnalyticsOverviewFigures').at(-1)!.variables).toEqual({
      period: { from: '2025-01-14T15:00:00.000Z', to: '2025-01-15T15:00:00.000Z' },
    });
    expect(gateway.named('AnalyticsVolume').at(-1)!.variables).toMatchObject({ interval: 'HOUR' });

    await sourceSelect!.setValue('s2');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ period: '24h', source: 's2' });
    expect(gateway.named('AnalyticsTopQuestions').at(-1)!.variables).toMatchObject({ sourceId: 's2' });
    expect(gateway.named('AnalyticsSourceCoverage').at(-1)!.variables).toMatchObject({ sourceId: 's2' });

    // Custom dates: checked before they reach the URL.
    await periodSelect!.setValue('custom');
    await flushPromises();
    const [from, to] = view.findAll('input[type="date"]');
    await from!.setValue('2025-01-10');
    await to!.setValue('2025-01-05');
    await view.find('form.filters__custom').trigger('submit');
    await flushPromises();
    expect(view.find('.filters__error').text()).toBe('The last day must be on or after the first day.');
    expect(from!.attributes('aria-invalid')).toBe('true');
    expect(router.currentRoute.value.query).toEqual({ period: '24h', source: 's2' });

    await to!.setValue('2025-01-12');
    await view.find('form.filters__custom').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ period: 'custom', from: '2025-01-10', to: '2025-01-12', source: 's2' });
    expect(gateway.named('AnalyticsContentGaps').at(-1)!.variables).toMatchObject({
      period: { from: '2025-01-10T00:00:00.000Z', to: '2025-01-13T00:00:00.000Z' },
      sourceId: 's2',
    });

    await sourceSelect!.setValue('');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ period: 'custom', from: '2025-01-10', to: '2025-01-12' });
  });

  it('shows a failing panel’s error in words while the others render', async () => {
    const { view } = await render('/analytics?period=7d', {
      AnalyticsTopQuestions: () => graphqlErrors({ message: 'Clustering is unavailable right now.', extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      AnalyticsCrawlHistory: () => new TypeError('Failed to fetch'),
    });
    const top = panel(view, 'Top questions');
    expect(top.find('[role="alert"]').text()).toContain('Could not load the top questions: Clustering is unavailable right now.');
    expect(top.find('table').exists()).toBe(false);
    expect(panel(view, 'Crawl history').find('[role="alert"]').text()).toContain('Could not load the crawl history: The gateway could not be reached');
    expect(tile(panel(view, 'Overview'), 'questions').text()).toContain(formatCount(1234));
    expect(panel(view, 'Unanswered questions').text()).toContain('Do you ship to Mars?');
    expect(panel(view, 'API usage').find('[role="alert"]').exists()).toBe(false);
  });

  it('says so in words when a period has nothing, and shows skeletons while loading', async () => {
    const pending = deferred<Answer>();
    const { view } = await render('/analytics?period=30d', {
      AnalyticsOverviewFigures: () =>
        overview({
          questions: 0,
          answered: 0,
          unanswered: 0,
          failed: 0,
          answerRate: null,
          cacheHits: 0,
          conversations: 0,
          thumbsUp: 0,
          thumbsDown: 0,
          satisfaction: null,
          handoffs: 0,
        }),
      AnalyticsVolume: () => ({ data: { questionVolume: [bucket('2025-01-15T00:00:00.000Z', 0, 0, 0, 0)] } }),
      AnalyticsTopQuestions: () => ({ data: { topQuestions: [] } }),
      AnalyticsContentGaps: () => ({ data: { contentGaps: [] } }),
      AnalyticsApiUsage: () => ({ data: { apiUsage: [] } }),
      AnalyticsCrawlHistory: () => pending.promise,
    });
    expect(panel(view, 'Overview').text()).toContain('No questions in this period yet.');
    expect(panel(view, 'Volume over time').text()).toContain('No questions in this period yet.');
    expect(panel(view, 'Top questions').text()).toContain('No questions in this period yet.');
    expect(panel(view, 'Unanswered questions').text()).toContain('No unanswered questions in this period.');
    expect(panel(view, 'API usage').text()).toContain('No API key was used in this period.');
    const crawls = panel(view, 'Crawl history');
    expect(crawls.attributes('aria-busy')).toBe('true');
    expect(crawls.find('[role="status"]').text()).toBe('Loading crawl history…');
    pending.resolve({ data: { crawlHistory: [] } });
    await flushPromises();
    expect(crawls.text()).toContain('No crawl finished in this period.');
  });

  it('downloads the CSV the API returned for the period and source, with a loading state', async () => {
    const csv = 'asked_at,question\r\n2025-01-15T10:00:00.000Z,"Hello, world"\r\n';
    const answer = deferred<Answer>();
    const { view, gateway } = await render('/analytics?period=7d&source=s1', { AnalyticsExportCsv: () => answer.promise });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:analytics-1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const button = view.findAll('button').find((b) => b.text() === 'Download CSV')!;
    await button.trigger('click');
    await flushPromises();
    expect(button.text()).toBe('Preparing CSV…');
    expect(button.attributes('disabled')).toBeDefined();
    expect(gateway.named('AnalyticsExportCsv')[0]!.variables).toEqual({
      period: { from: '2025-01-09T00:00:00.000Z', to: '2025-01-16T00:00:00.000Z' },
      sourceId: 's1',
      report: 'QUESTIONS',
    });

    answer.resolve({ data: { exportAnalyticsCsv: csv } });
    await flushPromises();
    expect(blobs).toHaveLength(1);
    expect(await blobs[0]!.text()).toBe(csv);
    expect(blobs[0]!.type).toContain('text/csv');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('analytics-questions-help-centre-last-7-days-2025-01-09-to-2025-01-15.csv');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:analytics-1');
    expect(button.text()).toBe('Download CSV');
    expect(view.text()).toContain('Downloaded analytics-questions-help-centre-last-7-days-2025-01-09-to-2025-01-15.csv.');

    // API usage is not per source: its export leaves the source out.
    await view.find('.export select').setValue('API_USAGE');
    vi.mocked(URL.createObjectURL).mockClear();
    const second = gateway.named('AnalyticsExportCsv').length;
    await button.trigger('click');
    await flushPromises();
    expect(gateway.named('AnalyticsExportCsv')[second]!.variables).toEqual({
      period: { from: '2025-01-09T00:00:00.000Z', to: '2025-01-16T00:00:00.000Z' },
      report: 'API_USAGE',
    });
  });

  it('says why an export failed', async () => {
    const { view } = await render('/analytics?period=7d', {
      AnalyticsExportCsv: () => graphqlErrors({ message: 'Too many exports.', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }),
    });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL');
    await view
      .findAll('button')
      .find((b) => b.text() === 'Download CSV')!
      .trigger('click');
    await flushPromises();
    expect(view.find('.export [role="alert"]').text()).toBe('Could not export the CSV: Too many attempts. Try again in 30 seconds.');
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('updates today’s counters from analyticsCounters, refetches the overview (throttled), and shows the connection', async () => {
    // Timers too (the throttle's wait and the resubscription's), not only the clock.
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(NOW);
    const events: ReturnType<typeof deferred<Answer>>[] = [];
    const { view, gateway, socket } = await render('/analytics?period=24h', {
      AnalyticsCountersLive: () => {
        events.push(deferred<Answer>());
        return events.at(-1)!.promise;
      },
    });
    const today = panel(view, 'Today');
    const live = () => today.find('.live-badge__label').text();
    expect(tile(today, 'today-questions').find('.tile__value').text()).toBe('12');
    expect(live()).toBe('Live');
    expect(gateway.named('AnalyticsOverviewFigures')).toHaveLength(1);

    // graphql-ws reports the socket's state: connected, dropped, back.
    socket.emit('connecting', false);
    socket.emit('connected', {}, {}, false);
    await flushPromises();
    expect(live()).toBe('Live');
    socket.emit('closed', { code: 1006 });
    await flushPromises();
    expect(live()).toBe('Reconnecting…');
    socket.emit('connecting', true);
    socket.emit('connected', {}, {}, true);
    await flushPromises();
    expect(live()).toBe('Live');
    // Events of the gap were not sent: the counters and the period's figures are read again.
    expect(gateway.named('AnalyticsCountersToday')).toHaveLength(2);
    expect(gateway.named('AnalyticsOverviewFigures')).toHaveLength(2);
    expect(gateway.named('AnalyticsVolume')).toHaveLength(2);

    // A counters event, 3 s later: the tiles change at once, the overview waits for the throttle.
    vi.advanceTimersByTime(3_000);
    events[0]!.resolve({ data: { analyticsCounters: counters({ questions: 1500, answered: 1400, thumbsUp: 4, updatedAt: '2025-01-15T14:35:23.000Z' }) } });
    await flushPromises();
    expect(tile(today, 'today-questions').find('.tile__value').text()).toBe(formatCount(1500));
    expect(tile(today, 'today-answered').find('.tile__value').text()).toBe(formatCount(1400));
    expect(tile(today, 'today-thumbs-up').find('.tile__value').text()).toBe('4');
    expect(gateway.named('AnalyticsOverviewFigures')).toHaveLength(2);
    // The server ended the subscription (this fake answers once): it is started again 5 s later.
    expect(live()).toBe('Reconnecting…');
    await vi.advanceTimersByTimeAsync(7_000);
    await flushPromises();
    expect(gateway.named('AnalyticsOverviewFigures')).toHaveLength(3);
    expect(gateway.named('AnalyticsVolume')).toHaveLength(3);
    // Panels that live events do not change are not refetched.
    expect(gateway.named('AnalyticsTopQuestions')).toHaveLength(1);
    expect(gateway.named('AnalyticsCrawlHistory')).toHaveLength(1);
    expect(gateway.named('AnalyticsCountersLive')).toHaveLength(2);
    expect(live()).toBe('Live');
  });

  it('does not refetch the overview for a period that ended', async () => {
    const event = deferred<Answer>();
    const { view, gateway } = await render('/analytics?period=custom&from=2024-12-01&to=2024-12-31', { AnalyticsCountersLive: () => event.promise });
    event.resolve({ data: { analyticsCounters: counters({ questions: 99, updatedAt: '2025-01-15T14:35:00.000Z' }) } });
    await flushPromises();
    expect(tile(panel(view, 'Today'), 'today-questions').text()).toContain('99');
    expect(gateway.named('AnalyticsOverviewFigures')).toHaveLength(1);
  });

  it('says when live updates stopped, and tries again on request', async () => {
    let calls = 0;
    const { view, gateway } = await render('/analytics?period=7d', {
      AnalyticsCountersLive: () =>
        ++calls === 1
          ? graphqlErrors({ message: 'You may not follow these counters.', extensions: { code: 'FORBIDDEN' } })
          : new Promise<Answer>(() => undefined),
    });
    const today = panel(view, 'Today');
    expect(today.find('.live-badge__label').text()).toBe('Not live');
    expect(today.find('[role="alert"]').text()).toContain('Live updates stopped: You may not follow these counters.');
    await today
      .findAll('button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click');
    await flushPromises();
    expect(gateway.named('AnalyticsCountersLive')).toHaveLength(2);
    expect(today.find('.live-badge__label').text()).toBe('Live');
    expect(today.find('[role="alert"]').exists()).toBe(false);
  });

  it('explains a period in the URL it cannot use, and shows the default', async () => {
    const { view, gateway } = await render('/analytics?period=custom&from=2025-13-01&to=2025-01-02');
    expect(view.text()).toContain('The dates in the address could not be used');
    expect(gateway.named('AnalyticsOverviewFigures')[0]!.variables).toEqual({ period: { from: '2025-01-09T00:00:00.000Z', to: '2025-01-16T00:00:00.000Z' } });
  });
});
