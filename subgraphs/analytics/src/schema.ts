import { buildFederatedSchema } from '@scs/graphql-kit/federation';
import { systemStatusModule } from '@scs/graphql-kit/system-status';
import type { GraphQLSchema } from 'graphql';
import type { AnalyticsContext } from './context.js';
import { AnalyticsResolver } from './graphql/analytics.resolver.js';

const status = systemStatusModule('analytics');

/**
 * The analytics subgraph: dashboards over question, feedback, hand-off, crawl and API-usage
 * events, live counters, CSV export. Builds the schema without touching any resource, so the
 * schema generator can call it too.
 */
export function buildAnalyticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<AnalyticsContext>(
    { resolvers: [AnalyticsResolver, status.SystemStatusResolver], orphanedTypes: [status.SystemStatus] },
    status.referenceResolvers,
  );
}
