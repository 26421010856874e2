import { audit } from '@scs/graphql-kit/auth/audit';
import { badUserInput } from '@scs/graphql-kit/auth/errors';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import {
  cancelCrawl,
  crawlProgressQuery,
  crawlWorkflowId,
  pauseCrawl,
  reasonList,
  resumeCrawl,
  SEARCH_ATTRIBUTES,
  type CrawlProgress as ProgressState,
} from '@scs/contracts/crawl';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type WorkflowExecutionInfo } from '@temporalio/client';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { sourceOrFail } from './source-lookup.js';
import { crawlRequestFor } from '../crawling/crawl-request.js';
import { CrawlProgress, CrawlRun } from './crawl.types.js';

function progressView(sourceId: string, runId: string, state: ProgressState): CrawlProgress {
  return Object.assign(new CrawlProgress(), {
    ...state,
    sourceId,
    runId,
    skippedByReason: reasonList(state.skippedByReason),
    failedByReason: reasonList(state.failedByReason),
    // Runs started before images were counted have none of these.
    imagesIndexed: state.imagesIndexed ?? 0,
    imagesFailed: state.imagesFailed ?? 0,
    imagesFailedByReason: reasonList(state.imagesFailedByReason ?? {}),
  });
}

const STATUS_BY_EXECUTION: Record<string, string> = {
  RUNNING: 'running',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
  TERMINATED: 'cancelled',
  FAILED: 'failed',
  TIMED_OUT: 'failed',
};

