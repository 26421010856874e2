import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { taskQueues } from '@scs/contracts/crawl';
import { TEST_REDIS_URL_VARIABLE } from './test-redis.js';

/** Where global setup hands the workers the run's own database (test-database.ts). */
export const TEST_DATABASE_URL_VARIABLE = 'SCS_TEST_DATABASE_URL';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let cached: Record<string, string> | undefined;

/** Signing secrets for the services one test run starts; fresh each run, never written anywhere. */
export const TEST_SECRETS = {
  AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
  IDENTITY_SIGNING_SECRET: randomBytes(32).toString('hex'),
} as const;

/**
 * This run's Temporal task queues: test runs on one machine share the Temporal server, and a
 * worker of one run must never take another run's crawl or embedding tasks.
 */
export const TEST_TASK_QUEUE_PREFIX = `test-${process.pid}-${randomBytes(3).toString('hex')}-`;
export const TEST_TASK_QUEUES = taskQueues(TEST_TASK_QUEUE_PREFIX);

/**
 * Connection settings of the running stack, as `infra/bin/stack env` prints them, with the run's own
 * database (see test-database.ts) in place of the development one, the run's own Redis server (see test-redis.ts) in
 * place of the stack's, and this run's signing secrets.
 */
export function stackEnv(): Record<string, string> {
  if (!cached) {
    const redisUrl = process.env[TEST_REDIS_URL_VARIABLE];
    if (!redisUrl) {
      throw new Error(`${TEST_REDIS_URL_VARIABLE} is not set: run the tests through a vitest config whose globalSetup is e2e/support/global-setup.ts`);
    }
    const output = execFileSync('bash', [`${REPO_ROOT}infra/bin/stack`, 'env'], { encoding: 'utf8' });
    const env: Record<string, string> = {};
    for (const line of output.split('\n')) {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (match) env[match[1]!] = match[2]!;
    }
    const databaseUrl = process.env[TEST_DATABASE_URL_VARIABLE];
    if (!databaseUrl)
      throw new Error(`${TEST_DATABASE_URL_VARIABLE} is not set: run the tests through a vitest config whose globalSetup is e2e/support/global-setup.ts`);
    cached = { ...env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, TEMPORAL_TASK_QUEUE_PREFIX: TEST_TASK_QUEUE_PREFIX, ...TEST_SECRETS };
  }
  return cached;
}
