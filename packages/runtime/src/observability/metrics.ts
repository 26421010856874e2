import type { ServerResponse } from 'node:http';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/**
 * The process's one Prometheus registry. Every series carries a `service` label (set by
 * `initMetrics`, applied when scraped, so metrics defined before it get it too), and the
 * default Node.js metrics (CPU, memory, event-loop lag, GC) are collected once per process.
 */
export const metricsRegistry = new Registry();

let metricsService: string | undefined;

/** Names the service on every series and starts the default Node.js metrics; later calls do nothing. */
export function initMetrics(service: string): void {
  if (metricsService) return;
  metricsService = service;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}

/** Latency buckets in seconds, for requests and queries (5 ms … 30 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Buckets for work measured in minutes rather than milliseconds (activities, generations). */
export const LONG_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

// Get-or-create: a module loaded twice (tests, two entry points) must not register a series twice.
export function counter<L extends string = string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
  return (metricsRegistry.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter<L>({ ...config, registers: [metricsRegistry] });
}

export function gauge<L extends string = string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
  return (metricsRegistry.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge<L>({ ...config, registers: [metricsRegistry] });
}

export function histogram<L extends string = string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
  return (
    (metricsRegistry.getSingleMetric(config.name) as Histogram<L> | undefined) ??
    new Histogram<L>({ buckets: LATENCY_BUCKETS, ...config, registers: [metricsRegistry] })
  );
}

/**
 * Keeps a label drawn from requests (operation names, error codes, activity types) bounded:
 * values that are not plain identifiers become `invalid`, and past `limit` distinct values per
 * label every new one is counted as `other`, so a client cannot grow the series without end.
 */
export function boundedLabel(limit = 200, pattern = /^[A-Za-z_][A-Za-z0-9_.:-]{0,79}$/): (value: string | null | undefined, fallback?: string) => string {
  const seen = new Set<string>();
  return (value, fallback = 'unknown') => {
    if (value === null || value === undefined || value === '') return fallback;
    if (!pattern.test(value)) return 'invalid';
    if (seen.has(value)) return value;
    if (seen.size >= limit) return 'other';
    seen.add(value);
    return value;
  };
}

/** The registry in Prometheus's text format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** Answers a scrape on a plain node:http response (`/metrics`). */
export async function sendMetrics(res: ServerResponse): Promise<void> {
  try {
    const { contentType, body } = await metricsText();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(`# metrics collection failed: ${(error as Error).message}\n`);
  }
}

/**
 * Times an async call into a histogram: the labels plus `outcome` (`ok` or `error`).
 * The histogram must have `outcome` among its label names.
 */
export async function observeDuration<T, L extends string>(metric: Histogram<L>, labels: Partial<Record<L, string>>, fn: () => Promise<T>): Promise<T> {
  const end = metric.startTimer(labels as Partial<Record<L, string | number>>);
  try {
    const result = await fn();
    end({ outcome: 'ok' } as Partial<Record<L, string>>);
    return result;
  } catch (error) {
    end({ outcome: 'error' } as Partial<Record<L, string>>);
    throw error;
  }
}
