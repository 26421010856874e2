import { flushPromises, mount } from '@vue/test-utils';
import { Chart } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ChartCanvas from '../src/screens/analytics/ChartCanvas.vue';

/** A 2D context that accepts every call: enough for chart.js to lay out and "draw" in happy-dom. */
function stubContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = { canvas };
  return new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'measureText') return (text: string) => ({ width: String(text).length * 6, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 });
      if (key === 'createLinearGradient' || key === 'createRadialGradient' || key === 'createPattern') return () => ({ addColorStop: () => undefined });
      if (key === 'getLineDash') return () => [];
      if (key === 'getImageData') return () => ({ data: new Uint8ClampedArray(4) });
      return () => undefined;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-theme');
});

describe('ChartCanvas with the real chart.js', () => {
  it('registers what a bar chart with a line over it needs, and builds, updates and destroys it without errors', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      return stubContext(this) as never;
    });
    const errors = vi.spyOn(console, 'error');
    // Reduced motion: no animations, so updates land at once.
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) =>
        ({ matches: query.includes('reduce'), media: query, addEventListener: () => undefined, removeEventListener: () => undefined }) as never,
    );
    document.documentElement.style.setProperty('--ok', '#1d7a43');
    const view = mount(ChartCanvas, {
      attachTo: document.body,
      props: {
        kind: 'bar',
        stacked: true,
        labels: ['Mon', 'Tue'],
        series: [
          { label: 'Answered', data: [2, 4], colour: 'ok' },
          { label: 'Hand-offs', data: [1, null], colour: 'accent', line: true, dashed: true },
        ],
        label: 'Questions per day',
      },
    });
    await flushPromises();
    const chart = Chart.getChart(view.find('canvas').element);
    expect(chart).toBeDefined();
    expect(chart!.data.datasets.map((d) => d.type)).toEqual(['bar', 'line']);
    expect((chart!.getDatasetMeta(0).data[0]!.options as { backgroundColor: string }).backgroundColor).toBe('#1d7a43');

    // A theme switch re-colours the bars themselves (chart.js keeps options shared by bars across 'none' updates).
    document.documentElement.style.setProperty('--ok', '#6fd59a');
    document.documentElement.setAttribute('data-theme', 'dark');
    await flushPromises();
    expect(chart!.data.datasets[0]!.backgroundColor).toBe('#6fd59a');
    expect((chart!.getDatasetMeta(0).data[0]!.options as { backgroundColor: string }).backgroundColor).toBe('#6fd59a');
    await view.setProps({ kind: 'line', labels: ['Mon'], series: [{ label: 'Answer rate', data: [50], colour: 'accent' }], percent: true });
    await flushPromises();
    const line = Chart.getChart(view.find('canvas').element);
    expect((line!.config as { type: string }).type).toBe('line');
    view.unmount();
    expect(Chart.getChart(view.find('canvas').element)).toBeUndefined();
    expect(errors).not.toHaveBeenCalled();
  });
});
