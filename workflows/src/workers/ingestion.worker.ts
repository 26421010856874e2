import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { AnalyticsProducer, analyticsEnvSchema, analyticsProducerOptions } from '@scs/contracts/analytics-events';
import { baseEnvSchema, databaseEnvSchema, loadConfig, port, redisEnvSchema, temporalEnvSchema, knowledgeIndexEnvSchema } from '@scs/runtime/config';
import { createLogger } from '@scs/runtime/logger';
import { createPubSub } from '@scs/runtime/pubsub';
import { createRedis, redisCheck } from '@scs/runtime/redis';
import { ensureKnowledgeIndex } from '@scs/contracts/knowledge-index';
import { runService } from '@scs/runtime/run-service';
import { shutdownTracing } from '@scs/runtime/observability/tracing';
import { startHealthServer } from '@scs/runtime/health-server';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { z } from 'zod';
import { createCrawlActivities } from '../crawl/activities/index.js';
import { taskQueues } from '@scs/contracts/crawl';
import { createPoliteness, createRobots, urlPolicyEnvSchema, urlPolicyFromEnv, type UrlPolicy } from '../fetching/index.js';
import { createThumbnailStore } from '../images/index.js';
import { pollTaskQueueBacklog, workerObservability } from '../observability/index.js';
import { createBrowserPool } from '../rendering/index.js';

const envSchema = baseEnvSchema
  .extend(urlPolicyEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(databaseEnvSchema.shape)
  .extend(temporalEnvSchema.shape)
  .extend(knowledgeIndexEnvSchema.shape)
  .extend(analyticsEnvSchema.shape)
  .extend({
    INGESTION_WORKER_HOST: z.string().default('127.0.0.1'),
    /** Health endpoints only (/healthz, /readyz); the worker itself polls Temporal. */
    INGESTION_WORKER_PORT: port(4010),
    /** Identifies the crawler to websites (robots.txt groups match its first word). */
    CRAWLER_USER_AGENT: z.string().min(3).default('SCSBot/0.1 (+https://github.com/smart-customer-support)'),
    CRAWLER_MAX_PAGE_BYTES: z.coerce
      .number()
      .int()
      .min(10_000)
      .default(5 * 1024 * 1024),
    CRAWLER_MAX_CONCURRENT_PER_HOST: z.coerce.number().int().min(1).default(2),
    CRAWLER_MIN_DELAY_MS: z.coerce.number().int().min(0).default(500),
    /** Images fetched per page, the largest image file, and the most pixels an image may declare (decompression bombs). */
    CRAWLER_MAX_IMAGES_PER_PAGE: z.coerce.number().int().min(0).max(200).default(20),
    CRAWLER_MAX_IMAGE_BYTES: z.coerce
      .number()
      .int()
      .min(10_000)
      .default(10 * 1024 * 1024),
    CRAWLER_MAX_IMAGE_PIXELS: z.coerce.number().int().min(10_000).default(40_000_000),
    /** Chromium for JavaScript-rendered pages (Debian's; Puppeteer never downloads one), and pages rendered at once. */
    PUPPETEER_EXECUTABLE_PATH: z.string().min(1).default('/usr/bin/chromium'),
    CRAWLER_MAX_BROWSER_PAGES: z.coerce.number().int().min(1).default(2),
  });

/** The worker of the `ingestion` task queue: the crawl workflow and its fetch, parse and image activities. */
runService('ingestion-worker', async () => {
  const config = loadConfig(envSchema);
  const logger = createLogger('ingestion-worker', config.LOG_LEVEL);
  const redis = createRedis(config.REDIS_URL, 'ingestion-worker');
  const pubsub = createPubSub(config.REDIS_URL, 'ingestion-worker');
  const openSearch = new OpenSearchClient({ node: config.OPENSEARCH_URL, requestTimeout: 30_000 });
  await ensureKnowledgeIndex(openSearch, { textDimensions: config.TEXT_EMBEDDING_DIMENSIONS, imageDimensions: config.IMAGE_EMBEDDING_DIMENSIONS });
  const urlPolicy: UrlPolicy = urlPolicyFromEnv(config);
  // Thumbnails only: a small pool is plenty (one insert per new image).
  const database = new Pool({ connectionString: config.DATABASE_URL, max: 4 });
  const browsers = createBrowserPool({ executablePath: config.PUPPETEER_EXECUTABLE_PATH, maxPages: config.CRAWLER_MAX_BROWSER_PAGES });
  const activities = createCrawlActivities({
    browsers,
    redis,
    analytics: new AnalyticsProducer(redis, analyticsProducerOptions(config, logger)),
    pubsub,
    openSearch,
    urlPolicy,
    userAgent: config.CRAWLER_USER_AGENT,
    logger,
    maxPageBytes: config.CRAWLER_MAX_PAGE_BYTES,
    thumbnails: createThumbnailStore(database),
    maxImagesPerPage: config.CRAWLER_MAX_IMAGES_PER_PAGE,
    maxImageBytes: config.CRAWLER_MAX_IMAGE_BYTES,
    maxImagePixels: config.CRAWLER_MAX_IMAGE_PIXELS,
    robots: createRobots({ redis, userAgent: config.CRAWLER_USER_AGENT, fetch: { policy: urlPolicy } }),
    politeness: createPoliteness({
      redis,
      maxConcurrentPerHost: config.CRAWLER_MAX_CONCURRENT_PER_HOST,
      minDelayMs: config.CRAWLER_MIN_DELAY_MS,
    }),
  });

  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const health = await startHealthServer({
    name: 'ingestion-worker',
    host: config.INGESTION_WORKER_HOST,
    port: config.INGESTION_WORKER_PORT,
    logger,
    checks: [
      redisCheck(redis),
      { name: 'postgres', check: async () => void (await database.query('select 1')) },
      { name: 'opensearch', check: async () => void (await openSearch.cluster.health({})) },
      { name: 'temporal', check: async () => void (await connection.workflowService.getSystemInfo({})) },
    ],
  });
  const taskQueue = taskQueues(config.TEMPORAL_TASK_QUEUE_PREFIX).ingestion;
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowsPath: require.resolve('../workflows.js'),
    activities,
    ...workerObservability({ workflows: true }),
  });
  const stopBacklog = pollTaskQueueBacklog({ connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue, taskTypes: ['workflow', 'activity'], logger });
  logger.info({ taskQueue }, 'ingestion worker started');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => worker.shutdown());
  await worker.run();
  stopBacklog();
  health.close();
  await shutdownTracing();
  await browsers.close();
  await database.end();
  await connection.close();
  await pubsub.close();
  redis.disconnect();
  await openSearch.close();
  logger.info('ingestion worker stopped');
});
