import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '@scs/shared';
import type { RedisPubSub } from 'graphql-redis-subscriptions';

export interface ChatContext extends ServiceContext {
  em: EntityManager;
  pubsub: RedisPubSub;
}
