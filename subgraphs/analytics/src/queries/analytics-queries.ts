import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnalyticsHit } from '@scs/contracts/analytics-events';
import { CrawlRunRecord } from '../entities/crawl-run.entity.js';
import { clusterQuestions } from './clustering.js';

/** A half-open time range: from ≤ t < to. */
export interface Period {
  from: Date;
  to: Date;
}

/** What every dashboard query is limited to: one organization, a period, optionally one source. */
export interface Scope {
  orgId: string;
  period: Period;
  /** Questions whose retrieved passages or citations came from this source. */
  sourceId?: string | null;
}

export type Interval = 'hour' | 'day' | 'week';

export interface Overview {
  questions: number;
  answered: number;
  unanswered: number;
  failed: number;
  cacheHits: number;
  conversations: number;
  answerRate: number | null;
  averageConfidence: number | null;
  thumbsUp: number;
  thumbsDown: number;
  satisfaction: number | null;
  handoffs: number;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  totalP50Ms: number | null;
  totalP95Ms: number | null;
}

export interface VolumeBucket {
  start: Date;
  questions: number;
  answered: number;
  unanswered: number;
  handoffs: number;
}

export interface QuestionCluster {
  representative: string;
  count: number;
  answered: number;
  examples: string[];
  lastAskedAt: Date;
}

export interface SuggestedPage {
  pageUrl: string;
  url: string;
  title: string | null;
  sourceId: string;
  bestRelevance: number;
  retrievals: number;
}

export interface ContentGap extends QuestionCluster {
  suggestedPages: SuggestedPage[];
}

export interface PageCoverage {
  pageUrl: string;
  title: string | null;
  citations: number;
  retrievals: number;
  lastCitedAt: Date | null;
}

export interface SourceCoverage {
  sourceId: string;
  pagesIndexed: number | null;
  lastCrawlAt: Date | null;
  pagesCited: number;
  pagesRetrieved: number;
  coverage: number | null;
  pages: PageCoverage[];
}

export interface ApiKeyUsage {
  apiKeyId: string;
  role: string;
  requests: number;
  rateLimited: number;
  firstHour: Date;
  lastHour: Date;
}

export interface QuestionRow {
  occurredAt: Date;
  conversationId: string;
  messageId: string;
  askerRole: string;
  question: string;
  standaloneQuestion: string;
  status: string;
  answered: boolean;
  handoffSuggested: boolean;
  confidence: number | null;
  fromCache: boolean;
  timeToFirstTokenMs: number | null;
  totalMs: number;
  answerChars: number;
  rating: string | null;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const ms = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value)));
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** `where` conditions on the questions table (alias q) for a scope, with their parameters in order. */
function questionsIn(scope: Scope): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.orgId, scope.period.from, scope.period.to];
  let sql = 'q.org_id = ? and q.occurred_at >= ? and q.occurred_at < ?';
  if (scope.sourceId) {
    sql += ' and q.source_ids @> array[?::uuid]';
    params.push(scope.sourceId);
  }
  return { sql, params };
}

/** The same for another event table (alias t) linked to questions by `link` (message or conversation). */
function eventsIn(table: 'feedback' | 'handoffs', scope: Scope, link: 'message_id' | 'conversation_id'): { sql: string; params: unknown[] } {
  const params: unknown[] = [scope.orgId, scope.period.from, scope.period.to];
  let sql = `from "analytics"."${table}" t where t.org_id = ? and t.occurred_at >= ? and t.occurred_at < ?`;
  if (scope.sourceId) {
    sql += ` and exists (select 1 from "analytics"."questions" q where q.org_id = t.org_id and q.${link} = t.${link} and q.source_ids @> array[?::uuid])`;
    params.push(scope.sourceId);
  }
  return { sql, params };
}

/**
 * The dashboard's queries over the event tables. Definitions:
 * - a question is answered when its answer completed and was not the "I don't know" answer;
 *   unanswered when it completed as "I don't know"; failed when it was stopped or failed;
 * - satisfaction counts each answer's latest rating in the period: up / (up + down);
 * - latency: time to first token over answers that produced one, total time over completed answers.
 */
export class AnalyticsQueries {
  constructor(
    private readonly em: EntityManager,
    private readonly clustering: { similarity: number; maxQuestions: number },
  ) {}

