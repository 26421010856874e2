import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One finished crawl run (a `crawl_run` event), as stored in `analytics.crawl_runs`. The other event
 * tables are written and aggregated with SQL (storage/event-store.ts, queries/); this one is read
 * as records.
 */
@Entity({ tableName: 'crawl_runs' })
export class CrawlRunRecord {
  @PrimaryKey({ type: 'text' })
  eventId!: string;

  /** When the run ended (the partition key). */
  @PrimaryKey({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'uuid' })
  orgId!: string;

  @Property({ type: 'uuid' })
  sourceId!: string;

  @Property({ type: 'text' })
  runId!: string;

  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: new BigIntType('number') })
  durationMs!: number;

  @Property({ type: 'integer' })
  discovered!: number;

  @Property({ type: 'integer' })
  fetched!: number;

  @Property({ type: 'integer' })
  indexed!: number;

  @Property({ type: 'integer' })
  skipped!: number;

  @Property({ type: 'integer' })
  failed!: number;

  @Property({ type: 'integer' })
  imagesIndexed!: number;

  @Property({ type: 'integer' })
  imagesFailed!: number;

  @Property({ type: 'jsonb' })
  failedByReason!: Record<string, number>;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}
