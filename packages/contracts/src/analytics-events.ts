import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Identity } from './identity.js';
import type { Logger } from '@scs/runtime/logger';

/**
 * Analytics events: what producers (chat, the crawl workflow, the gateway) tell the analytics
 * subgraph. A producer appends one entry to a Redis stream (one XADD, never awaited on a user's
 * path); the analytics subgraph reads the stream with a consumer group, writes batches to
 * PostgreSQL and acknowledges them only once committed, so nothing is lost when it restarts, and
 * stores each event once by its `eventId` however often it is delivered.
 *
 * A stream entry's fields: `id` (the event id), `type`, `org` (organization id), `at` (ISO time the
 * event occurred) and `data` (the JSON payload of the type below).
 */
export const ANALYTICS_STREAM_DEFAULT = 'scs:analytics:events';

/** Settings every producer and the analytics subgraph read. */
export const analyticsEnvSchema = z.object({
  /** The Redis stream of analytics events (producers and the analytics subgraph must agree). */
  ANALYTICS_STREAM: z.string().min(1).default(ANALYTICS_STREAM_DEFAULT),
  /** Safety cap on the stream (XADD MAXLEN ~) while no consumer runs; the analytics subgraph trims what it has stored. */
  ANALYTICS_STREAM_MAX_LENGTH: z.coerce.number().int().min(1000).default(500_000),
});
export type AnalyticsEnv = z.infer<typeof analyticsEnvSchema>;

/** A passage retrieval returned for a question (what could have answered it). */
export interface AnalyticsHit {
  url: string;
  pageUrl: string;
  sourceId: string;
  title: string | null;
  /** Cosine similarity to the question, 0..1. */
  relevance: number;
}

/** One question and how the bot answered it; sent when the answer ends (its event id is the answer's message id). */
export interface QuestionEventData {
  conversationId: string;
  /** The customer's message and the assistant's answer. */
  userMessageId: string;
  messageId: string;
  /** Role of the asker (customer, agent, …). */
  askerRole: string;
  question: string;
  /** The question rewritten to stand alone (what was retrieved and cached); the question itself when it was not rewritten. */
  standaloneQuestion: string;
  /** How the answer ended. */
  status: 'complete' | 'stopped' | 'failed';
  /** Complete and not the "I don't know" answer. */
  answered: boolean;
  handoffSuggested: boolean;
  confidence: number | null;
  fromCache: boolean;
  /** Passages retrieved (none for cached answers). */
  hits: AnalyticsHit[];
  /** Pages the answer cites. */
  citations: { pageUrl: string; sourceId: string }[];
  /** From the question being stored to the first piece of the answer, and to its end (ms). */
  timeToFirstTokenMs: number | null;
  totalMs: number;
  answerChars: number;
}

export interface FeedbackEventData {
  conversationId: string;
  messageId: string;
  rating: 'up' | 'down';
  hasComment: boolean;
}

export interface HandoffEventData {
  conversationId: string;
  /** Role of whoever handed the conversation to a person. */
  requestedByRole: string | null;
}

export interface CrawlRunEventData {
  sourceId: string;
  runId: string;
  status: string;
  startedAt: string;
  durationMs: number;
  discovered: number;
  fetched: number;
  indexed: number;
  skipped: number;
  failed: number;
  imagesIndexed: number;
  imagesFailed: number;
  failedByReason: Record<string, number>;
}

/** Requests of one API key in one hour, as counted by one gateway instance between two flushes. */
export interface ApiUsageEventData {
  apiKeyId: string;
  role: string;
  requests: number;
  rateLimited: number;
}

export interface AnalyticsEventTypes {
  question: QuestionEventData;
  feedback: FeedbackEventData;
  handoff: HandoffEventData;
  crawl_run: CrawlRunEventData;
  api_usage: ApiUsageEventData;
}
export type AnalyticsEventType = keyof AnalyticsEventTypes;
export const ANALYTICS_EVENT_TYPES: readonly AnalyticsEventType[] = ['question', 'feedback', 'handoff', 'crawl_run', 'api_usage'];

export type AnalyticsEvent = {
  [T in AnalyticsEventType]: {
    type: T;
    /** Unique per event; the same event sent twice (a retried activity) keeps its id and is stored once. */
    eventId: string;
    orgId: string;
    occurredAt: Date;
    data: AnalyticsEventTypes[T];
  };
}[AnalyticsEventType];

