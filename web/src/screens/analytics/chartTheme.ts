import { getCurrentScope, onScopeDispose } from 'vue';

/** The design tokens of styles.css a chart may use. */
export type ChartColour = 'accent' | 'ok' | 'bad' | 'muted' | 'border' | 'text';
export type ChartPalette = Record<ChartColour, string | undefined>;

const TOKENS: readonly ChartColour[] = ['accent', 'ok', 'bad', 'muted', 'border', 'text'];

/**
 * The current values of the colour tokens, read from the page's CSS (so light and dark themes, and
 * any later change of the tokens, apply to charts too). `undefined` where the page does not define
 * one: chart.js then uses its own default.
 */
export function readChartPalette(element: Element = document.documentElement): ChartPalette {
  const style = getComputedStyle(element);
  const palette = {} as ChartPalette;
  for (const token of TOKENS) palette[token] = style.getPropertyValue(`--${token}`).trim() || undefined;
  return palette;
}

/**
 * Calls `onChange` when the theme may have changed: the `<html>` element's `data-theme`, `class` or
 * `style` changed (a theme switcher), or the system's colour scheme did. Stops with the calling scope.
 */
export function onThemeChange(onChange: () => void): () => void {
  const offs: (() => void)[] = [];
  if (typeof MutationObserver === 'function') {
    const observer = new MutationObserver(() => onChange());
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    offs.push(() => observer.disconnect());
  }
  const scheme = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  if (scheme?.addEventListener) {
    const listener = () => onChange();
    scheme.addEventListener('change', listener);
    offs.push(() => scheme.removeEventListener('change', listener));
  }
  const stop = () => offs.splice(0).forEach((off) => off());
  if (getCurrentScope()) onScopeDispose(stop);
  return stop;
}

/** Whether the person asked for less motion (charts then draw without animation). */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