  async overview(scope: Scope): Promise<Overview> {
    const q = questionsIn(scope);
    const [row] = await this.em.execute<Record<string, unknown>[]>(
      `select count(*) as questions,
         count(*) filter (where q.answered) as answered,
         count(*) filter (where q.status = 'complete' and not q.answered) as unanswered,
         count(*) filter (where q.status <> 'complete') as failed,
         count(*) filter (where q.from_cache) as cache_hits,
         count(distinct q.conversation_id) as conversations,
         avg(q.confidence) filter (where q.status = 'complete') as average_confidence,
         percentile_cont(0.5) within group (order by q.ttft_ms) filter (where q.ttft_ms is not null) as ttft_p50,
         percentile_cont(0.95) within group (order by q.ttft_ms) filter (where q.ttft_ms is not null) as ttft_p95,
         percentile_cont(0.5) within group (order by q.total_ms) filter (where q.status = 'complete') as total_p50,
         percentile_cont(0.95) within group (order by q.total_ms) filter (where q.status = 'complete') as total_p95
       from "analytics"."questions" q where ${q.sql}`,
      q.params,
    );
    const f = eventsIn('feedback', scope, 'message_id');
    const [thumbs] = await this.em.execute<Record<string, unknown>[]>(
      `select count(*) filter (where rating = 'up') as up, count(*) filter (where rating = 'down') as down
       from (select distinct on (t.message_id) t.rating ${f.sql} order by t.message_id, t.occurred_at desc, t.event_id desc) latest`,
      f.params,
    );
    const h = eventsIn('handoffs', scope, 'conversation_id');
    const [handoffs] = await this.em.execute<Record<string, unknown>[]>(`select count(*) as handoffs ${h.sql}`, h.params);
    const questions = num(row?.questions);
    const answered = num(row?.answered);
    const up = num(thumbs?.up);
    const down = num(thumbs?.down);
    return {
      questions,
      answered,
      unanswered: num(row?.unanswered),
      failed: num(row?.failed),
      cacheHits: num(row?.cache_hits),
      conversations: num(row?.conversations),
      answerRate: ratio(answered, questions),
      averageConfidence: row?.average_confidence == null ? null : Math.round(Number(row.average_confidence) * 1000) / 1000,
      thumbsUp: up,
      thumbsDown: down,
      satisfaction: ratio(up, up + down),
      handoffs: num(handoffs?.handoffs),
      ttftP50Ms: ms(row?.ttft_p50),
      ttftP95Ms: ms(row?.ttft_p95),
      totalP50Ms: ms(row?.total_p50),
      totalP95Ms: ms(row?.total_p95),
    };
  }

