import { startTestDatabase, TEST_DATABASE_URL_VARIABLE } from './test-database.js';
import { startTestRedis, TEST_REDIS_URL_VARIABLE } from './test-redis.js';

/** vitest global setup of the service tests: the run's own Redis server and database, handed to the test workers. */
export default async function setup(): Promise<() => Promise<void>> {
  const redis = await startTestRedis();
  let database: Awaited<ReturnType<typeof startTestDatabase>>;
  try {
    database = await startTestDatabase();
  } catch (error) {
    await redis.stop();
    throw error;
  }
  // test workers are created after this, and inherit the environment
  process.env[TEST_REDIS_URL_VARIABLE] = redis.url;
  process.env[TEST_DATABASE_URL_VARIABLE] = database.url;
  return async () => {
    await database.stop();
    await redis.stop();
  };
}
