import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum VolumeInterval {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
}
registerEnumType(VolumeInterval, { name: 'VolumeInterval', description: 'Bucket size of a volume series (UTC; weeks start on Monday).' });

export enum AnalyticsReport {
  QUESTIONS = 'QUESTIONS',
  DAILY_VOLUME = 'DAILY_VOLUME',
  TOP_QUESTIONS = 'TOP_QUESTIONS',
  CONTENT_GAPS = 'CONTENT_GAPS',
  API_USAGE = 'API_USAGE',
  CRAWL_HISTORY = 'CRAWL_HISTORY',
}
registerEnumType(AnalyticsReport, {
  name: 'AnalyticsReport',
  description:
    'What `exportAnalyticsCsv` exports: QUESTIONS (one row per question, newest first, at most 10 000), DAILY_VOLUME, TOP_QUESTIONS, CONTENT_GAPS, API_USAGE or CRAWL_HISTORY.',
});

@InputType({ description: 'A time range, `from` included, `to` excluded; at most 400 days.' })
export class AnalyticsPeriod {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;
}

@ObjectType({ description: 'Percentiles of a duration, in milliseconds; null without data.' })
export class LatencyPercentiles {
  @Field(() => Int, { nullable: true })
  p50!: number | null;

  @Field(() => Int, { nullable: true })
  p95!: number | null;
}

@ObjectType({
  description:
    'How the assistant did in a period. A question is answered when its answer completed and was not the “I don’t know” answer, unanswered when it was, failed when it was stopped or failed.',
})
export class AnalyticsOverview {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => ID, { nullable: true, description: 'The source the figures are limited to (questions whose retrieved passages or citations came from it).' })
  sourceId!: string | null;

  @Field(() => Int)
  questions!: number;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int)
  unanswered!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Float, { nullable: true, description: 'answered / questions, 0..1; null without questions.' })
  answerRate!: number | null;

  @Field(() => Int, { description: 'Questions answered from the answer cache.' })
  cacheHits!: number;

  @Field(() => Int)
  conversations!: number;

  @Field(() => Float, { nullable: true, description: 'Mean confidence of completed answers, 0..1.' })
  averageConfidence!: number | null;

  @Field(() => Int, { description: 'Answers whose latest rating in the period is a thumbs up.' })
  thumbsUp!: number;

  @Field(() => Int)
  thumbsDown!: number;

  @Field(() => Float, { nullable: true, description: 'thumbsUp / (thumbsUp + thumbsDown), 0..1; null without ratings.' })
  satisfaction!: number | null;

  @Field(() => Int, { description: 'Conversations handed to a person.' })
  handoffs!: number;

  @Field(() => LatencyPercentiles, { description: 'From the question to the first piece of the answer (answers that produced one).' })
  timeToFirstTokenMs!: LatencyPercentiles;

  @Field(() => LatencyPercentiles, { description: 'From the question to the end of the answer (completed answers).' })
  totalTimeMs!: LatencyPercentiles;
}

@ObjectType({ description: 'Questions in one bucket of a volume series.' })
export class VolumeBucket {
  @Field(() => Date)
  start!: Date;

  @Field(() => Int)
  questions!: number;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int)
  unanswered!: number;

  @Field(() => Int)
  handoffs!: number;
}

@ObjectType({ description: 'Questions that mean the same (clustered by sentence embeddings).' })
export class QuestionCluster {
  @Field(() => String, { description: 'The question closest to the cluster’s centre.' })
  representative!: string;

  @Field(() => Int, { description: 'How many times it was asked in the period.' })
  count!: number;

  @Field(() => Int)
  answered!: number;

  @Field(() => [String], { description: 'Its distinct wordings, most asked first (at most five).' })
  examples!: string[];

  @Field(() => Date)
  lastAskedAt!: Date;
}

@ObjectType({ description: 'A page retrieval found for unanswered questions, though not relevant enough to answer from.' })
export class SuggestedPage {
  @Field(() => String)
  pageUrl!: string;

