import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AnalyticsEvent, AnalyticsEventType } from '@scs/contracts/analytics-events';
import type { Logger } from '@scs/runtime/logger';
import type { Embedder } from '@scs/embedding/embedder';
import { monthOf, type EventTable, type Partitions } from './partitions.js';

type EventOf<T extends AnalyticsEventType> = Extract<AnalyticsEvent, { type: T }>;

interface TableSpec<T extends AnalyticsEventType> {
  table: EventTable;
  /** Column names and types, as `jsonb_to_recordset` reads the rows. */
  columns: [string, string][];
  row: (event: EventOf<T>, vector: number[] | null) => Record<string, unknown>;
}

const common: [string, string][] = [
  ['event_id', 'text'],
  ['org_id', 'uuid'],
  ['occurred_at', 'timestamptz'],
];
const base = (e: AnalyticsEvent) => ({ event_id: e.eventId, org_id: e.orgId, occurred_at: e.occurredAt.toISOString() });

const TABLES: { [T in AnalyticsEventType]: TableSpec<T> } = {
  question: {
    table: 'questions',
    columns: [
      ...common,
      ['conversation_id', 'uuid'],
      ['message_id', 'uuid'],
      ['user_message_id', 'uuid'],
      ['asker_role', 'text'],
      ['question', 'text'],
      ['standalone_question', 'text'],
      ['status', 'text'],
      ['answered', 'boolean'],
      ['handoff_suggested', 'boolean'],
      ['confidence', 'double precision'],
      ['top_relevance', 'double precision'],
      ['from_cache', 'boolean'],
      ['ttft_ms', 'integer'],
      ['total_ms', 'integer'],
      ['answer_chars', 'integer'],
      ['hits', 'jsonb'],
      ['citations', 'jsonb'],
      ['source_ids', 'uuid[]'],
      ['embedding', 'real[]'],
    ],
    row: (e, vector) => ({
      ...base(e),
      conversation_id: e.data.conversationId,
      message_id: e.data.messageId,
      user_message_id: e.data.userMessageId,
      asker_role: e.data.askerRole,
      question: e.data.question,
      standalone_question: e.data.standaloneQuestion,
      status: e.data.status,
      answered: e.data.answered,
      handoff_suggested: e.data.handoffSuggested,
      confidence: e.data.confidence,
      top_relevance: e.data.hits.length > 0 ? Math.max(...e.data.hits.map((h) => h.relevance)) : null,
      from_cache: e.data.fromCache,
      ttft_ms: e.data.timeToFirstTokenMs,
      total_ms: e.data.totalMs,
      answer_chars: e.data.answerChars,
      hits: e.data.hits,
      citations: e.data.citations,
      source_ids: [...new Set([...e.data.hits.map((h) => h.sourceId), ...e.data.citations.map((c) => c.sourceId)])],
      embedding: vector,
    }),
  },
  feedback: {
    table: 'feedback',
    columns: [...common, ['conversation_id', 'uuid'], ['message_id', 'uuid'], ['rating', 'text'], ['has_comment', 'boolean']],
    row: (e) => ({ ...base(e), conversation_id: e.data.conversationId, message_id: e.data.messageId, rating: e.data.rating, has_comment: e.data.hasComment }),
  },
  handoff: {
    table: 'handoffs',
    columns: [...common, ['conversation_id', 'uuid'], ['requested_by_role', 'text']],
    row: (e) => ({ ...base(e), conversation_id: e.data.conversationId, requested_by_role: e.data.requestedByRole }),
  },
  crawl_run: {
    table: 'crawl_runs',
    columns: [
      ...common,
      ['source_id', 'uuid'],
      ['run_id', 'text'],
      ['status', 'text'],
      ['started_at', 'timestamptz'],
      ['duration_ms', 'bigint'],
      ['discovered', 'integer'],
      ['fetched', 'integer'],
      ['indexed', 'integer'],
      ['skipped', 'integer'],
      ['failed', 'integer'],
      ['images_indexed', 'integer'],
      ['images_failed', 'integer'],
      ['failed_by_reason', 'jsonb'],
    ],
    row: (e) => ({
      ...base(e),
      source_id: e.data.sourceId,
      run_id: e.data.runId,
      status: e.data.status,
      started_at: e.data.startedAt,
      duration_ms: e.data.durationMs,
      discovered: e.data.discovered,
      fetched: e.data.fetched,
      indexed: e.data.indexed,
      skipped: e.data.skipped,
      failed: e.data.failed,
      images_indexed: e.data.imagesIndexed,
      images_failed: e.data.imagesFailed,
      failed_by_reason: e.data.failedByReason,
    }),
  },
  api_usage: {
    table: 'api_usage',
    columns: [...common, ['api_key_id', 'uuid'], ['role', 'text'], ['requests', 'integer'], ['rate_limited', 'integer']],
    row: (e) => ({ ...base(e), api_key_id: e.data.apiKeyId, role: e.data.role, requests: e.data.requests, rate_limited: e.data.rateLimited }),
  },
};

