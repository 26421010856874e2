import { RedisPubSub } from 'graphql-redis-subscriptions';
import { createRedis } from './redis.js';

/**
 * Pub/sub over Redis: every gateway instance subscribes, so an event published once by any
 * service reaches clients connected to any instance. Payloads are JSON.
 */
export function createPubSub(url: string, name: string): RedisPubSub {
  return new RedisPubSub({
    publisher: createRedis(url, `${name}:publisher`),
    subscriber: createRedis(url, `${name}:subscriber`),
  });
}