  @Field(() => String, { description: 'The page with the anchor of its best passage.' })
  url!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => ID)
  sourceId!: string;

  @Field(() => Float, { description: 'Highest cosine relevance of its passages to these questions.' })
  bestRelevance!: number;

  @Field(() => Int, { description: 'Passages of it retrieved for these questions.' })
  retrievals!: number;
}

@ObjectType({
  description:
    'Questions the assistant could not answer (it said it does not know), grouped by meaning, with the pages that came closest: the ones that should have answered them.',
})
export class ContentGap {
  @Field(() => String)
  representative!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [String])
  examples!: string[];

  @Field(() => Date)
  lastAskedAt!: Date;

  @Field(() => [SuggestedPage])
  suggestedPages!: SuggestedPage[];
}

@ObjectType({ description: 'How often one page of a source was cited and retrieved.' })
export class PageCoverage {
  @Field(() => String)
  pageUrl!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Int, { description: 'Answers that cited it.' })
  citations!: number;

  @Field(() => Int, { description: 'Questions for which it was retrieved.' })
  retrievals!: number;

  @Field(() => Date, { nullable: true })
  lastCitedAt!: Date | null;
}

@ObjectType({ description: 'Which pages of a source answers use. Pages never retrieved are not listed (`sourcePages` lists every indexed page).' })
export class SourceCoverage {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => Int, { nullable: true, description: 'Pages its latest completed crawl indexed; null when no crawl was recorded.' })
  pagesIndexed!: number | null;

  @Field(() => Date, { nullable: true })
  lastCrawlAt!: Date | null;

  @Field(() => Int, { description: 'Distinct pages cited at least once in the period.' })
  pagesCited!: number;

  @Field(() => Int, { description: 'Distinct pages retrieved at least once in the period.' })
  pagesRetrieved!: number;

  @Field(() => Float, { nullable: true, description: 'pagesCited / pagesIndexed, 0..1.' })
  coverage!: number | null;

  @Field(() => [PageCoverage], { description: 'Pages cited or retrieved, most cited first.' })
  pages!: PageCoverage[];
}

@ObjectType({ description: 'Requests of one API key through the gateway in a period (counted per hour).' })
export class ApiKeyUsage {
  @Field(() => ID, { description: 'The key (`apiKeys` names it).' })
  apiKeyId!: string;

  @Field(() => String, { description: 'Its role: partner or service.' })
  role!: string;

  @Field(() => Int, { description: 'Requests served.' })
  requests!: number;

  @Field(() => Int, { description: 'Requests refused by the rate limit.' })
  rateLimited!: number;

  @Field(() => Date, { description: 'Start of the first hour with requests.' })
  firstHour!: Date;

  @Field(() => Date, { description: 'Start of the last hour with requests.' })
  lastHour!: Date;
}

@ObjectType({ description: 'Pages of a crawl run that failed for one reason.' })
export class CrawlFailureCount {
  @Field(() => String)
  reason!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A finished crawl run, as recorded for analytics.' })
export class CrawlHistoryEntry {
  @Field(() => ID)
  runId!: string;

  @Field(() => ID)
  sourceId!: string;

  @Field(() => String, { description: 'completed or cancelled.' })
  status!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date)
  finishedAt!: Date;

  @Field(() => Float, { description: 'Wall-clock duration in milliseconds.' })
  durationMs!: number;

  @Field(() => Int)
  discovered!: number;

  @Field(() => Int)
  fetched!: number;

  @Field(() => Int)
  indexed!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  imagesIndexed!: number;

  @Field(() => Int)
  imagesFailed!: number;

  @Field(() => [CrawlFailureCount])
  failedByReason!: CrawlFailureCount[];
}

@ObjectType({ description: 'Today’s counts (UTC day) for live dashboards; the subscription sends them again after every batch of events.' })
export class AnalyticsCounters {
  @Field(() => Date, { description: 'Start of the day counted.' })
  day!: Date;

  @Field(() => Int)
  questions!: number;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int)
  unanswered!: number;

  @Field(() => Int)
  handoffs!: number;

  @Field(() => Int)
  thumbsUp!: number;

  @Field(() => Int)
  thumbsDown!: number;

  @Field(() => Date)
  updatedAt!: Date;
}