/** What one batch came to. */
export interface StoreResult {
  /** Events written now (not stored before). */
  inserted: number;
  /** Events already stored (delivered again). */
  duplicates: number;
  /** Events outside the retention window or too far in the future, not written. */
  outOfRange: number;
  /** Organizations with newly written events, and of which kinds. */
  organizations: Map<string, Set<AnalyticsEventType>>;
}

/** How far ahead of this machine's clock an event may claim to have happened. */
const MAX_FUTURE_MS = 7 * 86_400_000;

/**
 * Writes batches of events to their tables in one transaction (`insert … on conflict do nothing`
 * on the event id: redelivered events are stored once). Standalone questions are embedded first
 * (MiniLM, in process) for clustering; when the model cannot be used, questions are stored without
 * a vector and clustered by their text alone.
 */
export class EventStore {
  private lastEmbedWarning = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly partitions: Partitions,
    private readonly embedder: Pick<Embedder, 'embedTexts'> | null,
    private readonly logger: Logger,
  ) {}

  async store(batch: readonly AnalyticsEvent[]): Promise<StoreResult> {
    const result: StoreResult = { inserted: 0, duplicates: 0, outOfRange: 0, organizations: new Map() };
    const cutoff = this.partitions.cutoff().getTime();
    const latest = Date.now() + MAX_FUTURE_MS;
    const unique = new Map<string, AnalyticsEvent>();
    for (const event of batch) {
      const at = event.occurredAt.getTime();
      if (at < cutoff || at > latest) {
        result.outOfRange++;
        this.logger.warn(
          { eventId: event.eventId, type: event.type, occurredAt: event.occurredAt.toISOString() },
          'analytics event outside the retention window; not stored',
        );
        continue;
      }
      unique.set(`${event.type}:${event.eventId}`, event);
    }
    const events = [...unique.values()];
    result.duplicates += batch.length - result.outOfRange - events.length;
    if (events.length === 0) return result;

    const vectors = await this.embedQuestions(events.filter((e): e is EventOf<'question'> => e.type === 'question'));
    await this.partitions.ensure(events.map((e) => monthOf(e.occurredAt)));
    try {
      await this.orm.em.fork().transactional(async (em) => {
        for (const type of Object.keys(TABLES) as AnalyticsEventType[]) {
          const ofType = events.filter((e) => e.type === type);
          if (ofType.length === 0) continue;
          const orgs = await insert(em, TABLES[type] as TableSpec<AnalyticsEventType>, ofType, vectors);
          result.inserted += orgs.length;
          result.duplicates += ofType.length - orgs.length;
          for (const org of orgs) {
            const kinds = result.organizations.get(org) ?? new Set<AnalyticsEventType>();
            kinds.add(type);
            result.organizations.set(org, kinds);
          }
        }
      });
    } catch (error) {
      // A partition dropped or created by another instance since we looked: look again before the retry.
      if ((error as { code?: string }).code === '23514') await this.partitions.refresh().catch(() => undefined);
      throw error;
    }
    return result;
  }

  private async embedQuestions(questions: EventOf<'question'>[]): Promise<Map<string, number[]>> {
    const vectors = new Map<string, number[]>();
    if (!this.embedder || questions.length === 0) return vectors;
    try {
      const texts = questions.map((q) => q.data.standaloneQuestion);
      const { vectors: embedded } = await this.embedder.embedTexts({ texts });
      questions.forEach((q, i) =>
        vectors.set(
          q.eventId,
          embedded[i]!.map((v) => Math.round(v * 1e6) / 1e6),
        ),
      );
    } catch (error) {
      if (Date.now() - this.lastEmbedWarning > 60_000) {
        this.lastEmbedWarning = Date.now();
        this.logger.warn({ err: error }, 'could not embed questions; storing them without vectors (clustered by their text)');
      }
    }
    return vectors;
  }
}

/** Inserts the events of one table; returns the organization of each row actually written. */
async function insert(em: EntityManager, spec: TableSpec<AnalyticsEventType>, events: AnalyticsEvent[], vectors: Map<string, number[]>): Promise<string[]> {
  const rows = events.map((e) => spec.row(e as never, vectors.get(e.eventId) ?? null));
  const names = spec.columns.map(([name]) => `"${name}"`).join(', ');
  const record = spec.columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  const inserted = await em.execute<{ org_id: string }[]>(
    `insert into "analytics"."${spec.table}" (${names})
     select ${names} from jsonb_to_recordset(?::jsonb) as r(${record})
     on conflict do nothing
     returning "org_id"`,
    [JSON.stringify(rows)],
  );
  return inserted.map((r) => r.org_id);
}
