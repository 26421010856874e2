import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartSeries } from '../src/screens/analytics/chartTypes';

/** A stand-in for chart.js: records what the wrapper asks of it (happy-dom has no canvas to draw on). */
const charts = vi.hoisted(() => {
  interface FakeChart {
    canvas: unknown;
    config: { type: string; data: { labels: string[]; datasets: Record<string, unknown>[] }; options: Record<string, unknown> };
    data: { labels: string[]; datasets: Record<string, unknown>[] };
    options: Record<string, unknown>;
    update: ReturnType<typeof import('vitest').vi.fn>;
    destroy: ReturnType<typeof import('vitest').vi.fn>;
  }
  return { instances: [] as FakeChart[], registered: [] as unknown[] };
});

vi.mock('chart.js', async () => {
  const { vi: mockVi } = await import('vitest');
  class Chart {
    static register(...items: unknown[]) {
      charts.registered.push(...items);
    }
    config: { type: string; data: { labels: string[]; datasets: Record<string, unknown>[] }; options: Record<string, unknown> };
    data: { labels: string[]; datasets: Record<string, unknown>[] };
    options: Record<string, unknown>;
    update = mockVi.fn();
    destroy = mockVi.fn();
    constructor(
      public canvas: unknown,
      config: { type: string; data: { labels: string[]; datasets: Record<string, unknown>[] }; options: Record<string, unknown> },
    ) {
      this.config = config;
      this.data = config.data;
      this.options = config.options;
      charts.instances.push(this as never);
    }
  }
  const part = (name: string) => ({ id: name });
  return {
    Chart,
    BarController: part('bar'),
    BarElement: part('barElement'),
    LineController: part('line'),
    LineElement: part('lineElement'),
    PointElement: part('point'),
    CategoryScale: part('category'),
    LinearScale: part('linear'),
    Legend: part('legend'),
    Tooltip: part('tooltip'),
  };
});

const { default: ChartCanvas } = await import('../src/screens/analytics/ChartCanvas.vue');
const { default: ChartFigure } = await import('../src/screens/analytics/ChartFigure.vue');

const root = document.documentElement;
let wrapper: VueWrapper | undefined;
beforeEach(() => {
  charts.instances.length = 0;
  // happy-dom has no 2D context; the wrapper only creates a chart where there is one.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never);
  root.style.setProperty('--accent', '#2f5bd3');
  root.style.setProperty('--ok', '#1d7a43');
  root.style.setProperty('--bad', '#b42323');
  root.style.setProperty('--muted', '#5a6372');
  root.style.setProperty('--border', '#d7dbe2');
  root.style.setProperty('--text', '#1b1f27');
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  root.removeAttribute('style');
  root.removeAttribute('data-theme');
  vi.restoreAllMocks();
});

const series: ChartSeries[] = [
  { label: 'Questions', data: [3, 5], colour: 'text', tableOnly: true },
  { label: 'Answered', data: [2, 4], colour: 'ok' },
  { label: 'Hand-offs', data: [1, 0], colour: 'accent', line: true, dashed: true },
];

describe('ChartCanvas', () => {
  it('creates a chart coloured from the CSS variables, updates it in place, re-colours on a theme change, destroys it', async () => {
    wrapper = mount(ChartCanvas, {
      props: { kind: 'bar', stacked: true, labels: ['Mon', 'Tue'], series, label: 'Questions per day: 8 in all.' },
      attachTo: document.body,
    });
    await flushPromises();

    expect(charts.registered.length).toBeGreaterThan(0);
    expect(charts.instances).toHaveLength(1);
    const chart = charts.instances[0]!;
    expect(chart.canvas).toBe(wrapper.find('canvas').element);
    expect(wrapper.find('canvas').attributes()).toMatchObject({ role: 'img', 'aria-label': 'Questions per day: 8 in all.' });
    expect(chart.config.type).toBe('bar');
    expect(chart.data.labels).toEqual(['Mon', 'Tue']);
    // Table-only series are not drawn; a line over bars is a line dataset.
    expect(chart.data.datasets.map((d) => [d.label, d.type, d.backgroundColor])).toEqual([
      ['Answered', 'bar', '#1d7a43'],
      ['Hand-offs', 'line', '#2f5bd3'],
    ]);
    const scales = chart.options.scales as { y: { grid: { color: string }; ticks: { color: string } } };
    expect(scales.y.grid.color).toBe('#d7dbe2');
    expect(scales.y.ticks.color).toBe('#5a6372');

    // New data: the same chart, updated.
    const firstDataset = chart.data.datasets[0];
    await wrapper.setProps({ labels: ['Mon', 'Tue', 'Wed'], series: [{ ...series[1]!, data: [2, 4, 6] }, series[2]!] });
    await flushPromises();
    expect(charts.instances).toHaveLength(1);
    expect(chart.update).toHaveBeenCalled();
    expect(chart.data.labels).toEqual(['Mon', 'Tue', 'Wed']);
    expect(chart.data.datasets[0]).toBe(firstDataset);
    expect(chart.data.datasets[0]!.data).toEqual([2, 4, 6]);

    // The theme switches (dark tokens): colours are read again.
    chart.update.mockClear();
    root.style.setProperty('--ok', '#6fd59a');
    root.style.setProperty('--border', '#333a47');
    root.setAttribute('data-theme', 'dark');
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(chart.update).toHaveBeenCalled();
    expect(chart.data.datasets[0]!.backgroundColor).toBe('#6fd59a');
    expect((chart.options.scales as { y: { grid: { color: string } } }).y.grid.color).toBe('#333a47');

    wrapper.unmount();
    wrapper = undefined;
    expect(chart.destroy).toHaveBeenCalledTimes(1);
  });

  it('draws nothing without a 2D context (the table carries the data)', async () => {
    vi.mocked(HTMLCanvasElement.prototype.getContext).mockReturnValue(null);
    wrapper = mount(ChartCanvas, { props: { kind: 'line', labels: ['Mon'], series, label: 'Answer rate' } });
    await flushPromises();
    expect(charts.instances).toHaveLength(0);
  });
});

describe('ChartFigure', () => {
  it('offers the chart’s data as a table, formatted per series', async () => {
    wrapper = mount(ChartFigure, {
      props: {
        title: 'Answer rate per day',
        summary: 'Answer rate per day: 80% over the period.',
        kind: 'line',
        percent: true,
        labels: ['Mon', 'Tue'],
        series: [{ label: 'Answer rate', data: [80, null], colour: 'accent', format: (v: number | null) => (v == null ? 'No questions' : `${v} %`) }],
        rowHeader: 'Day (UTC)',
      },
    });
    await flushPromises();
    expect(wrapper.find('figcaption').text()).toBe('Answer rate per day');
    expect(wrapper.find('canvas').attributes('aria-label')).toBe('Answer rate per day: 80% over the period.');
    expect(wrapper.find('details summary').text()).toContain('Show as table');
    const rows = wrapper.findAll('tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(rows).toEqual([
      ['Mon', '80 %'],
      ['Tue', 'No questions'],
    ]);
    expect(wrapper.find('[role="region"]').attributes('tabindex')).toBe('0');
  });
});
