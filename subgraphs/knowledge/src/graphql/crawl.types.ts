import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const CrawlStatusEnum = { RUNNING: 'running', PAUSED: 'paused', CANCELLED: 'cancelled', COMPLETED: 'completed', FAILED: 'failed' } as const;
registerEnumType(CrawlStatusEnum, { name: 'CrawlStatus' });

@ObjectType({ description: 'How many pages were skipped or failed for one reason.' })
export class ReasonCount {
  @Field(() => String)
  reason!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Live counts of a crawl run.' })
export class CrawlProgress {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => ID)
  runId!: string;

  @Field(() => CrawlStatusEnum)
  status!: string;

  @Field(() => Int, { description: 'Distinct URLs found: those queued, and linked ones the run will not fetch (counted as skipped with their reason).' })
  discovered!: number;

  @Field(() => Int)
  fetched!: number;

  @Field(() => Int)
  indexed!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [ReasonCount])
  skippedByReason!: ReasonCount[];

  @Field(() => [ReasonCount])
  failedByReason!: ReasonCount[];

  @Field(() => Int, { description: 'Images of indexed pages that were embedded and indexed (each image URL once per run).' })
  imagesIndexed!: number;

  @Field(() => Int)
  imagesFailed!: number;

  @Field(() => [ReasonCount], { description: 'Why images failed: corrupt, too_many_pixels, too_small, http_404, …' })
  imagesFailedByReason!: ReasonCount[];
}

@ObjectType({ description: 'One crawl of a source, as Temporal runs it.' })
export class CrawlRun {
  @Field(() => ID, { description: 'Temporal run id of the first execution.' })
  runId!: string;

  @Field(() => ID)
  sourceId!: string;

  @Field(() => CrawlStatusEnum)
  status!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => CrawlProgress, { nullable: true, description: 'Counts, while the run can still be asked (running or recently closed).' })
  progress!: CrawlProgress | null;

  @Field(() => String, { description: 'This run in the Temporal Web UI.' })
  temporalUiUrl!: string;
}
