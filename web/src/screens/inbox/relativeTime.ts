import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const formatter = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday": how long ago `iso` was at `now` (ms). Empty for an unreadable time. */
export function relativeTime(iso: string | null | undefined, now: number): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((at - now) / 1000);
  // Clocks differ a little between the browser and the server: a few seconds ahead is "just now" too.
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatter.format(Math.round(seconds / size), unit);
  }
  return formatter.format(Math.sign(seconds), 'minute');
}

/** The date and time in full, for a `title` next to a relative time. */
export function absoluteTime(iso: string | null | undefined): string {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toLocaleString() : '';
}

/** The current time in ms, renewed every `intervalMs`, so relative times stay true while the screen is open. */
export function useNow(intervalMs = 30_000): Ref<number> {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), intervalMs);
  if (getCurrentScope()) onScopeDispose(() => clearInterval(timer));
  return now;
}
