import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import { requireUuid } from '@scs/graphql-kit/validation';
import { Arg, Ctx, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AnalyticsContext } from '../context.js';
import { countersOf, countersTopic, today } from '../live-counters.js';
import type { Interval, Period, Scope } from '../queries/analytics-queries.js';
import { toCsv } from '../queries/csv.js';
import {
  AnalyticsCounters,
  AnalyticsOverview,
  AnalyticsPeriod,
  AnalyticsReport,
  ApiKeyUsage,
  ContentGap,
  CrawlHistoryEntry,
  QuestionCluster,
  SourceCoverage,
  VolumeBucket,
  VolumeInterval,
} from './analytics.types.js';

const DAY_MS = 86_400_000;
const MAX_PERIOD_DAYS = 400;
const MAX_BUCKETS = 2000;
const MAX_EXPORT_ROWS = 10_000;

function periodOf(input: AnalyticsPeriod): Period {
  const { from, to } = input;
  if (!(from instanceof Date) || Number.isNaN(from.getTime()) || !(to instanceof Date) || Number.isNaN(to.getTime()))
    throw badUserInput('period needs a from and a to date.', 'period');
  if (to.getTime() <= from.getTime()) throw badUserInput('period.to must be after period.from.', 'period');
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw badUserInput(`A period spans at most ${MAX_PERIOD_DAYS} days.`, 'period');
  return { from, to };
}

function scopeOf(ctx: AnalyticsContext, period: AnalyticsPeriod, sourceId?: string | null): Scope {
  return { orgId: principalOf(ctx.identity).orgId, period: periodOf(period), sourceId: sourceId == null ? null : requireUuid(sourceId, 'sourceId') };
}

function limitOf(value: number, max: number, name = 'limit'): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput(`${name} must be between 1 and ${max}.`, name);
  return value;
}

const INTERVALS: Record<VolumeInterval, Interval> = { HOUR: 'hour', DAY: 'day', WEEK: 'week' };
const INTERVAL_MS: Record<Interval, number> = { hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };

/**
 * The dashboard queries: every one is limited to the caller's organization (from the signed
 * identity, never from arguments) and to a period, and most to one source on request.
 */
