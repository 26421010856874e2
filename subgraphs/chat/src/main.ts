import {
  baseEnvSchema,
  createLogger,
  createPubSub,
  createRedis,
  databaseCheck,
  databaseEnvSchema,
  gatewayIdentity,
  identityEnvSchema,
  loadConfig,
  openDatabase,
  port,
  redisCheck,
  redisEnvSchema,
  runService,
  startGraphQLService,
} from '@scs/shared';
import { z } from 'zod';
import type { ChatContext } from './context.js';
import { MessageRecord } from './entities/message.entity.js';
import { migrations } from './migrations/index.js';
import { buildChatSchema } from './schema.js';

const envSchema = baseEnvSchema.extend(databaseEnvSchema.shape).extend(redisEnvSchema.shape).extend(identityEnvSchema.shape).extend({
  CHAT_HOST: z.string().default('127.0.0.1'),
  CHAT_PORT: port(4003),
});

runService('chat', async () => {
  const config = loadConfig(envSchema);
  const logger = createLogger('chat', config.LOG_LEVEL);
  const orm = await openDatabase({ url: config.DATABASE_URL, schema: 'chat', entities: [MessageRecord], migrations, logger });
  const pubsub = createPubSub(config.REDIS_URL, 'chat');
  const redis = createRedis(config.REDIS_URL, 'chat:health');
  const dependencyChecks = [databaseCheck(orm), redisCheck(redis)];

  await startGraphQLService<ChatContext>({
    name: 'chat',
    host: config.CHAT_HOST,
    port: config.CHAT_PORT,
    logger,
    apollo: { schema: await buildChatSchema() },
    checks: dependencyChecks,
    authenticate: gatewayIdentity(config.IDENTITY_SIGNING_SECRET),
    context: async ({ correlationId, identity }) => ({ correlationId, identity, dependencyChecks, em: orm.em.fork(), pubsub }),
    onShutdown: async () => {
      await pubsub.close();
      redis.disconnect();
      await orm.close();
    },
  });
});
