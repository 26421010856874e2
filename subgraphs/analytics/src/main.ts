import {
  baseEnvSchema,
  createLogger,
  databaseEnvSchema,
  loadConfig,
  port,
  gatewayIdentity,
  identityEnvSchema,
  runService,
  startGraphQLService,
  type ServiceContext,
} from '@scs/shared';
import pg from 'pg';
import { z } from 'zod';
import { buildAnalyticsSchema } from './schema.js';

const envSchema = baseEnvSchema.extend(databaseEnvSchema.shape).extend(identityEnvSchema.shape).extend({
  ANALYTICS_HOST: z.string().default('127.0.0.1'),
  ANALYTICS_PORT: port(4004),
});

runService('analytics', async () => {
  const config = loadConfig(envSchema);
  const logger = createLogger('analytics', config.LOG_LEVEL);
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 5 });
  const dependencyChecks = [
    {
      name: 'postgresql',
      check: async () => {
        const { rows } = await pool.query<{ version: string }>("select current_setting('server_version') as version");
        return `PostgreSQL ${rows[0]?.version ?? 'unknown'}`;
      },
    },
  ];

  await startGraphQLService<ServiceContext>({
    name: 'analytics',
    host: config.ANALYTICS_HOST,
    port: config.ANALYTICS_PORT,
    logger,
    apollo: { schema: await buildAnalyticsSchema() },
    checks: dependencyChecks,
    authenticate: gatewayIdentity(config.IDENTITY_SIGNING_SECRET),
    context: async ({ correlationId, identity }) => ({ correlationId, identity, dependencyChecks }),
    onShutdown: () => pool.end(),
  });
});