@Resolver()
export class CrawlResolver {
  @Mutation(() => CrawlRun, { description: 'Starts crawling a source. Only one crawl of a source runs at a time.' })
  async startCrawl(@Arg('sourceId', () => ID) sourceId: string, @Ctx() ctx: KnowledgeContext): Promise<CrawlRun> {
    const source = await sourceOrFail(ctx, sourceId);
    const request = crawlRequestFor(source);
    // Scheduled runs carry a suffixed workflow id, so the id alone does not stop a manual run beside one.
    const running = ctx.temporal.workflow.list({
      query: `${SEARCH_ATTRIBUTES.sourceId} = "${source.id}" AND ExecutionStatus = "Running"`,
    });
    for await (const _ of running) throw badUserInput('A crawl of this source is already running.', 'sourceId');
    let handle;
    try {
      handle = await ctx.temporal.workflow.start('crawlSource', {
        taskQueue: ctx.ingestionTaskQueue,
        workflowId: crawlWorkflowId(source.id),
        args: [request],
        workflowIdConflictPolicy: 'FAIL',
        searchAttributes: {
          [SEARCH_ATTRIBUTES.orgId]: [source.organizationId],
          [SEARCH_ATTRIBUTES.sourceId]: [source.id],
          [SEARCH_ATTRIBUTES.status]: ['running'],
        },
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw badUserInput('A crawl of this source is already running.', 'sourceId');
      throw error;
    }
    audit(ctx.em, ctx.identity, { action: 'crawl.start', targetType: 'source', targetId: source.id, detail: { runId: handle.firstExecutionRunId } });
    await ctx.em.flush();
    return Object.assign(new CrawlRun(), {
      runId: handle.firstExecutionRunId,
      sourceId: source.id,
      status: 'running',
      startedAt: new Date(),
      closedAt: null,
      progress: null,
      temporalUiUrl: this.uiUrl(ctx, crawlWorkflowId(source.id), handle.firstExecutionRunId),
    });
  }

  @Mutation(() => Boolean, { description: 'Pauses the running crawl of a source after the pages in flight.' })
  pauseCrawl(@Arg('sourceId', () => ID) sourceId: string, @Ctx() ctx: KnowledgeContext): Promise<boolean> {
    return this.signal(ctx, sourceId, 'pause');
  }

  @Mutation(() => Boolean, { description: 'Resumes a paused crawl.' })
  resumeCrawl(@Arg('sourceId', () => ID) sourceId: string, @Ctx() ctx: KnowledgeContext): Promise<boolean> {
    return this.signal(ctx, sourceId, 'resume');
  }

  @Mutation(() => Boolean, { description: 'Stops the running crawl of a source; what it indexed so far stays.' })
  cancelCrawl(@Arg('sourceId', () => ID) sourceId: string, @Ctx() ctx: KnowledgeContext): Promise<boolean> {
    return this.signal(ctx, sourceId, 'cancel');
  }

  @Query(() => [CrawlRun], { description: 'Crawls of a source, newest first, from Temporal.' })
  async crawlRuns(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: KnowledgeContext,
  ): Promise<CrawlRun[]> {
    const source = await sourceOrFail(ctx, sourceId);
    if (first < 1 || first > 50) throw badUserInput('first must be between 1 and 50.', 'first');
    const runs: CrawlRun[] = [];
    const query = `${SEARCH_ATTRIBUTES.sourceId} = "${source.id}" AND ${SEARCH_ATTRIBUTES.orgId} = "${source.organizationId}" AND ExecutionStatus != "ContinuedAsNew"`;
    for await (const execution of ctx.temporal.workflow.list({ query })) {
      runs.push(await this.runView(ctx, source.id, execution, runs.length === 0));
      if (runs.length >= first) break;
    }
    return runs;
  }

  @Subscription(() => CrawlProgress, {
    description: 'Live counts of the crawls of one source. Served by the gateway over graphql-ws.',
    topics: ({ args, context }) => subscriptionTopic('crawlProgress', args, principalOf((context as KnowledgeContext).identity).orgId),
  })
  crawlProgress(@Root() progress: CrawlProgress, @Arg('sourceId', () => ID) _sourceId: string): CrawlProgress {
    return progress;
  }

  private async signal(ctx: KnowledgeContext, sourceId: string, what: 'pause' | 'resume' | 'cancel'): Promise<boolean> {
    const source = await sourceOrFail(ctx, sourceId);
    const handle = ctx.temporal.workflow.getHandle(crawlWorkflowId(source.id));
    try {
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') throw badUserInput('No crawl of this source is running.', 'sourceId');
      await handle.signal(what === 'pause' ? pauseCrawl : what === 'resume' ? resumeCrawl : cancelCrawl);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw badUserInput('No crawl of this source is running.', 'sourceId');
      throw error;
    }
    audit(ctx.em, ctx.identity, { action: `crawl.${what}`, targetType: 'source', targetId: source.id });
    await ctx.em.flush();
    return true;
  }

  private async runView(ctx: KnowledgeContext, sourceId: string, execution: WorkflowExecutionInfo, latest: boolean): Promise<CrawlRun> {
    // A crawl that continued as new is one run: it is named by its first execution, as in its progress events.
    const runId = execution.raw.firstRunId || execution.runId;
    let progress: CrawlProgress | null = null;
    if (latest) {
      const state = await ctx.temporal.workflow
        .getHandle(execution.workflowId, execution.runId)
        .query(crawlProgressQuery)
        .catch(() => null);
      if (state) progress = progressView(sourceId, runId, state);
    }
    return Object.assign(new CrawlRun(), {
      runId,
      sourceId,
      status: progress?.status ?? STATUS_BY_EXECUTION[execution.status.name] ?? 'failed',
      startedAt: execution.startTime,
      closedAt: execution.closeTime ?? null,
      progress,
      temporalUiUrl: this.uiUrl(ctx, execution.workflowId, execution.runId),
    });
  }

  /** The execution in the Temporal Web UI (scheduled runs have their own, suffixed workflow ids). */
  private uiUrl(ctx: KnowledgeContext, workflowId: string, runId: string): string {
    return `${ctx.temporalUiUrl}/namespaces/${encodeURIComponent(ctx.temporalNamespace)}/workflows/${encodeURIComponent(workflowId)}/${runId}/history`;
  }
}
