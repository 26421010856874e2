import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { baseEnvSchema, ConfigError, loadConfig, port, redisEnvSchema, temporalEnvSchema, knowledgeIndexEnvSchema } from '@scs/runtime/config';
import { createLogger } from '@scs/runtime/logger';
import { createRedis, redisCheck } from '@scs/runtime/redis';
import { ensureKnowledgeIndex } from '@scs/contracts/knowledge-index';
import { runService } from '@scs/runtime/run-service';
import { shutdownTracing } from '@scs/runtime/observability/tracing';
import { startHealthServer } from '@scs/runtime/health-server';
import { NativeConnection, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { createPageIndexingActivities } from '../crawl/activities/index.js';
import { taskQueues } from '@scs/contracts/crawl';
import { createEmbedder } from '@scs/embedding/embedder';
import { createEmbeddingActivities } from '../embedding/activities.js';
import { embedderConfigFromEnv, embeddingEnvSchema } from '@scs/embedding/config';
import { pollTaskQueueBacklog, workerObservability } from '../observability/index.js';

const envSchema = baseEnvSchema
  .extend(embeddingEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(temporalEnvSchema.shape)
  .extend(knowledgeIndexEnvSchema.shape)
  .extend({
    EMBEDDING_WORKER_HOST: z.string().default('127.0.0.1'),
    /** Health endpoints only (/healthz, /readyz); the worker itself polls Temporal. */
    EMBEDDING_WORKER_PORT: port(4011),
    /** Activities run at once (each uses every core onnxruntime is given, so keep it small on CPU). */
    EMBEDDING_WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  });

/**
 * The worker of the `embedding` task queue: activities only (text and CLIP embeddings, and the
 * crawl's embed-and-index step, which runs next to the models), no workflows.
 */
runService('embedding-worker', async () => {
  const config = loadConfig(envSchema);
  const logger = createLogger('embedding-worker', config.LOG_LEVEL);
  const embedderConfig = embedderConfigFromEnv(config);
  if (!config.EMBEDDING_ALLOW_REMOTE_MODELS) {
    const missing = [config.TEXT_EMBEDDING_MODEL, config.IMAGE_EMBEDDING_MODEL]
      .map((id) => path.join(embedderConfig.modelsDir, id))
      .filter((dir) => !existsSync(path.join(dir, 'config.json')));
    if (missing.length > 0) {
      throw new ConfigError(
        missing.map((dir) => `EMBEDDING_MODELS_DIR: no model at ${dir} (run infra/models/provision-models, or set EMBEDDING_ALLOW_REMOTE_MODELS=true)`),
      );
    }
  }
  const embedder = createEmbedder(embedderConfig, logger);
  const redis = createRedis(config.REDIS_URL, 'embedding-worker');
  const openSearch = new OpenSearchClient({ node: config.OPENSEARCH_URL, requestTimeout: 60_000 });
  await ensureKnowledgeIndex(openSearch, { textDimensions: config.TEXT_EMBEDDING_DIMENSIONS, imageDimensions: config.IMAGE_EMBEDDING_DIMENSIONS });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const health = await startHealthServer({
    name: 'embedding-worker',
    host: config.EMBEDDING_WORKER_HOST,
    port: config.EMBEDDING_WORKER_PORT,
    logger,
    checks: [
      redisCheck(redis),
      { name: 'opensearch', check: async () => void (await openSearch.cluster.health({})) },
      { name: 'temporal', check: async () => void (await connection.workflowService.getSystemInfo({})) },
      {
        name: 'models',
        check: async () => {
          if (!embedder.loaded()) throw new Error('loading');
          return `${config.TEXT_EMBEDDING_MODEL}, ${config.IMAGE_EMBEDDING_MODEL} on ${embedder.device().device}`;
        },
      },
    ],
  });

  let worker: Worker | undefined;
  const stop = async () => {
    if (worker) return worker.shutdown();
    // still loading the models: nothing is running yet
    health.close();
    await connection.close();
    logger.info('embedding worker stopped before it started');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());

  // Poll for tasks only once the models are loaded, so no activity waits for them.
  const started = performance.now();
  await embedder.load();
  logger.info({ ms: Math.round(performance.now() - started), device: embedder.device() }, 'embedding models loaded');

  const embedding = createEmbeddingActivities(embedder);
  const taskQueue = taskQueues(config.TEMPORAL_TASK_QUEUE_PREFIX).embedding;
  worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue,
    activities: { ...embedding, ...createPageIndexingActivities({ redis, openSearch, embedder: embedding }) },
    maxConcurrentActivityTaskExecutions: config.EMBEDDING_WORKER_CONCURRENCY,
    shutdownGraceTime: '10s',
    ...workerObservability({ workflows: false }),
  });
  const stopBacklog = pollTaskQueueBacklog({ connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue, taskTypes: ['activity'], logger });
  logger.info({ taskQueue, concurrency: config.EMBEDDING_WORKER_CONCURRENCY }, 'embedding worker started');
  await worker.run();
  stopBacklog();
  health.close();
  await shutdownTracing();
  await embedder.dispose();
  await connection.close();
  redis.disconnect();
  await openSearch.close();
  logger.info('embedding worker stopped');
});
