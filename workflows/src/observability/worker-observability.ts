import { ApplicationFailure, CancelledFailure, type Context as ActivityContext } from '@temporalio/activity';
import {
  makeWorkflowExporter,
  type OpenTelemetrySinks,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, InjectedSinks, NativeConnection, Next, WorkerInterceptors } from '@temporalio/worker';
import { boundedLabel, counter, gauge, histogram, LONG_BUCKETS } from '@scs/runtime/observability/metrics';
import { tracing } from '@scs/runtime/observability/tracing';
import type { Logger } from '@scs/runtime/logger';

/** Activity executions on this worker by type, task queue and outcome (completed, failed, cancelled). */
export const activityDuration = histogram<'activity_type' | 'task_queue' | 'outcome'>({
  name: 'temporal_activity_duration_seconds',
  help: 'Temporal activity execution time in seconds on this worker, by activity type, task queue and outcome.',
  labelNames: ['activity_type', 'task_queue', 'outcome'],
  buckets: LONG_BUCKETS,
});

/** Failed activity attempts (Temporal may retry them) by type and failure type. */
export const activityFailures = counter<'activity_type' | 'task_queue' | 'error_type'>({
  name: 'temporal_activity_failures_total',
  help: 'Failed Temporal activity attempts on this worker, by activity type, task queue and failure type.',
  labelNames: ['activity_type', 'task_queue', 'error_type'],
});

/** Activities running on this worker now. */
export const activitiesRunning = gauge<'activity_type' | 'task_queue'>({
  name: 'temporal_activities_running',
  help: 'Temporal activities executing on this worker now, by activity type and task queue.',
  labelNames: ['activity_type', 'task_queue'],
});

const typeLabel = boundedLabel(100);

function failureType(error: unknown): string {
  if (error instanceof ApplicationFailure) return typeLabel(error.type, 'ApplicationFailure');
  return typeLabel(error instanceof Error ? error.name : undefined, 'Error');
}

/** Times every activity attempt into the histograms above; the error still propagates unchanged. */
export class ActivityMetricsInterceptor implements ActivityInboundCallsInterceptor {
  constructor(private readonly ctx: ActivityContext) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const labels = { activity_type: typeLabel(this.ctx.info.activityType), task_queue: this.ctx.info.taskQueue };
    activitiesRunning.inc(labels);
    const end = activityDuration.startTimer(labels);
    try {
      const result = await next(input);
      end({ outcome: 'completed' });
      return result;
    } catch (error) {
      const cancelled = error instanceof CancelledFailure || this.ctx.cancellationSignal.aborted;
      end({ outcome: cancelled ? 'cancelled' : 'failed' });
      if (!cancelled) activityFailures.inc({ ...labels, error_type: failureType(error) });
      throw error;
    } finally {
      activitiesRunning.dec(labels);
    }
  }
}

/** Approximate number of tasks waiting in a task queue (Temporal's DescribeTaskQueue with stats). */
export const taskQueueBacklog = gauge<'task_queue' | 'task_type'>({
  name: 'temporal_task_queue_backlog',
  help: "Approximate tasks waiting in a Temporal task queue (DescribeTaskQueue stats), by task queue and task type, as seen by this worker's last poll.",
  labelNames: ['task_queue', 'task_type'],
});

export const taskQueueBacklogAge = gauge<'task_queue' | 'task_type'>({
  name: 'temporal_task_queue_backlog_age_seconds',
  help: 'Age of the oldest task waiting in a Temporal task queue, in seconds, by task queue and task type.',
  labelNames: ['task_queue', 'task_type'],
});

const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_TYPES = { workflow: 1, activity: 2 } as const;

/**
 * Polls the backlog of the worker's task queue every `intervalMs` (and once at once) into the
 * gauges above; a failed poll is logged at debug level and leaves the last values. Stop with the
 * returned function.
 */
export function pollTaskQueueBacklog(options: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  taskTypes: (keyof typeof TASK_TYPES)[];
  logger: Logger;
  intervalMs?: number;
}): () => void {
  const poll = async () => {
    for (const taskType of options.taskTypes) {
      try {
        const response = await options.connection.workflowService.describeTaskQueue({
          namespace: options.namespace,
          taskQueue: { name: options.taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
          taskQueueType: TASK_TYPES[taskType],
          reportStats: true,
        });
        const labels = { task_queue: options.taskQueue, task_type: taskType };
        taskQueueBacklog.set(labels, Number(response.stats?.approximateBacklogCount ?? 0));
        const age = response.stats?.approximateBacklogAge;
        taskQueueBacklogAge.set(labels, age ? Number(age.seconds ?? 0) + (age.nanos ?? 0) / 1e9 : 0);
      } catch (error) {
        options.logger.debug({ err: error, taskQueue: options.taskQueue, taskType }, 'could not read the task queue backlog');
      }
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), options.intervalMs ?? 15_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Interceptors (and the sink for workflow spans) a worker is created with: activity metrics always;
 * with tracing on (see `initTracing` in @scs/runtime), Temporal's OpenTelemetry interceptors, so a
 * trace goes on from whoever started the workflow into its workflow and activity spans.
 */
export function workerObservability(options: { workflows: boolean }): {
  interceptors: WorkerInterceptors;
  sinks: InjectedSinks<OpenTelemetrySinks> | Record<string, never>;
} {
  const otel = tracing();
  const interceptors: WorkerInterceptors = {
    activity: [
      ...(otel
        ? [
            (ctx: ActivityContext) => ({
              inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
              outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
            }),
          ]
        : []),
      (ctx: ActivityContext) => ({ inbound: new ActivityMetricsInterceptor(ctx) }),
    ],
    ...(otel && options.workflows ? { workflowModules: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')] } : {}),
  };
  const sinks: InjectedSinks<OpenTelemetrySinks> | Record<string, never> =
    otel && options.workflows ? { exporter: makeWorkflowExporter(otel.spanProcessor, otel.resource) } : {};
  return { interceptors, sinks };
}
