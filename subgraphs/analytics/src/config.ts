import { analyticsEnvSchema } from '@scs/contracts/analytics-events';
import { baseEnvSchema, databaseEnvSchema, identityEnvSchema, port, redisEnvSchema } from '@scs/runtime/config';
import { embeddingEnvSchema } from '@scs/embedding/config';
import { z } from 'zod';

/** Everything the analytics subgraph reads from its environment; validated once at start-up. */
export const analyticsServiceEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(identityEnvSchema.shape)
  .extend(analyticsEnvSchema.shape)
  .extend(embeddingEnvSchema.shape)
  .extend({
    ANALYTICS_HOST: z.string().default('127.0.0.1'),
    ANALYTICS_PORT: port(4004),
    /** Events are kept at least this long; whole months older than that are dropped (partitions). */
    ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(1).default(395),
    /** The consumer group every analytics instance reads the stream in (each event goes to one of them). */
    ANALYTICS_CONSUMER_GROUP: z.string().min(1).default('analytics'),
    /** This instance's name in the group; stable across restarts, so a restarted instance first finishes what it had read. Default: host:port. */
    ANALYTICS_CONSUMER_NAME: z.string().min(1).optional(),
    /** Most events read, embedded and written to PostgreSQL in one transaction. */
    ANALYTICS_BATCH_SIZE: z.coerce.number().int().min(1).max(2000).default(200),
    /** How long one read waits for new events. */
    ANALYTICS_BLOCK_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
    /** Events another instance read but has not acknowledged for this long are taken over (that instance is taken for dead). */
    ANALYTICS_CLAIM_IDLE_MS: z.coerce.number().int().min(100).default(60_000),
    /** How often partitions are created ahead and expired ones dropped (one instance at a time). */
    ANALYTICS_MAINTENANCE_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
    /** Cosine similarity from which two questions count as the same question (top questions, content gaps). */
    ANALYTICS_CLUSTER_SIMILARITY: z.coerce.number().min(0).max(1).default(0.7),
    /** Most questions of a period that are clustered (the most recent ones). */
    ANALYTICS_CLUSTER_MAX_QUESTIONS: z.coerce.number().int().min(10).max(50_000).default(5000),
  });

export type AnalyticsConfig = z.infer<typeof analyticsServiceEnvSchema>;