  /** Questions and hand-offs per hour, day or ISO week (UTC), every bucket of the period, empty ones included. */
  async volume(scope: Scope, interval: Interval): Promise<VolumeBucket[]> {
    const q = questionsIn(scope);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select date_trunc(?, q.occurred_at, 'UTC') as bucket, count(*) as questions,
         count(*) filter (where q.answered) as answered,
         count(*) filter (where q.status = 'complete' and not q.answered) as unanswered
       from "analytics"."questions" q where ${q.sql} group by 1`,
      [interval, ...q.params],
    );
    const h = eventsIn('handoffs', scope, 'conversation_id');
    const handoffRows = await this.em.execute<Record<string, unknown>[]>(
      `select date_trunc(?, t.occurred_at, 'UTC') as bucket, count(*) as handoffs ${h.sql} group by 1`,
      [interval, ...h.params],
    );
    const buckets = new Map<number, VolumeBucket>();
    for (const start of bucketStarts(scope.period, interval)) buckets.set(start.getTime(), { start, questions: 0, answered: 0, unanswered: 0, handoffs: 0 });
    for (const row of rows) {
      const bucket = buckets.get(new Date(row.bucket as string).getTime());
      if (bucket) Object.assign(bucket, { questions: num(row.questions), answered: num(row.answered), unanswered: num(row.unanswered) });
    }
    for (const row of handoffRows) {
      const bucket = buckets.get(new Date(row.bucket as string).getTime());
      if (bucket) bucket.handoffs = num(row.handoffs);
    }
    return [...buckets.values()];
  }

  /** The most asked questions, grouped by meaning. */
  async topQuestions(scope: Scope, limit: number): Promise<QuestionCluster[]> {
    const rows = await this.questionsForClustering(scope, false);
    return this.cluster(rows)
      .slice(0, limit)
      .map(({ gap: _gap, ...cluster }) => cluster);
  }

  /** Questions the bot could not answer, grouped by meaning, with the pages retrieval found closest (below the relevance floor). */
  async contentGaps(scope: Scope, limit: number, pagesPerGap: number): Promise<ContentGap[]> {
    const rows = await this.questionsForClustering(scope, true);
    return this.cluster(rows)
      .slice(0, limit)
      .map(({ gap, ...cluster }) => ({ ...cluster, suggestedPages: suggestedPages(gap, pagesPerGap) }));
  }

  private async questionsForClustering(scope: Scope, unansweredOnly: boolean) {
    const q = questionsIn(scope);
    const rows = await this.em.execute<{ text: string; embedding: number[] | null; answered: boolean; occurred_at: Date; hits: AnalyticsHit[] | null }[]>(
      `select q.standalone_question as text, q.embedding, q.answered, q.occurred_at, ${unansweredOnly ? 'q.hits' : 'null as hits'}
       from "analytics"."questions" q where ${q.sql} ${unansweredOnly ? "and q.status = 'complete' and not q.answered" : ''}
       order by q.occurred_at desc limit ?`,
      [...q.params, this.clustering.maxQuestions],
    );
    return rows;
  }

  private cluster(rows: Awaited<ReturnType<AnalyticsQueries['questionsForClustering']>>) {
    const clusters = clusterQuestions(
      rows.map((r) => ({ text: r.text, vector: r.embedding })),
      this.clustering.similarity,
    );
    return clusters
      .map((cluster) => {
        const members = cluster.members.map((i) => rows[i]!);
        return {
          representative: cluster.representative,
          count: members.length,
          answered: members.filter((m) => m.answered).length,
          examples: cluster.texts.slice(0, 5),
          lastAskedAt: new Date(Math.max(...members.map((m) => new Date(m.occurred_at).getTime()))),
          gap: members.flatMap((m) => m.hits ?? []),
        };
      })
      .sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime());
  }

  /** Pages of a source that answers cited, and that retrieval found, in the period; pages indexed = the source's last completed crawl. */
  async sourceCoverage(scope: Scope & { sourceId: string }, limit: number): Promise<SourceCoverage> {
    const params = [scope.orgId, scope.period.from, scope.period.to];
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `with cited as (
         select c->>'pageUrl' as page_url, count(distinct q.event_id) as citations, max(q.occurred_at) as last_cited_at
         from "analytics"."questions" q cross join lateral jsonb_array_elements(q.citations) c
         where q.org_id = ? and q.occurred_at >= ? and q.occurred_at < ? and c->>'sourceId' = ?
         group by 1
       ), retrieved as (
         select h->>'pageUrl' as page_url, max(h->>'title') as title, count(distinct q.event_id) as retrievals
         from "analytics"."questions" q cross join lateral jsonb_array_elements(q.hits) h
         where q.org_id = ? and q.occurred_at >= ? and q.occurred_at < ? and h->>'sourceId' = ?
         group by 1
       )
       select coalesce(c.page_url, r.page_url) as page_url, r.title, coalesce(c.citations, 0) as citations,
         coalesce(r.retrievals, 0) as retrievals, c.last_cited_at
       from cited c full join retrieved r on r.page_url = c.page_url
       order by 3 desc, 4 desc, 1`,
      [...params, scope.sourceId, ...params, scope.sourceId],
    );
    const lastCrawl = await this.em.findOne(
      CrawlRunRecord,
      { orgId: scope.orgId, sourceId: scope.sourceId, status: 'completed' },
      { orderBy: { occurredAt: 'desc' }, fields: ['indexed', 'occurredAt'] },
    );
    const pagesCited = rows.filter((r) => num(r.citations) > 0).length;
    const pagesIndexed = lastCrawl ? lastCrawl.indexed : null;
    return {
      sourceId: scope.sourceId,
      pagesIndexed,
      lastCrawlAt: lastCrawl?.occurredAt ?? null,
      pagesCited,
      pagesRetrieved: rows.filter((r) => num(r.retrievals) > 0).length,
      coverage: pagesIndexed ? Math.min(1, ratio(pagesCited, pagesIndexed)!) : null,
      pages: rows.slice(0, limit).map((r) => ({
        pageUrl: String(r.page_url),
        title: (r.title as string | null) ?? null,
        citations: num(r.citations),
        retrievals: num(r.retrievals),
        lastCitedAt: r.last_cited_at ? new Date(r.last_cited_at as string) : null,
      })),
    };
  }

  /** Requests per API key (hours starting in the period), most used first. */
  async apiUsage(scope: Scope): Promise<ApiKeyUsage[]> {
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select t.api_key_id, max(t.role) as role, sum(t.requests) as requests, sum(t.rate_limited) as rate_limited,
         min(t.occurred_at) as first_hour, max(t.occurred_at) as last_hour
       from "analytics"."api_usage" t where t.org_id = ? and t.occurred_at >= ? and t.occurred_at < ?
       group by t.api_key_id order by 3 desc, 1`,
      [scope.orgId, scope.period.from, scope.period.to],
    );
    return rows.map((r) => ({
      apiKeyId: String(r.api_key_id),
      role: String(r.role),
      requests: num(r.requests),
      rateLimited: num(r.rate_limited),
      firstHour: new Date(r.first_hour as string),
      lastHour: new Date(r.last_hour as string),
    }));
  }

  /** Finished crawl runs, newest first. */
  async crawlHistory(scope: Scope, limit: number): Promise<CrawlRunRecord[]> {
    return this.em.find(
      CrawlRunRecord,
      { orgId: scope.orgId, occurredAt: { $gte: scope.period.from, $lt: scope.period.to }, ...(scope.sourceId ? { sourceId: scope.sourceId } : {}) },
      { orderBy: { occurredAt: 'desc', eventId: 'desc' }, limit },
    );
  }

  /** Individual questions, newest first, with the latest rating of each answer (for exports). */
  async questions(scope: Scope, limit: number): Promise<QuestionRow[]> {
    const q = questionsIn(scope);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select q.occurred_at, q.conversation_id, q.message_id, q.asker_role, q.question, q.standalone_question, q.status, q.answered,
         q.handoff_suggested, q.confidence, q.from_cache, q.ttft_ms, q.total_ms, q.answer_chars,
         (select f.rating from "analytics"."feedback" f where f.org_id = q.org_id and f.message_id = q.message_id
           order by f.occurred_at desc, f.event_id desc limit 1) as rating
       from "analytics"."questions" q where ${q.sql}
       order by q.occurred_at desc, q.event_id desc limit ?`,
      [...q.params, limit],
    );
    return rows.map((r) => ({
      occurredAt: new Date(r.occurred_at as string),
      conversationId: String(r.conversation_id),
      messageId: String(r.message_id),
      askerRole: String(r.asker_role),
      question: String(r.question),
      standaloneQuestion: String(r.standalone_question),
      status: String(r.status),
      answered: Boolean(r.answered),
      handoffSuggested: Boolean(r.handoff_suggested),
      confidence: numOrNull(r.confidence),
      fromCache: Boolean(r.from_cache),
      timeToFirstTokenMs: numOrNull(r.ttft_ms),
      totalMs: num(r.total_ms),
      answerChars: num(r.answer_chars),
      rating: (r.rating as string | null) ?? null,
    }));
  }
}

/** The pages retrieval ranked closest for a group of questions: best relevance first. */
function suggestedPages(hits: readonly AnalyticsHit[], limit: number): SuggestedPage[] {
  const pages = new Map<string, SuggestedPage>();
  for (const hit of hits) {
    const page = pages.get(hit.pageUrl);
    if (!page) {
      pages.set(hit.pageUrl, { pageUrl: hit.pageUrl, url: hit.url, title: hit.title, sourceId: hit.sourceId, bestRelevance: hit.relevance, retrievals: 1 });
      continue;
    }
    page.retrievals += 1;
    if (hit.relevance > page.bestRelevance) Object.assign(page, { url: hit.url, bestRelevance: hit.relevance, title: hit.title ?? page.title });
  }
  return [...pages.values()]
    .sort((a, b) => b.bestRelevance - a.bestRelevance || b.retrievals - a.retrievals)
    .slice(0, limit)
    .map((p) => ({ ...p, bestRelevance: Math.round(p.bestRelevance * 1000) / 1000 }));
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The start of every bucket overlapping the period (UTC; weeks start on Monday, as PostgreSQL's date_trunc). */
export function bucketStarts(period: Period, interval: Interval): Date[] {
  const from = period.from.getTime();
  let start: number;
  let step: number;
  if (interval === 'hour') {
    start = Math.floor(from / HOUR_MS) * HOUR_MS;
    step = HOUR_MS;
  } else if (interval === 'day') {
    start = Math.floor(from / DAY_MS) * DAY_MS;
    step = DAY_MS;
  } else {
    const day = Math.floor(from / DAY_MS) * DAY_MS;
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
    start = day - weekday * DAY_MS;
    step = 7 * DAY_MS;
  }
  const starts: Date[] = [];
  for (let t = start; t < period.to.getTime(); t += step) starts.push(new Date(t));
  return starts;
}
