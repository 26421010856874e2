import { computed, getCurrentScope, onScopeDispose, ref } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { AnalyticsPeriod, VolumeInterval } from '../../gql/graphql';

/**
 * The dashboard's period and source, kept in the URL query so a view can be shared and survives a
 * reload:
 *
 *   /analytics?period=24h|7d|30d|90d
 *   /analytics?period=custom&from=2025-01-01&to=2025-01-31   (UTC days, both included)
 *   …&source=<source id>                                      (absent: all sources)
 *
 * and how a choice becomes the API's `AnalyticsPeriod` (`from` included, `to` excluded) and the
 * `VolumeInterval` of the charts. The server counts days in UTC (buckets, today's counters), so
 * the periods are whole UTC hours and days: they stay the same between two boundaries, which keeps
 * the queries' variables (and Apollo's cache) stable while the page is open.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** The API refuses periods longer than this. */
export const MAX_PERIOD_DAYS = 400;

export type PeriodPreset = '24h' | '7d' | '30d' | '90d';
export type PeriodChoice = PeriodPreset | 'custom';

export const DEFAULT_PRESET: PeriodPreset = '7d';

export const PERIOD_OPTIONS: readonly { value: PeriodChoice; label: string }[] = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom dates' },
];

/** "the last 7 days", for sentences about the default. */
const DEFAULT_WORDS = `the ${PERIOD_OPTIONS.find((option) => option.value === DEFAULT_PRESET)!.label.toLowerCase()}`;

const PRESET_DAYS: Record<Exclude<PeriodPreset, '24h'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** What the URL says: a preset, or custom dates (`YYYY-MM-DD`, UTC, both included). */
export type PeriodSelection = { choice: PeriodPreset } | { choice: 'custom'; from: string; to: string };

export interface AnalyticsView {
  selection: PeriodSelection;
  sourceId: string | null;
  /** Why the URL's period was not used (the default is shown instead); null when it was fine. */
  problem: string | null;
}

/** A selection turned into what the API and the screen need. */
export interface ResolvedPeriod {
  choice: PeriodChoice;
  /** The API's period: `from` included, `to` excluded. */
  input: AnalyticsPeriod;
  interval: VolumeInterval;
  /** "Last 7 days", "1 Jan 2025 – 31 Jan 2025". */
  label: string;
  /** The dates it covers, for people: "1 Jan 2025 – 7 Jan 2025 (UTC)". */
  rangeText: string;
  /** First and last UTC day it covers (`YYYY-MM-DD`), e.g. to fill the custom dates form. */
  firstDay: string;
  lastDay: string;
}

/** The variables of every query scoped to a period and (optionally) a source. */
export interface PeriodVariables {
  period: AnalyticsPeriod;
  sourceId?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of a `YYYY-MM-DD` UTC day's start; null when it is not a real date. */
export function parseDay(value: string): number | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  // Date.UTC rolls 2025-02-31 over to March: reject what does not come back the same.
  return new Date(time).toISOString().slice(0, 10) === value ? time : null;
}

/** `YYYY-MM-DD` of the UTC day a time falls in. */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Why custom dates cannot be used, in words; null when they can. */
export function customDatesProblem(from: string, to: string): string | null {
  if (!from || !to) return 'Choose both a first and a last day.';
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === null) return 'The first day is not a valid date (YYYY-MM-DD).';
  if (end === null) return 'The last day is not a valid date (YYYY-MM-DD).';
  if (end < start) return 'The last day must be on or after the first day.';
  if ((end - start) / DAY_MS + 1 > MAX_PERIOD_DAYS) return `A period spans at most ${MAX_PERIOD_DAYS} days.`;
  return null;
}

const one = (value: LocationQuery[string] | undefined): string | null => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
};

/** The period and source a URL query asks for. Anything unusable falls back to the default period, with a reason. */
export function parseAnalyticsQuery(query: LocationQuery): AnalyticsView {
  const sourceId = one(query.source);
  const period = one(query.period);
  const fallback = (problem: string | null): AnalyticsView => ({ selection: { choice: DEFAULT_PRESET }, sourceId, problem });
  if (period === null) return fallback(null);
  if (period === '24h' || period === '7d' || period === '30d' || period === '90d') return { selection: { choice: period }, sourceId, problem: null };
  if (period === 'custom') {
    const from = one(query.from) ?? '';
    const to = one(query.to) ?? '';
    const problem = customDatesProblem(from, to);
    if (problem) return fallback(`The dates in the address could not be used (${problem.replace(/\.$/, '')}), so ${DEFAULT_WORDS} are shown.`);
    return { selection: { choice: 'custom', from, to }, sourceId, problem: null };
  }
  return fallback(`The address asks for an unknown period (“${period}”), so ${DEFAULT_WORDS} are shown.`);
}

/** The URL query for a view; other parameters of `current` are kept. Default values are still written, so links say what they show. */
export function analyticsQuery(view: { selection: PeriodSelection; sourceId: string | null }, current: LocationQuery = {}): LocationQueryRaw {
  const { period: _p, from: _f, to: _t, source: _s, ...rest } = current;
  const query: LocationQueryRaw = { ...rest, period: view.selection.choice };
  if (view.selection.choice === 'custom') {
    query.from = view.selection.from;
    query.to = view.selection.to;
  }
  if (view.sourceId) query.source = view.sourceId;
  return query;
}

