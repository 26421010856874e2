import { buildFederatedSchema, systemStatusModule, type ServiceContext } from '@scs/shared';
import type { GraphQLSchema } from 'graphql';

const status = systemStatusModule('analytics');

/**
 * The analytics subgraph: question events, dashboards and content gaps (see the analytics
 * issue). For now it contributes its health to `SystemStatus`.
 */
export function buildAnalyticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<ServiceContext>({ resolvers: [status.SystemStatusResolver], orphanedTypes: [status.SystemStatus] }, status.referenceResolvers);
}
