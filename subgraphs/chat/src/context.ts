import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnalyticsProducer } from '@scs/contracts/analytics-events';
import type { ServiceContext } from '@scs/graphql-kit/system-status';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import type { ChatEvents } from './events/chat-events.js';
import type { GenerationManager } from './generation/generation-manager.js';

export interface ChatContext extends ServiceContext {
  em: EntityManager;
  pubsub: RedisPubSub;
  events: ChatEvents;
  generations: GenerationManager;
  analytics: AnalyticsProducer;
}
