import { crawlWorkflowId, SEARCH_ATTRIBUTES } from '@scs/contracts/crawl';
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { SourceRecord } from '../entities/source.entity.js';
import { crawlRequestFor } from './crawl-request.js';

export function recrawlScheduleId(sourceId: string): string {
  return `recrawl-source-${sourceId}`;
}

/**
 * Makes the source's Temporal schedule match it: created or updated (cron and the settings the
 * crawl starts with) when it has a re-crawl schedule, deleted when not. Idempotent, so a failed
 * sync is repaired by saving the source again. Scheduled runs never overlap (SKIP).
 */
export async function syncRecrawlSchedule(temporal: Client, source: SourceRecord, taskQueue: string): Promise<void> {
  const handle = temporal.schedule.getHandle(recrawlScheduleId(source.id));
  if (!source.recrawlSchedule) {
    await removeRecrawlSchedule(temporal, source.id);
    return;
  }
  const definition = {
    spec: { cronExpressions: [source.recrawlSchedule] },
    action: {
      type: 'startWorkflow' as const,
      workflowType: 'crawlSource',
      args: [crawlRequestFor(source)],
      taskQueue,
      workflowId: crawlWorkflowId(source.id),
      searchAttributes: {
        [SEARCH_ATTRIBUTES.orgId]: [source.organizationId],
        [SEARCH_ATTRIBUTES.sourceId]: [source.id],
        [SEARCH_ATTRIBUTES.status]: ['running'],
      },
    },
    policies: { overlap: 'SKIP' as const, catchupWindow: '1 hour' },
  };
  try {
    await handle.update(() => ({ ...definition, state: {} }));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    await temporal.schedule.create({ scheduleId: recrawlScheduleId(source.id), ...definition });
  }
}

export async function removeRecrawlSchedule(temporal: Client, sourceId: string): Promise<void> {
  try {
    await temporal.schedule.getHandle(recrawlScheduleId(sourceId)).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}
