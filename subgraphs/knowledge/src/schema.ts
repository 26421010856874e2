import { buildFederatedSchema } from '@scs/graphql-kit/federation';
import { systemStatusModule } from '@scs/graphql-kit/system-status';
import type { GraphQLSchema } from 'graphql';
import type { KnowledgeContext } from './context.js';
import { CrawlResolver } from './graphql/crawl.resolver.js';
import { SearchResolver } from './graphql/search.resolver.js';
import { SourceContentResolver } from './graphql/source-content.resolver.js';
import { SourceResolver } from './graphql/source.resolver.js';

const status = systemStatusModule('knowledge');

/**
 * The knowledge subgraph: sources (websites to learn from), their crawls and search. Builds the
 * schema without touching any resource, so the schema generator can call it too.
 */
export function buildKnowledgeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<KnowledgeContext>(
    { resolvers: [SourceResolver, SourceContentResolver, CrawlResolver, SearchResolver, status.SystemStatusResolver], orphanedTypes: [status.SystemStatus] },
    status.referenceResolvers,
  );
}