@Resolver()
export class AnalyticsResolver {
  @Query(() => AnalyticsOverview, { description: 'Questions, answer rate, satisfaction, latency percentiles and hand-offs in a period.' })
  async analyticsOverview(
    @Arg('period', () => AnalyticsPeriod) period: AnalyticsPeriod,
    @Arg('sourceId', () => ID, { nullable: true }) sourceId: string | null,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<AnalyticsOverview> {
    const scope = scopeOf(ctx, period, sourceId);
    const o = await ctx.queries.overview(scope);
    return Object.assign(new AnalyticsOverview(), {
      ...o,
      from: scope.period.from,
      to: scope.period.to,
      sourceId: scope.sourceId ?? null,
      timeToFirstTokenMs: { p50: o.ttftP50Ms, p95: o.ttftP95Ms },
      totalTimeMs: { p50: o.totalP50Ms, p95: o.totalP95Ms },
    });
  }

  @Query(() => [VolumeBucket], { description: 'Questions (answered, unanswered) and hand-offs per hour, day or week of a period, empty buckets included.' })
  async questionVolume(
    @Arg('period', () => AnalyticsPeriod) period: AnalyticsPeriod,
    @Arg('interval', () => VolumeInterval, { defaultValue: VolumeInterval.DAY }) interval: VolumeInterval,
    @Arg('sourceId', () => ID, { nullable: true }) sourceId: string | null,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<VolumeBucket[]> {
    const scope = scopeOf(ctx, period, sourceId);
    const unit = INTERVALS[interval];
    if ((scope.period.to.getTime() - scope.period.from.getTime()) / INTERVAL_MS[unit] > MAX_BUCKETS)
      throw badUserInput(`At most ${MAX_BUCKETS} buckets: choose a longer interval.`, 'interval');
    return ctx.queries.volume(scope, unit);
  }

  @Query(() => [QuestionCluster], { description: 'The most asked questions of a period, grouped by meaning, with a representative wording and a count.' })
  async topQuestions(
    @Arg('period', () => AnalyticsPeriod) period: AnalyticsPeriod,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Arg('sourceId', () => ID, { nullable: true }) sourceId: string | null,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<QuestionCluster[]> {
    return ctx.queries.topQuestions(scopeOf(ctx, period, sourceId), limitOf(limit, 100));
  }

  @Query(() => [ContentGap], { description: 'Questions the site could not answer, grouped by meaning, with the pages that came closest to answering them.' })
  async contentGaps(
    @Arg('period', () => AnalyticsPeriod) period: AnalyticsPeriod,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Arg('pagesPerGap', () => Int, { defaultValue: 3 }) pagesPerGap: number,
    @Arg('sourceId', () => ID, { nullable: true }) sourceId: string | null,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<ContentGap[]> {
    return ctx.queries.contentGaps(scopeOf(ctx, period, sourceId), limitOf(limit, 100), limitOf(pagesPerGap, 10, 'pagesPerGap'));
  }

  @Query(() => SourceCoverage, {
    description: 'Which pages of a source answers cite and retrieval finds, against the pages its latest crawl indexed. Without a period: all retained data.',
  })
  async sourceCoverage(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('period', () => AnalyticsPeriod, { nullable: true }) period: AnalyticsPeriod | null,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<SourceCoverage> {
    const range = period ?? { from: new Date(Date.now() - Math.min(ctx.retentionDays, MAX_PERIOD_DAYS - 1) * DAY_MS), to: new Date(Date.now() + DAY_MS) };
    const scope = scopeOf(ctx, range, sourceId);
    return Object.assign(new SourceCoverage(), await ctx.queries.sourceCoverage({ ...scope, sourceId: scope.sourceId! }, limitOf(limit, 1000)));
  }

  @Query(() => [ApiKeyUsage], { description: 'Requests per partner or service API key in a period, most used first.' })
  async apiUsage(@Arg('period', () => AnalyticsPeriod) period: AnalyticsPeriod, @Ctx() ctx: AnalyticsContext): Promise<ApiKeyUsage[]> {
    return ctx.queries.apiUsage(scopeOf(ctx, period));
  }

  @Query(() => [CrawlHistoryEntry], { description: 'Finished crawl runs in a period, newest first: pages, failures and duration; of one source or all.' })
  async crawlHistory(
    @Arg('period', () => AnalyticsPeriod) period: AnalyticsPeriod,
    @Arg('sourceId', () => ID, { nullable: true }) sourceId: string | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<CrawlHistoryEntry[]> {
    const runs = await ctx.queries.crawlHistory(scopeOf(ctx, period, sourceId), limitOf(limit, 500));
    return runs.map((run) =>
      Object.assign(new CrawlHistoryEntry(), {
        runId: run.runId,
        sourceId: run.sourceId,
        status: run.status,
        startedAt: run.startedAt,
        finishedAt: run.occurredAt,
        durationMs: Number(run.durationMs),
        discovered: run.discovered,
        fetched: run.fetched,
        indexed: run.indexed,
        skipped: run.skipped,
        failed: run.failed,
        imagesIndexed: run.imagesIndexed,
        imagesFailed: run.imagesFailed,
        failedByReason: Object.entries(run.failedByReason).map(([reason, count]) => ({ reason, count })),
      }),
    );
  }

  @Query(() => String, { description: 'A report of a period as CSV text (RFC 4180, with a header row).' })
  async exportAnalyticsCsv(
    @Arg('report', () => AnalyticsReport) report: AnalyticsReport,
    @Arg('period', () => AnalyticsPeriod) period: AnalyticsPeriod,
    @Arg('sourceId', () => ID, { nullable: true }) sourceId: string | null,
    @Ctx() ctx: AnalyticsContext,
  ): Promise<string> {
    const scope = scopeOf(ctx, period, sourceId);
    const q = ctx.queries;
    switch (report) {
      case AnalyticsReport.QUESTIONS: {
        const rows = await q.questions(scope, MAX_EXPORT_ROWS);
        return toCsv(
          [
            'asked_at',
            'conversation_id',
            'message_id',
            'asker_role',
            'question',
            'standalone_question',
            'status',
            'answered',
            'handoff_suggested',
            'confidence',
            'from_cache',
            'time_to_first_token_ms',
            'total_ms',
            'answer_chars',
            'rating',
          ],
          rows.map((r) => [
            r.occurredAt,
            r.conversationId,
            r.messageId,
            r.askerRole,
            r.question,
            r.standaloneQuestion,
            r.status,
            r.answered,
            r.handoffSuggested,
            r.confidence,
            r.fromCache,
            r.timeToFirstTokenMs,
            r.totalMs,
            r.answerChars,
            r.rating,
          ]),
        );
      }
      case AnalyticsReport.DAILY_VOLUME: {
        const rows = await q.volume(scope, 'day');
        return toCsv(
          ['day', 'questions', 'answered', 'unanswered', 'handoffs'],
          rows.map((r) => [r.start, r.questions, r.answered, r.unanswered, r.handoffs]),
        );
      }
      case AnalyticsReport.TOP_QUESTIONS: {
        const rows = await q.topQuestions(scope, 100);
        return toCsv(
          ['question', 'count', 'answered', 'last_asked_at', 'wordings'],
          rows.map((r) => [r.representative, r.count, r.answered, r.lastAskedAt, r.examples.join(' | ')]),
        );
      }
      case AnalyticsReport.CONTENT_GAPS: {
        const rows = await q.contentGaps(scope, 100, 3);
        return toCsv(
          ['question', 'count', 'last_asked_at', 'wordings', 'suggested_pages'],
          rows.map((r) => [
            r.representative,
            r.count,
            r.lastAskedAt,
            r.examples.join(' | '),
            r.suggestedPages.map((p) => `${p.pageUrl} (${p.bestRelevance})`).join(' | '),
          ]),
        );
      }
      case AnalyticsReport.API_USAGE: {
        const rows = await q.apiUsage(scope);
        return toCsv(
          ['api_key_id', 'role', 'requests', 'rate_limited', 'first_hour', 'last_hour'],
          rows.map((r) => [r.apiKeyId, r.role, r.requests, r.rateLimited, r.firstHour, r.lastHour]),
        );
      }
      case AnalyticsReport.CRAWL_HISTORY: {
        const rows = await q.crawlHistory(scope, 500);
        return toCsv(
          [
            'run_id',
            'source_id',
            'status',
            'started_at',
            'finished_at',
            'duration_ms',
            'discovered',
            'fetched',
            'indexed',
            'skipped',
            'failed',
            'images_indexed',
            'images_failed',
          ],
          rows.map((r) => [
            r.runId,
            r.sourceId,
            r.status,
            r.startedAt,
            r.occurredAt,
            Number(r.durationMs),
            r.discovered,
            r.fetched,
            r.indexed,
            r.skipped,
            r.failed,
            r.imagesIndexed,
            r.imagesFailed,
          ]),
        );
      }
      default:
        throw badUserInput('Unknown report.', 'report');
    }
  }

  @Query(() => AnalyticsCounters, { name: 'analyticsCounters', description: 'Today’s counters (UTC day), as `Subscription.analyticsCounters` sends them.' })
  async currentCounters(@Ctx() ctx: AnalyticsContext): Promise<AnalyticsCounters> {
    const period = today();
    const overview = await ctx.queries.overview({ orgId: principalOf(ctx.identity).orgId, period });
    return Object.assign(new AnalyticsCounters(), countersOf(overview, period.from));
  }

  @Subscription(() => AnalyticsCounters, {
    description:
      'Today’s counters of your organization, sent again whenever new events were stored (for live dashboards and internal tools). Served by the gateway over graphql-ws.',
    topics: ({ context }) => countersTopic(principalOf((context as AnalyticsContext).identity).orgId),
  })
  analyticsCounters(@Root() counters: AnalyticsCounters): AnalyticsCounters {
    return counters;
  }
}
