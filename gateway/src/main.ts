import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { AnalyticsProducer, analyticsProducerOptions, ApiUsageMeter } from '@scs/contracts/analytics-events';
import { createLogger } from '@scs/runtime/logger';
import { createPubSub } from '@scs/runtime/pubsub';
import { createRedis, redisCheck } from '@scs/runtime/redis';
import { loadConfig } from '@scs/runtime/config';
import { runService } from '@scs/runtime/run-service';
import { startGraphQLService, type RunningService } from '@scs/graphql-kit/graphql-server';
import type { DependencyCheck } from '@scs/runtime/health';
import type { Request } from 'express';
import { buildSchema, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { Authenticator } from './auth/authenticator.js';
import { GatewayRateLimits } from './auth/rate-limits.js';
import { UsersInternalClient } from './auth/users-internal-client.js';
import { gatewayEnvSchema } from './config.js';
import type { GatewayContext } from './context.js';
import { httpStatusFromErrors } from './plugins/http-status.js';
import { rejectNulCharacters } from './plugins/input-sanity.js';
import { introspectionGuard } from './plugins/introspection-guard.js';
import { operationLimits } from './plugins/operation-limits.js';
import { mediaProxy } from './media-proxy.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { attachSubscriptionServer } from './subscriptions/subscription-server.js';

const SUBGRAPHS = ['users', 'knowledge', 'chat', 'analytics'] as const;

runService('gateway', async () => {
  const config = loadConfig(gatewayEnvSchema);
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
      return new SubgraphDataSource({ url: target }, config.IDENTITY_SIGNING_SECRET);
    },
  });
  // Subscriptions execute against their own copy of the API schema: Apollo Server wraps the
  // resolvers of the schema it serves in place, which would bypass the event field resolver.
  let subscriptionSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    subscriptionSchema = buildSchema(printSchema(apiSchema));
  });

  const pubsub = createPubSub(config.REDIS_URL, 'gateway');
  const redis = createRedis(config.REDIS_URL, 'gateway');
  const usersClient = new UsersInternalClient(() => {
    const url = subgraphUrls.get('users');
    if (!url) throw new Error('users subgraph URL not known yet');
    return url;
  }, config.IDENTITY_SIGNING_SECRET);
  const authenticator = new Authenticator(redis, usersClient, config.AUTH_JWT_SECRET);
  const rateLimits = new GatewayRateLimits(redis, config);
  const limits = operationLimits(config);
  // Requests per API key, counted in memory and sent to analytics now and then (never on the request's path).
  const apiUsage = new ApiUsageMeter(new AnalyticsProducer(redis, analyticsProducerOptions(config, logger)), config.ANALYTICS_API_USAGE_FLUSH_MS, logger);
  apiUsage.start();

  const clientIp = (req: Pick<Request, 'headers' | 'socket'>): string => {
    const forwarded = config.GATEWAY_TRUST_PROXY
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  };

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
    apollo: {
      gateway,
      introspection: true,
      validationRules: limits.validationRules,
      // The token limit at parse time: a too-long document is a 400 syntax error, like any other.
      parseOptions: { maxTokens: config.OPERATION_MAX_TOKENS },
      status400ForVariableCoercionErrors: true,
      plugins: [
        ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
        introspectionGuard(),
        rejectNulCharacters(),
        httpStatusFromErrors(),
        closeSubscriptions,
      ],
    },
    // Never "Did you mean …?": reading the schema is introspection's, under its policy (see SCHEMA_INTROSPECTION).
    hideSuggestions: true,
    checks: [redisCheck(redis), ...subgraphChecks],
    authenticate: async (req) => {
      const identity = await authenticator.authenticate(
        { authorization: req.headers.authorization, apiKey: req.headers['x-api-key'] as string | undefined },
        clientIp(req),
      );
      try {
        await rateLimits.consume(identity);
      } catch (error) {
        if ((error as { extensions?: { code?: unknown } }).extensions?.code === 'RATE_LIMITED') apiUsage.count(identity, 'rate_limited');
        throw error;
      }
      apiUsage.count(identity, 'served');
      return identity;
    },
    context: async ({ correlationId, identity }) => ({ correlationId, identity }),
    routes: (app) => mediaProxy(app, { knowledgeUrl: () => subgraphUrls.get('knowledge'), logger }),
    onHttpServer: (server) => {
      subscriptions = attachSubscriptionServer({
        server,
        path: '/graphql',
        pubsub,
        logger,
        authenticator,
        rateLimits,
        validationRules: limits.validationRules,
        maxTokens: config.OPERATION_MAX_TOKENS,
        limits: {
          maxPayloadBytes: config.WS_MAX_PAYLOAD_BYTES,
          maxSubscriptionsPerSocket: config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
          maxSubscriptionsPerPrincipal: config.WS_MAX_SUBSCRIPTIONS_PER_PRINCIPAL,
          maxSocketsPerPrincipal: config.WS_MAX_SOCKETS_PER_PRINCIPAL,
          maxSocketsPerIp: config.WS_MAX_SOCKETS_PER_IP,
        },
        clientIp,
        hideSuggestions: true,
        schema: () => subscriptionSchema,
        executeOperation,
      });
    },
    onShutdown: async () => {
      await apiUsage.stop();
      await pubsub.close();
      redis.disconnect();
    },
  });
});
