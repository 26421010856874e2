import { graphql } from '../../gql';

// What only the sources screens ask. Listing sources and runs, live progress, adding and crawling
// (also the first-run screen's): graphql/documents/source.documents.ts.

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