/** The fields of the stream entry for an event (flattened `[name, value, …]` as XADD takes them). */
export function analyticsStreamFields(event: AnalyticsEvent): string[] {
  return ['id', event.eventId, 'type', event.type, 'org', event.orgId, 'at', event.occurredAt.toISOString(), 'data', JSON.stringify(event.data)];
}

export interface AnalyticsProducerOptions {
  stream: string;
  maxLength: number;
  logger: Pick<Logger, 'warn'>;
}

/** Producer options from a service's validated configuration. */
export function analyticsProducerOptions(config: AnalyticsEnv, logger: Pick<Logger, 'warn'>): AnalyticsProducerOptions {
  return { stream: config.ANALYTICS_STREAM, maxLength: config.ANALYTICS_STREAM_MAX_LENGTH, logger };
}

/** Appends analytics events to the stream. */
export class AnalyticsProducer {
  constructor(
    private readonly redis: Redis,
    private readonly options: AnalyticsProducerOptions,
  ) {}

  /** Appends events and waits for Redis; throws when any could not be appended. */
  async send(events: readonly AnalyticsEvent[]): Promise<void> {
    const failed = await this.trySend(events);
    if (failed.length > 0) throw failed[0]!.error;
  }

  /** Appends events; returns those Redis did not take (with why), to be sent again with the same ids. */
  async trySend(events: readonly AnalyticsEvent[]): Promise<{ event: AnalyticsEvent; error: unknown }[]> {
    if (events.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const event of events) pipeline.xadd(this.options.stream, 'MAXLEN', '~', this.options.maxLength, '*', ...analyticsStreamFields(event));
    let results: [Error | null, unknown][];
    try {
      results = (await pipeline.exec()) ?? [];
    } catch (error) {
      return events.map((event) => ({ event, error }));
    }
    return events.flatMap((event, i) => {
      const error = results[i]?.[0] ?? (results[i] ? null : new Error('no reply from Redis'));
      return error ? [{ event, error }] : [];
    });
  }

  /** Fire and forget: never throws, never makes the caller wait; a failure is logged as a warning. */
  record<T extends AnalyticsEventType>(type: T, orgId: string, data: AnalyticsEventTypes[T], options: { eventId?: string; occurredAt?: Date } = {}): void {
    const event = { type, orgId, data, eventId: options.eventId ?? randomUUID(), occurredAt: options.occurredAt ?? new Date() } as AnalyticsEvent;
    this.send([event]).catch((error: unknown) =>
      this.options.logger.warn({ err: error, analyticsEvent: type, eventId: event.eventId }, 'could not record an analytics event'),
    );
  }
}

/**
 * Counts requests per API key and hour in memory and sends them as `api_usage` events every
 * `flushMs` (and on `stop`), so a request costs a map update, not a Redis round trip. Events a
 * flush could not send are sent again with the same ids (stored once even if Redis did take them).
 */
export class ApiUsageMeter {
  private counts = new Map<string, { orgId: string; hour: number; data: ApiUsageEventData }>();
  private retry: AnalyticsEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly producer: AnalyticsProducer,
    private readonly flushMs: number,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  /** Counts one request of `identity` (API keys only; people are not metered here). */
  count(identity: Identity, outcome: 'served' | 'rate_limited'): void {
    if (identity.kind !== 'apiKey') return;
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const key = `${identity.orgId}|${identity.apiKeyId}|${hour}`;
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { orgId: identity.orgId, hour, data: { apiKeyId: identity.apiKeyId, role: identity.role, requests: 0, rateLimited: 0 } };
      this.counts.set(key, entry);
    }
    if (outcome === 'served') entry.data.requests += 1;
    else entry.data.rateLimited += 1;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  /** Sends what was counted since the last flush (one flush at a time). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    const events: AnalyticsEvent[] = [
      ...this.retry,
      ...[...this.counts.values()].map((e): AnalyticsEvent => ({
        type: 'api_usage',
        eventId: randomUUID(),
        orgId: e.orgId,
        occurredAt: new Date(e.hour),
        data: e.data,
      })),
    ];
    this.counts = new Map();
    this.retry = [];
    if (events.length === 0) return;
    this.flushing = (async () => {
      const failed = await this.producer.trySend(events);
      if (failed.length > 0) {
        this.logger.warn({ err: failed[0]!.error, events: failed.length }, 'could not send API usage; trying again at the next flush');
        this.retry.push(...failed.map((f) => f.event));
      }
    })().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Stops the timer and sends what is counted. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
