import { graphql } from '../../gql';

// Sources as the sources screens and the first-run screen read, add and crawl them; live progress
// is followed by composables/useCrawlProgress.ts.

export const SourceFields = graphql(`
  fragment SourceFields on Source {
    id
    name
    startUrl
    scope
    includePatterns
    excludePatterns
    maxDepth
    maxPages
    useSitemap
    jsRendering
    recrawlSchedule
    accessRoles
    createdAt
    updatedAt
  }
`);

export const CrawlProgressFields = graphql(`
  fragment CrawlProgressFields on CrawlProgress {
    sourceId
    runId
    status
    discovered
    fetched
    indexed
    skipped
    failed
    skippedByReason {
      reason
      count
    }
    failedByReason {
      reason
      count
    }
    imagesIndexed
    imagesFailed
    imagesFailedByReason {
      reason
      count
    }
  }
`);

export const CrawlRunFields = graphql(`
  fragment CrawlRunFields on CrawlRun {
    runId
    sourceId
    status
    startedAt
    closedAt
    temporalUiUrl
    progress {
      ...CrawlProgressFields
    }
  }
`);

export const SourcesQuery = graphql(`
  query Sources($first: Int!) {
    sources(first: $first) {
      ...SourceFields
    }
  }
`);

export const CrawlRunsQuery = graphql(`
  query CrawlRuns($sourceId: ID!, $first: Int!) {
    crawlRuns(sourceId: $sourceId, first: $first) {
      ...CrawlRunFields
    }
  }
`);

export const CrawlProgressSubscription = graphql(`
  subscription CrawlProgress($sourceId: ID!) {
    crawlProgress(sourceId: $sourceId) {
      ...CrawlProgressFields
    }
  }
`);

export const AddSourceMutation = graphql(`
  mutation AddSource($input: AddSourceInput!) {
    addSource(input: $input) {
      ...SourceFields
    }
  }
`);

export const StartCrawlMutation = graphql(`
  mutation StartCrawl($sourceId: ID!) {
    startCrawl(sourceId: $sourceId) {
      ...CrawlRunFields
    }
  }
`);
