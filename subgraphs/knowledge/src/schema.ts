import { buildFederatedSchema, systemStatusModule, type ServiceContext } from '@scs/shared';
import type { GraphQLSchema } from 'graphql';

const status = systemStatusModule('knowledge');

/**
 * The knowledge subgraph: sources, crawls and search (see the ingestion issue). For now it
 * contributes its health, which covers OpenSearch and Temporal, to `SystemStatus`.
 */
export function buildKnowledgeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<ServiceContext>({ resolvers: [status.SystemStatusResolver], orphanedTypes: [status.SystemStatus] }, status.referenceResolvers);
}
