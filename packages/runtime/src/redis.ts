import { Redis } from 'ioredis';

export { Redis };

export function createRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    // Fail fast while Redis is unreachable instead of queueing commands without bound.
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
  });
}

export function redisCheck(redis: Redis) {
  return {
    name: 'redis',
    check: async () => {
      const info = await redis.info('server');
      const version = /redis_version:(\S+)/.exec(info)?.[1];
      return `Redis ${version ?? 'unknown'}`;
    },
  };
}
