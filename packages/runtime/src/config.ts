import { z } from 'zod';

/** Variables every service reads. Service-specific schemas extend this one. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const databaseEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
});

export const redisEnvSchema = z.object({
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
});

export const temporalEnvSchema = z.object({
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Prefix of this deployment's task queues (`<prefix>ingestion`, `<prefix>embedding`); test runs set their own. */
  TEMPORAL_TASK_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,80}$/, 'letters, digits, dot, dash and underscore only')
    .default(''),
});

/** The knowledge index in OpenSearch, for the services that create or write it. */
export const knowledgeIndexEnvSchema = z.object({
  OPENSEARCH_URL: z.url({ protocol: /^https?$/ }),
  /** Sizes of the embedding vectors in the knowledge index (the models' output sizes). */
  TEXT_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(2).default(384),
  IMAGE_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(2).default(512),
});

/** Secret the gateway signs identities with and every subgraph verifies them with. */
export const identityEnvSchema = z.object({
  IDENTITY_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters'),
});

/** Secret the users subgraph signs access tokens with and the gateway verifies them with. */
export const accessTokenEnvSchema = z.object({
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
});

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates `env` against `schema` once, at start-up. Every problem names its variable, so
 * a bad or missing setting stops the service with a message an operator can act on.
 * Values are never echoed: a variable may hold a secret.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && env[String(issue.path[0])] === undefined;
    return missing ? `${name} is required but not set` : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