const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const hourFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** Buckets of a period: hours up to 2 days, days up to 92, weeks beyond (the API allows 2000 buckets). */
export function intervalFor(fromMs: number, toMs: number): VolumeInterval {
  const days = (toMs - fromMs) / DAY_MS;
  if (days <= 2) return 'HOUR';
  if (days <= 92) return 'DAY';
  return 'WEEK';
}

/**
 * The API period of a selection at time `now`. Presets end with the current UTC hour (24 hours)
 * or day (7, 30, 90 days), so today's questions are included and the buckets are whole.
 */
export function resolvePeriod(selection: PeriodSelection, now: number): ResolvedPeriod {
  let from: number;
  let to: number;
  let interval: VolumeInterval;
  let label: string;
  if (selection.choice === 'custom') {
    from = parseDay(selection.from) ?? Math.floor(now / DAY_MS) * DAY_MS;
    to = (parseDay(selection.to) ?? from) + DAY_MS;
    interval = intervalFor(from, to);
    label = from + DAY_MS === to ? rangeFormat.format(from) : `${rangeFormat.format(from)} – ${rangeFormat.format(to - DAY_MS)}`;
  } else if (selection.choice === '24h') {
    to = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS;
    from = to - 24 * HOUR_MS;
    interval = 'HOUR';
    label = 'Last 24 hours';
  } else {
    to = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
    from = to - PRESET_DAYS[selection.choice] * DAY_MS;
    interval = 'DAY';
    label = PERIOD_OPTIONS.find((option) => option.value === selection.choice)!.label;
  }
  const rangeText =
    interval === 'HOUR' && selection.choice === '24h'
      ? `${hourFormat.format(from)} – ${hourFormat.format(to)} (UTC)`
      : `${rangeFormat.format(from)} – ${rangeFormat.format(to - DAY_MS)} (UTC)`;
  return {
    choice: selection.choice,
    input: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    interval,
    label,
    rangeText,
    firstDay: dayOf(from),
    lastDay: dayOf(to - 1),
  };
}

/** Whether a period contains the instant `now` (then live counters can change its figures). */
export function periodIncludesNow(period: AnalyticsPeriod, now: number): boolean {
  return Date.parse(period.from) <= now && now < Date.parse(period.to);
}

/** Lower-case words and digits joined by dashes, for file names. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** "analytics-questions-last-7-days-2025-01-01-to-2025-01-07.csv" (the source's name added when one is chosen). */
export function csvFileName(report: string, period: ResolvedPeriod, sourceName?: string | null): string {
  const parts = ['analytics', slug(report)];
  if (sourceName) parts.push(slug(sourceName));
  if (period.choice !== 'custom') parts.push(slug(period.label));
  parts.push(period.firstDay === period.lastDay ? period.firstDay : `${period.firstDay}-to-${period.lastDay}`);
  return `${parts.filter(Boolean).join('-')}.csv`;
}

export interface UseAnalyticsPeriodOptions {
  /** The clock (tests pass a fixed one). */
  now?: () => number;
  /** How often the clock is read again, so rolling periods move on; 0 turns that off. */
  tickMs?: number;
}

/** The view in the URL, resolved, and the actions that change it (each replaces the URL query). */
export function useAnalyticsPeriod(options: UseAnalyticsPeriodOptions = {}) {
  const clock = options.now ?? Date.now;
  const route = useRoute();
  const router = useRouter();

  const now = ref(clock());
  const tickMs = options.tickMs ?? 60_000;
  if (tickMs > 0) {
    const timer = setInterval(() => (now.value = clock()), tickMs);
    if (getCurrentScope()) onScopeDispose(() => clearInterval(timer));
  }
  /** The current hour: periods only change when it does. */
  const hour = computed(() => Math.floor(now.value / HOUR_MS));

  const view = computed(() => parseAnalyticsQuery(route.query));
  const selection = computed(() => view.value.selection);
  const sourceId = computed(() => view.value.sourceId);
  const problem = computed(() => view.value.problem);
  const period = computed(() => resolvePeriod(selection.value, hour.value * HOUR_MS));
  const includesNow = computed(() => periodIncludesNow(period.value.input, now.value));

  /** The variables every period-and-source query takes (`sourceId` left out for all sources). */
  const variables = computed<PeriodVariables>(() => ({
    period: period.value.input,
    ...(sourceId.value ? { sourceId: sourceId.value } : {}),
  }));

  function go(next: { selection?: PeriodSelection; sourceId?: string | null }) {
    const target = { selection: next.selection ?? selection.value, sourceId: next.sourceId === undefined ? sourceId.value : next.sourceId };
    return router.replace({ query: analyticsQuery(target, route.query) });
  }

  return {
    selection,
    sourceId,
    problem,
    period,
    includesNow,
    variables,
    choosePreset: (choice: PeriodPreset) => go({ selection: { choice } }),
    /** Applies custom dates; returns the problem instead when they cannot be used. */
    chooseCustom: async (from: string, to: string): Promise<string | null> => {
      const reason = customDatesProblem(from, to);
      if (reason) return reason;
      await go({ selection: { choice: 'custom', from, to } });
      return null;
    },
    chooseSource: (id: string | null) => go({ sourceId: id }),
    /** Reads the clock again (e.g. before a refresh). */
    tick: () => (now.value = clock()),
  };
}
