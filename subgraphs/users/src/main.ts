import {
  baseEnvSchema,
  createLogger,
  databaseCheck,
  databaseEnvSchema,
  loadConfig,
  openDatabase,
  port,
  runService,
  startGraphQLService,
} from '@scs/shared';
import DataLoader from 'dataloader';
import { z } from 'zod';
import type { UsersContext } from './context.js';
import { UserRecord } from './entities/user.entity.js';
import { migrations } from './migrations/index.js';
import { buildUsersSchema } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const envSchema = baseEnvSchema.extend(databaseEnvSchema.shape).extend({
  USERS_HOST: z.string().default('127.0.0.1'),
  USERS_PORT: port(4001),
});

runService('users', async () => {
  const config = loadConfig(envSchema);
  const logger = createLogger('users', config.LOG_LEVEL);
  const orm = await openDatabase({ url: config.DATABASE_URL, schema: 'users', entities: [UserRecord], migrations, logger });
  const dependencyChecks = [databaseCheck(orm)];

  await startGraphQLService<UsersContext>({
    name: 'users',
    host: config.USERS_HOST,
    port: config.USERS_PORT,
    logger,
    apollo: { schema: await buildUsersSchema() },
    checks: dependencyChecks,
    context: async ({ correlationId }) => {
      const em = orm.em.fork();
      return {
        correlationId,
        dependencyChecks,
        em,
        userById: new DataLoader(async (ids) => {
          // Ids come from clients; a malformed one simply matches nothing.
          const valid = ids.filter((id) => UUID.test(id));
          const records = valid.length ? await em.find(UserRecord, { id: { $in: valid } }) : [];
          const byId = new Map(records.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
      };
    },
    onShutdown: () => orm.close(),
  });
});
