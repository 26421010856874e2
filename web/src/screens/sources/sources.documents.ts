import { graphql } from '../../gql';

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

export const LatestCrawlRunQuery = graphql(`
  query LatestCrawlRun($sourceId: ID!) {
    crawlRuns(sourceId: $sourceId, first: 1) {
      runId
      sourceId
      status
      startedAt
    }
  }
`);

export const SourceQuery = graphql(`
  query Source($id: ID!) {
    source(id: $id) {
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

export const SourcePagesQuery = graphql(`
  query SourcePages($sourceId: ID!, $after: String, $first: Int!) {
    sourcePages(sourceId: $sourceId, after: $after, first: $first) {
      items {
        url
        title
        language
        chunkCount
        lastModified
        indexedAt
      }
      nextCursor
    }
  }
`);

export const SourceImagesQuery = graphql(`
  query SourceImages($sourceId: ID!, $after: String, $first: Int!) {
    sourceImages(sourceId: $sourceId, after: $after, first: $first) {
      items {
        id
        imageUrl
        pageUrl
        alt
        caption
        thumbnailUrl
      }
      nextCursor
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

export const UpdateSourceMutation = graphql(`
  mutation UpdateSource($id: ID!, $input: SourceSettingsInput!) {
    updateSource(id: $id, input: $input) {
      ...SourceFields
    }
  }
`);

export const DeleteSourceMutation = graphql(`
  mutation DeleteSource($id: ID!) {
    deleteSource(id: $id)
  }
`);

export const StartCrawlMutation = graphql(`
  mutation StartCrawl($sourceId: ID!) {
    startCrawl(sourceId: $sourceId) {
      ...CrawlRunFields
    }
  }
`);

export const PauseCrawlMutation = graphql(`
  mutation PauseCrawl($sourceId: ID!) {
    pauseCrawl(sourceId: $sourceId)
  }
`);

export const ResumeCrawlMutation = graphql(`
  mutation ResumeCrawl($sourceId: ID!) {
    resumeCrawl(sourceId: $sourceId)
  }
`);

export const CancelCrawlMutation = graphql(`
  mutation CancelCrawl($sourceId: ID!) {
    cancelCrawl(sourceId: $sourceId)
  }
`);
