import type { VolumeInterval } from '../../gql/graphql';

/** Numbers, percentages, durations and dates as the dashboard shows them (the browser's locale). */

const countFormat = new Intl.NumberFormat();
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const bucketFormats: Record<VolumeInterval, Intl.DateTimeFormat> = {
  HOUR: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
  DAY: new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }),
  WEEK: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

export const NONE = '—';

export function formatCount(value: number | null | undefined): string {
  return value == null || Number.isNaN(value) ? NONE : countFormat.format(value);
}

/** A 0..1 ratio as a percentage ("87.5%"); a dash without one. */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio == null || Number.isNaN(ratio) ? NONE : percentFormat.format(ratio);
}

/** "850 ms", "1.2 s", "2 min 5 s", "1 h 4 min"; a dash without a value. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || Number.isNaN(ms)) return NONE;
  if (ms < 1000) return `${countFormat.format(Math.round(ms))} ms`;
  if (ms < 60_000) return `${decimalFormat.format(Math.round(ms / 100) / 10)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) {
    const rest = seconds % 60;
    return rest ? `${Math.floor(seconds / 60)} min ${rest} s` : `${seconds / 60} min`;
  }
  const minutes = Math.round(seconds / 60);
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
}

/** A moment in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NONE;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
}

/** A day in the browser's time zone (narrow columns; the full moment in a title). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NONE;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
}

/** The start of a volume bucket, in UTC like the buckets themselves: "2 Jan, 14:00", "Thu, 2 Jan", "30 Dec 2024". */
export function formatBucket(iso: string, interval: VolumeInterval): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const text = bucketFormats[interval].format(time);
  return interval === 'WEEK' ? `Week of ${text}` : text;
}

export const intervalWords: Record<VolumeInterval, { per: string; unit: string }> = {
  HOUR: { per: 'per hour', unit: 'Hour (UTC)' },
  DAY: { per: 'per day', unit: 'Day (UTC)' },
  WEEK: { per: 'per week', unit: 'Week (UTC)' },
};

/** "1 question", "3 questions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "out_of_scope" → "out of scope". */
export const reasonWords = (reason: string) => reason.replace(/_/g, ' ');
