import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  baseEnvSchema,
  createLogger,
  createPubSub,
  createRedis,
  loadConfig,
  port,
  redisCheck,
  redisEnvSchema,
  runService,
  startGraphQLService,
  type DependencyCheck,
  type RunningService,
} from '@scs/shared';
import { buildSchema, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import type { GatewayContext } from './context.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { attachSubscriptionServer } from './subscriptions/subscription-server.js';

const SUBGRAPHS = ['users', 'knowledge', 'chat', 'analytics'] as const;

const envSchema = baseEnvSchema.extend(redisEnvSchema.shape).extend({
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: port(4000),
  /** The composed supergraph checked in under schema/. */
  SUPERGRAPH_PATH: z.string().default(resolve(__dirname, '../../schema/supergraph.graphql')),
  /** Optional per-subgraph URL overrides; without them the URLs written in the supergraph are used. */
  SUBGRAPH_USERS_URL: z.url().optional(),
  SUBGRAPH_KNOWLEDGE_URL: z.url().optional(),
  SUBGRAPH_CHAT_URL: z.url().optional(),
  SUBGRAPH_ANALYTICS_URL: z.url().optional(),
});

runService('gateway', async () => {
  const config = loadConfig(envSchema);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const supergraphSdl = await readFile(config.SUPERGRAPH_PATH, 'utf8');
  const overrides: Record<string, string | undefined> = {
    users: config.SUBGRAPH_USERS_URL,
    knowledge: config.SUBGRAPH_KNOWLEDGE_URL,
    chat: config.SUBGRAPH_CHAT_URL,
    analytics: config.SUBGRAPH_ANALYTICS_URL,
  };
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = overrides[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      subgraphUrls.set(name, target);
      return new SubgraphDataSource({ url: target });
    },
  });
  // Subscriptions execute against their own copy of the API schema: Apollo Server wraps the
  // resolvers of the schema it serves in place, which would bypass the event field resolver.
  let subscriptionSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    subscriptionSchema = buildSchema(printSchema(apiSchema));
  });

  const pubsub = createPubSub(config.REDIS_URL, 'gateway');
  const redis = createRedis(config.REDIS_URL, 'gateway:health');
  const subgraphChecks: DependencyCheck[] = SUBGRAPHS.map((name) => ({
    name: `subgraph:${name}`,
    check: async () => {
      const url = subgraphUrls.get(name);
      if (!url) throw new Error('not configured');
      const response = await fetch(new URL('/healthz', url));
      if (!response.ok) throw new Error(`answered ${response.status}`);
    },
  }));

  let service: RunningService<GatewayContext> | undefined;
  const executeOperation = async (
    request: { query: string; variables?: Record<string, unknown>; operationName?: string },
    contextValue: GatewayContext,
  ): Promise<ExecutionResult> => {
    if (!service) throw new Error('gateway not started');
    const response = await service.apollo.executeOperation(request, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported over WebSocket');
    return response.body.singleResult as ExecutionResult;
  };

  let subscriptions: ReturnType<typeof attachSubscriptionServer> | undefined;
  const closeSubscriptions: ApolloServerPlugin<GatewayContext> = {
    async serverWillStart() {
      return { drainServer: async () => subscriptions?.dispose() };
    },
  };

  service = await startGraphQLService<GatewayContext>({
    name: 'gateway',
    host: config.GATEWAY_HOST,
    port: config.GATEWAY_PORT,
    logger,
    apollo: { gateway, plugins: [closeSubscriptions] },
    checks: [redisCheck(redis), ...subgraphChecks],
    context: async ({ correlationId }) => ({ correlationId }),
    onHttpServer: (server) => {
      subscriptions = attachSubscriptionServer({ server, path: '/graphql', pubsub, logger, schema: () => subscriptionSchema, executeOperation });
    },
    onShutdown: async () => {
      await pubsub.close();
      redis.disconnect();
    },
  });
});
