import { graphql } from '../../gql';

export const AnalyticsOverviewFiguresQuery = graphql(`
  query AnalyticsOverviewFigures($period: AnalyticsPeriod!, $sourceId: ID) {
    analyticsOverview(period: $period, sourceId: $sourceId) {
      from
      to
      sourceId
      questions
      answered
      unanswered
      failed
      answerRate
      cacheHits
      conversations
      averageConfidence
      thumbsUp
      thumbsDown
      satisfaction
      handoffs
      timeToFirstTokenMs {
        p50
        p95
      }
      totalTimeMs {
        p50
        p95
      }
    }
  }
`);

export const AnalyticsVolumeQuery = graphql(`
  query AnalyticsVolume($period: AnalyticsPeriod!, $interval: VolumeInterval!, $sourceId: ID) {
    questionVolume(period: $period, interval: $interval, sourceId: $sourceId) {
      start
      questions
      answered
      unanswered
      handoffs
    }
  }
`);

export const AnalyticsTopQuestionsQuery = graphql(`
  query AnalyticsTopQuestions($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {
    topQuestions(period: $period, sourceId: $sourceId, limit: $limit) {
      representative
      count
      answered
      examples
      lastAskedAt
    }
  }
`);

export const AnalyticsContentGapsQuery = graphql(`
  query AnalyticsContentGaps($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!, $pagesPerGap: Int!) {
    contentGaps(period: $period, sourceId: $sourceId, limit: $limit, pagesPerGap: $pagesPerGap) {
      representative
      count
      examples
      lastAskedAt
      suggestedPages {
        pageUrl
        url
        title
        sourceId
        bestRelevance
        retrievals
      }
    }
  }
`);

export const AnalyticsSourceCoverageQuery = graphql(`
  query AnalyticsSourceCoverage($period: AnalyticsPeriod!, $sourceId: ID!, $limit: Int!) {
    sourceCoverage(period: $period, sourceId: $sourceId, limit: $limit) {
      sourceId
      pagesIndexed
      lastCrawlAt
      pagesCited
      pagesRetrieved
      coverage
      pages {
        pageUrl
        title
        citations
        retrievals
        lastCitedAt
      }
    }
  }
`);

export const AnalyticsApiUsageQuery = graphql(`
  query AnalyticsApiUsage($period: AnalyticsPeriod!) {
    apiUsage(period: $period) {
      apiKeyId
      role
      requests
      rateLimited
      firstHour
      lastHour
    }
  }
`);

/** Names for the API usage table (needs `apikey:manage`; without it keys are shown by id). */
export const AnalyticsApiKeyNamesQuery = graphql(`
  query AnalyticsApiKeyNames {
    apiKeys {
      id
      name
      prefix
    }
  }
`);

export const AnalyticsCrawlHistoryQuery = graphql(`
  query AnalyticsCrawlHistory($period: AnalyticsPeriod!, $sourceId: ID, $limit: Int!) {
    crawlHistory(period: $period, sourceId: $sourceId, limit: $limit) {
      runId
      sourceId
      status
      startedAt
      finishedAt
      durationMs
      discovered
      fetched
      indexed
      skipped
      failed
      imagesIndexed
      imagesFailed
      failedByReason {
        reason
        count
      }
    }
  }
`);

export const AnalyticsExportCsvQuery = graphql(`
  query AnalyticsExportCsv($period: AnalyticsPeriod!, $sourceId: ID, $report: AnalyticsReport!) {
    exportAnalyticsCsv(period: $period, sourceId: $sourceId, report: $report)
  }
`);

export const AnalyticsCounterFields = graphql(`
  fragment AnalyticsCounterFields on AnalyticsCounters {
    day
    questions
    answered
    unanswered
    handoffs
    thumbsUp
    thumbsDown
    updatedAt
  }
`);

export const AnalyticsCountersTodayQuery = graphql(`
  query AnalyticsCountersToday {
    analyticsCounters {
      ...AnalyticsCounterFields
    }
  }
`);

export const AnalyticsCountersLiveSubscription = graphql(`
  subscription AnalyticsCountersLive {
    analyticsCounters {
      ...AnalyticsCounterFields
    }
  }
`);

/** The source picker and the names in the crawl history (needs `source:read`). */
export const AnalyticsSourcesQuery = graphql(`
  query AnalyticsSources($first: Int!) {
    sources(first: $first) {
      id
      name
      startUrl
    }
  }
`);
