// Type-graphql and MikroORM decorators read reflection metadata: load the polyfill before any of them.
import 'reflect-metadata';
import { createLogger } from '@scs/runtime/logger';
import { createRedis, redisCheck } from '@scs/runtime/redis';
import { databaseCheck, openDatabase } from '@scs/graphql-kit/database';
import { gatewayIdentity, startGraphQLService } from '@scs/graphql-kit/graphql-server';
import { loadConfig } from '@scs/runtime/config';
import { runService } from '@scs/runtime/run-service';
import { SharedRateLimiter } from '@scs/graphql-kit/auth/rate-limit';
import DataLoader from 'dataloader';
import { usersEnvSchema } from './config.js';
import type { UsersContext, UsersServices } from './context.js';
import { entities } from './entities/index.js';
import { MembershipRecord } from './entities/membership.entity.js';
import { UserRecord } from './entities/user.entity.js';
import { isUuid } from './graphql/validation.js';
import { migrations } from './migrations/index.js';
import { buildUsersSchema } from './schema.js';
import { ApiKeys } from './services/api-keys.js';
import { createMailTransport } from './services/mailer.js';
import { RolePermissions } from './services/role-permissions.js';
import { Sessions } from './services/sessions.js';

runService('users', async () => {
  const config = loadConfig(usersEnvSchema);
  const logger = createLogger('users', config.LOG_LEVEL);
  const orm = await openDatabase({ url: config.DATABASE_URL, schema: 'users', entities, migrations, logger });
  const redis = createRedis(config.REDIS_URL, 'users');
  const rolePermissions = new RolePermissions(redis);
  const mailer = createMailTransport(config, logger);
  const services: UsersServices = {
    config,
    rolePermissions,
    sessions: new Sessions(redis, {
      jwtSecret: config.AUTH_JWT_SECRET,
      accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    }),
    apiKeys: new ApiKeys(redis, rolePermissions),
    mailer,
    authLimiter: new SharedRateLimiter(redis, {
      name: 'auth',
      points: config.AUTH_RATE_LIMIT_POINTS,
      durationSeconds: config.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    }),
    loginFailures: {
      perAddress: new SharedRateLimiter(redis, { name: 'login-failures-address', points: config.LOCKOUT_THRESHOLD, durationSeconds: config.LOCKOUT_SECONDS }),
      perAccount: new SharedRateLimiter(redis, {
        name: 'login-failures-account',
        points: config.LOCKOUT_ACCOUNT_CEILING,
        durationSeconds: config.LOCKOUT_ACCOUNT_WINDOW_SECONDS,
      }),
    },
  };
  const dependencyChecks = [databaseCheck(orm), redisCheck(redis)];

  await startGraphQLService<UsersContext>({
    name: 'users',
    host: config.USERS_HOST,
    port: config.USERS_PORT,
    logger,
    apollo: { schema: await buildUsersSchema() },
    checks: dependencyChecks,
    authenticate: gatewayIdentity(config.IDENTITY_SIGNING_SECRET),
    context: async ({ correlationId, identity }) => {
      const em = orm.em.fork();
      const orgId = identity.kind === 'user' || identity.kind === 'apiKey' ? identity.orgId : null;
      return {
        correlationId,
        identity,
        dependencyChecks,
        em,
        services,
        // Only members of the caller's organization are visible, whatever id is asked for.
        userById: new DataLoader(async (ids) => {
          const valid = ids.filter(isUuid);
          const members = orgId && valid.length ? await em.find(MembershipRecord, { organizationId: orgId, userId: { $in: valid } }) : [];
          const records = members.length ? await em.find(UserRecord, { id: { $in: members.map((m) => m.userId) } }) : [];
          const byId = new Map(records.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
      };
    },
    onShutdown: async () => {
      mailer.close?.();
      redis.disconnect();
      await orm.close();
    },
  });
});
