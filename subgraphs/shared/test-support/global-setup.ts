import { startTestRedis, TEST_REDIS_URL_VARIABLE } from './test-redis.js';

/** vitest global setup of the service tests: the run's own Redis server, handed to the test workers. */
export default async function setup(): Promise<() => Promise<void>> {
  const redis = await startTestRedis();
  // test workers are created after this, and inherit the environment
  process.env[TEST_REDIS_URL_VARIABLE] = redis.url;
  return redis.stop;
}
