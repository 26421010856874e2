// Type-graphql and MikroORM decorators read reflection metadata: load the polyfill before any of them.
import 'reflect-metadata';
import { hostname } from 'node:os';
import { createLogger } from '@scs/runtime/logger';
import { createRedis, redisCheck } from '@scs/runtime/redis';
import { databaseCheck, openDatabase } from '@scs/graphql-kit/database';
import { gatewayIdentity, startGraphQLService } from '@scs/graphql-kit/graphql-server';
import { loadConfig } from '@scs/runtime/config';
import { runService } from '@scs/runtime/run-service';
import { createEmbedder } from '@scs/embedding/embedder';
import { embedderConfigFromEnv } from '@scs/embedding/config';
import { analyticsServiceEnvSchema } from './config.js';
import type { AnalyticsContext } from './context.js';
import { CrawlRunRecord } from './entities/crawl-run.entity.js';
import { StreamConsumer } from './ingest/stream-consumer.js';
import { publishCounters } from './live-counters.js';
import { migrations } from './migrations/index.js';
import { AnalyticsQueries } from './queries/analytics-queries.js';
import { buildAnalyticsSchema } from './schema.js';
import { EventStore } from './storage/event-store.js';
import { Partitions } from './storage/partitions.js';

runService('analytics', async () => {
  const config = loadConfig(analyticsServiceEnvSchema);
  const logger = createLogger('analytics', config.LOG_LEVEL);
  const orm = await openDatabase({ url: config.DATABASE_URL, schema: 'analytics', entities: [CrawlRunRecord], migrations, logger, poolSize: 5 });
  const redis = createRedis(config.REDIS_URL, 'analytics');
  // Reads block on this one.
  const streamRedis = createRedis(config.REDIS_URL, 'analytics:stream');
  const dependencyChecks = [databaseCheck(orm), redisCheck(redis)];
  const clustering = { similarity: config.ANALYTICS_CLUSTER_SIMILARITY, maxQuestions: config.ANALYTICS_CLUSTER_MAX_QUESTIONS };
  const queriesFor = (em: ReturnType<typeof orm.em.fork>) => new AnalyticsQueries(em, clustering);

  const partitions = new Partitions(orm, config.ANALYTICS_RETENTION_DAYS, logger);
  const maintain = async () => {
    try {
      await partitions.refresh();
      await partitions.ensureAhead();
      await partitions.dropExpired();
    } catch (error) {
      logger.warn({ err: error }, 'analytics partition maintenance failed; trying again at the next interval');
    }
  };
  await partitions.refresh();
  await partitions.ensureAhead();
  await maintain();
  const maintenance = setInterval(() => void maintain(), config.ANALYTICS_MAINTENANCE_INTERVAL_MS);
  maintenance.unref();

  // Standalone questions are embedded in process (MiniLM, loaded on first use) for clustering.
  const embedder = createEmbedder(embedderConfigFromEnv(config), logger);
  const store = new EventStore(orm, partitions, embedder, logger);
  const consumer = new StreamConsumer({
    redis: streamRedis,
    stream: config.ANALYTICS_STREAM,
    group: config.ANALYTICS_CONSUMER_GROUP,
    consumer: config.ANALYTICS_CONSUMER_NAME ?? `${hostname()}:${config.ANALYTICS_PORT}`,
    batchSize: config.ANALYTICS_BATCH_SIZE,
    blockMs: config.ANALYTICS_BLOCK_MS,
    claimIdleMs: config.ANALYTICS_CLAIM_IDLE_MS,
    store: (events) => store.store(events),
    onStored: (result) =>
      publishCounters(
        result.organizations.keys(),
        queriesFor,
        () => orm.em.fork(),
        async (topic, event) => void (await redis.publish(topic, JSON.stringify(event))),
      ),
    logger,
  });
  await consumer.start();
  logger.info(
    { stream: config.ANALYTICS_STREAM, group: config.ANALYTICS_CONSUMER_GROUP, retentionDays: config.ANALYTICS_RETENTION_DAYS },
    'reading analytics events',
  );

  await startGraphQLService<AnalyticsContext>({
    name: 'analytics',
    host: config.ANALYTICS_HOST,
    port: config.ANALYTICS_PORT,
    logger,
    apollo: { schema: await buildAnalyticsSchema() },
    checks: dependencyChecks,
    authenticate: gatewayIdentity(config.IDENTITY_SIGNING_SECRET),
    context: async ({ correlationId, identity }) => {
      const em = orm.em.fork();
      return { correlationId, identity, dependencyChecks, em, queries: queriesFor(em), retentionDays: config.ANALYTICS_RETENTION_DAYS };
    },
    onShutdown: async () => {
      clearInterval(maintenance);
      // The batch being written is finished and acknowledged; nothing read is lost either way.
      await consumer.stop();
      logger.info({ ...consumer.stats }, 'analytics consumer stopped');
      streamRedis.disconnect();
      redis.disconnect();
      await embedder.dispose();
      await orm.close();
    },
  });
});
