// Type-graphql and MikroORM decorators read reflection metadata: load the polyfill before any of them.
import 'reflect-metadata';
import { AnalyticsProducer, analyticsProducerOptions } from '@scs/contracts/analytics-events';
import { createLogger } from '@scs/runtime/logger';
import { createPubSub } from '@scs/runtime/pubsub';
import { createRedis, redisCheck } from '@scs/runtime/redis';
import { databaseCheck, openDatabase } from '@scs/graphql-kit/database';
import { gatewayIdentity, startGraphQLService } from '@scs/graphql-kit/graphql-server';
import { loadConfig } from '@scs/runtime/config';
import { runService } from '@scs/runtime/run-service';
import { AnswerCache } from './answering/answer-cache.js';
import { OpenAiCompatibleModel } from './answering/llm.js';
import { RetrievalClient } from './answering/retrieval-client.js';
import { chatEnvSchema } from './config.js';
import type { ChatContext } from './context.js';
import { ConversationRecord } from './entities/conversation.entity.js';
import { MessageRecord } from './entities/message.entity.js';
import { ChatEvents } from './events/chat-events.js';
import { AnswerRunner } from './generation/answer-runner.js';
import { GenerationManager } from './generation/generation-manager.js';
import { migrations } from './migrations/index.js';
import { buildChatSchema } from './schema.js';

runService('chat', async () => {
  const config = loadConfig(chatEnvSchema);
  const logger = createLogger('chat', config.LOG_LEVEL);
  const orm = await openDatabase({ url: config.DATABASE_URL, schema: 'chat', entities: [ConversationRecord, MessageRecord], migrations, logger });
  const pubsub = createPubSub(config.REDIS_URL, 'chat');
  const redis = createRedis(config.REDIS_URL, 'chat');
  const dependencyChecks = [databaseCheck(orm), redisCheck(redis)];

  const events = new ChatEvents(redis, pubsub);
  const analytics = new AnalyticsProducer(redis, analyticsProducerOptions(config, logger));
  const runner = new AnswerRunner({
    orm,
    events,
    model: new OpenAiCompatibleModel({
      baseURL: config.OPENAI_BASE_URL,
      apiKey: config.OPENAI_API_KEY,
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
    }),
    retrieval: new RetrievalClient(config.KNOWLEDGE_SUBGRAPH_URL, config.IDENTITY_SIGNING_SECRET),
    cache: new AnswerCache(redis, config.CHAT_ANSWER_CACHE_TTL_SECONDS),
    analytics,
    config,
    logger,
  });
  const generations = new GenerationManager({
    orm,
    redis,
    pubsub,
    events,
    runner,
    logger,
    leaseMs: config.CHAT_GENERATION_LEASE_MS,
    sweepIntervalMs: config.CHAT_SWEEP_INTERVAL_MS,
  });
  await generations.start();
  // Origins only: a URL may carry credentials.
  logger.info(
    { llm: new URL(config.OPENAI_BASE_URL).origin, model: config.OPENAI_MODEL, knowledge: new URL(config.KNOWLEDGE_SUBGRAPH_URL).origin },
    'answering configured',
  );

  await startGraphQLService<ChatContext>({
    name: 'chat',
    host: config.CHAT_HOST,
    port: config.CHAT_PORT,
    logger,
    apollo: { schema: await buildChatSchema() },
    checks: dependencyChecks,
    authenticate: gatewayIdentity(config.IDENTITY_SIGNING_SECRET),
    context: async ({ correlationId, identity }) => ({ correlationId, identity, dependencyChecks, em: orm.em.fork(), pubsub, events, generations, analytics }),
    onShutdown: async () => {
      await generations.close();
      await pubsub.close();
      redis.disconnect();
      await orm.close();
    },
  });
});
