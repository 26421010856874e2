import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { formatCount, formatDuration, formatPercent } from '../src/screens/analytics/analyticsFormat';
import { createThrottle, newerCounters, type LiveCounters } from '../src/screens/analytics/useAnalyticsLive';
import {
  analyticsQuery,
  csvFileName,
  customDatesProblem,
  intervalFor,
  parseAnalyticsQuery,
  periodIncludesNow,
  resolvePeriod,
  useAnalyticsPeriod,
} from '../src/screens/analytics/useAnalyticsPeriod';
import { answerRateSeries, answerRateSummary, volumeSummary } from '../src/screens/analytics/volumeCharts';

// Wednesday 15 January 2025, 14:35:20 UTC.
const NOW = Date.UTC(2025, 0, 15, 14, 35, 20);

describe('period ↔ URL query ↔ API input', () => {
  it('reads presets, custom dates and the source from the query; falls back to 7 days with a reason', () => {
    expect(parseAnalyticsQuery({})).toEqual({ selection: { choice: '7d' }, sourceId: null, problem: null });
    expect(parseAnalyticsQuery({ period: '24h', source: 's1' })).toEqual({ selection: { choice: '24h' }, sourceId: 's1', problem: null });
    expect(parseAnalyticsQuery({ period: 'custom', from: '2025-01-01', to: '2025-01-31' }).selection).toEqual({
      choice: 'custom',
      from: '2025-01-01',
      to: '2025-01-31',
    });

    const bad = parseAnalyticsQuery({ period: 'custom', from: '2025-02-30', to: '2025-03-01' });
    expect(bad.selection).toEqual({ choice: '7d' });
    expect(bad.problem).toContain('first day is not a valid date');
    expect(parseAnalyticsQuery({ period: 'forever' }).problem).toContain('unknown period (“forever”)');
    expect(parseAnalyticsQuery({ period: 'custom', from: '2025-02-01', to: '2025-01-01' }).problem).toContain('on or after the first day');
  });

  it('writes the view to the query, keeping other parameters and dropping stale dates', () => {
    expect(analyticsQuery({ selection: { choice: '30d' }, sourceId: null }, { period: 'custom', from: '2025-01-01', to: '2025-01-02', tab: 'x' })).toEqual({
      period: '30d',
      tab: 'x',
    });
    expect(analyticsQuery({ selection: { choice: 'custom', from: '2025-01-01', to: '2025-01-31' }, sourceId: 's9' })).toEqual({
      period: 'custom',
      from: '2025-01-01',
      to: '2025-01-31',
      source: 's9',
    });
  });

  it('turns presets into whole UTC hours and days that include now', () => {
    const day = resolvePeriod({ choice: '24h' }, NOW);
    expect(day.input).toEqual({ from: '2025-01-14T15:00:00.000Z', to: '2025-01-15T15:00:00.000Z' });
    expect(day.interval).toBe('HOUR');
    expect(periodIncludesNow(day.input, NOW)).toBe(true);

    const week = resolvePeriod({ choice: '7d' }, NOW);
    expect(week.input).toEqual({ from: '2025-01-09T00:00:00.000Z', to: '2025-01-16T00:00:00.000Z' });
    expect(week.interval).toBe('DAY');
    expect([week.firstDay, week.lastDay]).toEqual(['2025-01-09', '2025-01-15']);

    expect(resolvePeriod({ choice: '30d' }, NOW).input.from).toBe('2024-12-17T00:00:00.000Z');
    const quarter = resolvePeriod({ choice: '90d' }, NOW);
    expect(quarter.input.from).toBe('2024-10-18T00:00:00.000Z');
    expect(quarter.interval).toBe('DAY');
    // The same all hour long, so the queries' variables stay stable.
    expect(resolvePeriod({ choice: '7d' }, NOW + 20 * 60_000).input).toEqual(week.input);
  });

  it('turns custom dates into UTC days, the last one included, with an interval that fits', () => {
    const january = resolvePeriod({ choice: 'custom', from: '2025-01-01', to: '2025-01-31' }, NOW);
    expect(january.input).toEqual({ from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' });
    expect(january.interval).toBe('DAY');
    expect(periodIncludesNow(january.input, NOW)).toBe(true);
    expect(periodIncludesNow(resolvePeriod({ choice: 'custom', from: '2024-12-01', to: '2024-12-31' }, NOW).input, NOW)).toBe(false);
    expect(resolvePeriod({ choice: 'custom', from: '2025-01-10', to: '2025-01-10' }, NOW).interval).toBe('HOUR');
    expect(resolvePeriod({ choice: 'custom', from: '2024-01-01', to: '2024-12-31' }, NOW).interval).toBe('WEEK');
    expect(intervalFor(0, 92 * 86_400_000)).toBe('DAY');
  });

  it('says why custom dates cannot be used', () => {
    expect(customDatesProblem('', '2025-01-01')).toBe('Choose both a first and a last day.');
    expect(customDatesProblem('2025-01-05', '2025-01-01')).toBe('The last day must be on or after the first day.');
    expect(customDatesProblem('2024-01-01', '2025-03-01')).toBe('A period spans at most 400 days.');
    expect(customDatesProblem('2025-01-01', '2025-01-01')).toBeNull();
  });

  it('names CSV files after the report, the source and the period', () => {
    expect(csvFileName('QUESTIONS', resolvePeriod({ choice: '7d' }, NOW))).toBe('analytics-questions-last-7-days-2025-01-09-to-2025-01-15.csv');
    expect(csvFileName('DAILY VOLUME', resolvePeriod({ choice: 'custom', from: '2025-01-03', to: '2025-01-03' }, NOW), 'Help Centre (EN)')).toBe(
      'analytics-daily-volume-help-centre-en-2025-01-03.csv',
    );
  });
});

describe('useAnalyticsPeriod', () => {
  let router: Router;

  async function setup(path: string) {
    router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/analytics', component: { template: '<div/>' } }] });
    await router.push(path);
    const scope = effectScope();
    // useRoute/useRouter read the injected router: run inside a tiny app context.
    const app = createApp({ render: () => null });
    app.use(router);
    const view = app.runWithContext(() => scope.run(() => useAnalyticsPeriod({ now: () => NOW, tickMs: 0 }))!);
    return { view, scope };
  }

  it('maps the URL to query variables and choices back to the URL', async () => {
    const { view, scope } = await setup('/analytics?period=24h&source=s1');
    expect(view.variables.value).toEqual({ period: { from: '2025-01-14T15:00:00.000Z', to: '2025-01-15T15:00:00.000Z' }, sourceId: 's1' });
    expect(view.includesNow.value).toBe(true);

    await view.choosePreset('30d');
    expect(router.currentRoute.value.query).toEqual({ period: '30d', source: 's1' });
    expect(view.variables.value).toEqual({ period: { from: '2024-12-17T00:00:00.000Z', to: '2025-01-16T00:00:00.000Z' }, sourceId: 's1' });

    await view.chooseSource(null);
    expect(router.currentRoute.value.query).toEqual({ period: '30d' });
    expect(view.variables.value).not.toHaveProperty('sourceId');

    expect(await view.chooseCustom('2025-01-09', '2025-01-01')).toBe('The last day must be on or after the first day.');
    expect(router.currentRoute.value.query).toEqual({ period: '30d' });
    expect(await view.chooseCustom('2024-12-01', '2024-12-31')).toBeNull();
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/analytics?period=custom&from=2024-12-01&to=2024-12-31');
    expect(view.variables.value.period).toEqual({ from: '2024-12-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' });
    expect(view.includesNow.value).toBe(false);
    scope.stop();
  });
});

describe('live refresh throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('runs at once, then at most once per interval, never losing the last call', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const throttle = createThrottle(fn, 10_000);
    throttle.call();
    expect(fn).toHaveBeenCalledTimes(1);
    throttle.call();
    throttle.call();
    vi.advanceTimersByTime(9_999);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(30_000);
    expect(fn).toHaveBeenCalledTimes(2);
    throttle.call();
    expect(fn).toHaveBeenCalledTimes(3);
    throttle.call();
    throttle.cancel();
    vi.advanceTimersByTime(30_000);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('keeps the newest counters', () => {
    const at = (day: string, updatedAt: string): LiveCounters => ({
      __typename: 'AnalyticsCounters',
      day,
      updatedAt,
      questions: 0,
      answered: 0,
      unanswered: 0,
      handoffs: 0,
      thumbsUp: 0,
      thumbsDown: 0,
    });
    const current = at('2025-01-15T00:00:00Z', '2025-01-15T10:00:05Z');
    expect(newerCounters(null, current)).toBe(true);
    expect(newerCounters(current, at('2025-01-15T00:00:00Z', '2025-01-15T10:00:01Z'))).toBe(false);
    expect(newerCounters(current, at('2025-01-15T00:00:00Z', '2025-01-15T10:00:09Z'))).toBe(true);
    expect(newerCounters(current, at('2025-01-16T00:00:00Z', '2025-01-16T00:00:01Z'))).toBe(true);
  });
});

describe('formats', () => {
  it('formats counts, percentages and durations for people', () => {
    expect(formatCount(1234567)).toBe((1234567).toLocaleString());
    expect(formatPercent(0.8754)).toBe(new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(0.8754));
    expect(formatPercent(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1240)).toBe(`${(1.2).toLocaleString()} s`);
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_840_000)).toBe('1 h 4 min');
    expect(formatDuration(null)).toBe('—');
  });

  it('summarises the volume for the charts’ labels', () => {
    const buckets = [
      { __typename: 'VolumeBucket' as const, start: '2025-01-01T00:00:00Z', questions: 10, answered: 8, unanswered: 1, handoffs: 1 },
      { __typename: 'VolumeBucket' as const, start: '2025-01-02T00:00:00Z', questions: 0, answered: 0, unanswered: 0, handoffs: 0 },
      { __typename: 'VolumeBucket' as const, start: '2025-01-03T00:00:00Z', questions: 20, answered: 19, unanswered: 1, handoffs: 0 },
    ];
    const labels = ['1 Jan', '2 Jan', '3 Jan'];
    expect(volumeSummary(buckets, labels, 'per day', '1 Jan – 3 Jan (UTC)')).toBe(
      'Questions per day, 1 Jan – 3 Jan (UTC): 30 questions in all, 27 answered, 2 unanswered, 1 failed, 1 hand-off. Busiest: 3 Jan with 20 questions.',
    );
    expect(answerRateSeries(buckets).data).toEqual([80, null, 95]);
    expect(answerRateSummary(buckets, labels, 'per day')).toContain(`lowest ${formatPercent(0.8)} (1 Jan), highest ${formatPercent(0.95)} (3 Jan)`);
  });
});
