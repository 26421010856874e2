// Type-graphql and MikroORM decorators read reflection metadata: load the polyfill before any of them.
import 'reflect-metadata';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { AuditEntryRecord } from '@scs/graphql-kit/auth/audit-entry.entity';
import { baseEnvSchema, databaseEnvSchema, identityEnvSchema, loadConfig, port, redisEnvSchema, temporalEnvSchema } from '@scs/runtime/config';
import { createRedis, redisCheck } from '@scs/runtime/redis';
import { createLogger } from '@scs/runtime/logger';
import { databaseCheck, openDatabase } from '@scs/graphql-kit/database';
import { gatewayIdentity, startGraphQLService } from '@scs/graphql-kit/graphql-server';
import { runService } from '@scs/runtime/run-service';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { createEmbedder } from '@scs/embedding/embedder';
import { embedderConfigFromEnv, embeddingEnvSchema } from '@scs/embedding/config';
import { temporalClientInterceptors } from './crawling/temporal-client-interceptors.js';
import { z } from 'zod';
import type { KnowledgeContext } from './context.js';
import { openSearchCheck, temporalCheck } from './dependencies.js';
import { SourceRecord } from './entities/source.entity.js';
import { migrations } from './migrations/index.js';
import { HybridSearch } from './retrieval/hybrid-search.js';
import { createMediaUrls } from './retrieval/media-urls.js';
import { thumbnailRoute } from './retrieval/thumbnail-route.js';
import { searchEnvSchema, searchSettingsFromEnv } from './retrieval/search-settings.js';
import { buildKnowledgeSchema } from './schema.js';
import { taskQueues } from '@scs/contracts/crawl';
import { urlPolicyEnvSchema, urlPolicyFromEnv } from '@scs/runtime/url-policy';

const envSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(identityEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(temporalEnvSchema.shape)
  .extend(embeddingEnvSchema.shape)
  .extend(searchEnvSchema.shape)
  // The crawler's own URL policy: start URLs it would refuse to fetch are refused when a source is saved.
  .extend(urlPolicyEnvSchema.shape)
  .extend({
    KNOWLEDGE_HOST: z.string().default('127.0.0.1'),
    KNOWLEDGE_PORT: port(4002),
    OPENSEARCH_URL: z.url({ protocol: /^https?$/ }),
    TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:58233'),
  });

runService('knowledge', async () => {
  const config = loadConfig(envSchema);
  const logger = createLogger('knowledge', config.LOG_LEVEL);
  const orm = await openDatabase({ url: config.DATABASE_URL, schema: 'knowledge', entities: [SourceRecord, AuditEntryRecord], migrations, logger });
  const openSearch = new OpenSearchClient({ node: config.OPENSEARCH_URL, requestTimeout: 10_000 });
  // Lazy: the service starts while Temporal is still coming up; readiness says when it answers.
  const temporal = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  const temporalClient = new TemporalClient({ connection: temporal, namespace: config.TEMPORAL_NAMESPACE, interceptors: temporalClientInterceptors() });
  // Queries are embedded in process (one short text: no round trip to the embedding worker).
  const embedder = createEmbedder(embedderConfigFromEnv(config), logger);
  await embedder.load();
  await HybridSearch.ensurePipeline(openSearch);
  const search = new HybridSearch(openSearch, embedder, searchSettingsFromEnv(config));
  const mediaUrls = createMediaUrls(config.IDENTITY_SIGNING_SECRET);
  const urlPolicy = urlPolicyFromEnv(config);
  const redis = createRedis(config.REDIS_URL, 'knowledge');
  const dependencyChecks = [databaseCheck(orm), redisCheck(redis), openSearchCheck(openSearch), temporalCheck(temporal)];

  await startGraphQLService<KnowledgeContext>({
    name: 'knowledge',
    host: config.KNOWLEDGE_HOST,
    port: config.KNOWLEDGE_PORT,
    logger,
    apollo: { schema: await buildKnowledgeSchema() },
    checks: dependencyChecks,
    routes: (app) => thumbnailRoute(app, { em: () => orm.em.fork(), mediaUrls, logger }),
    authenticate: gatewayIdentity(config.IDENTITY_SIGNING_SECRET),
    context: async ({ correlationId, identity }) => ({
      correlationId,
      identity,
      dependencyChecks,
      em: orm.em.fork(),
      openSearch,
      temporal: temporalClient,
      temporalNamespace: config.TEMPORAL_NAMESPACE,
      ingestionTaskQueue: taskQueues(config.TEMPORAL_TASK_QUEUE_PREFIX).ingestion,
      temporalUiUrl: config.TEMPORAL_UI_URL,
      redis,
      search,
      mediaUrls,
      urlPolicy,
    }),
    onShutdown: async () => {
      await embedder.dispose();
      redis.disconnect();
      await openSearch.close();
      await temporal.close();
      await orm.close();
    },
  });
});
