import { currentSeq, publishReplayable } from '@scs/contracts/replayable-topics';
import { subscriptionTopic, type SubscriptionEvent } from '@scs/contracts/subscription-topics';
import { asEventValue, asSubscriptionEvent } from '@scs/graphql-kit/subscription-event';
import type { Redis } from '@scs/runtime/redis';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import type { ConversationRecord } from '../entities/conversation.entity.js';
import { AnswerImage, ChatMessage, Citation } from '../graphql/chat-message.types.js';
import { Conversation } from '../graphql/conversation.types.js';
import type { MessageRecord, StoredCitation, StoredImage } from '../entities/message.entity.js';

export type StreamEventKind = 'USER_MESSAGE' | 'AGENT_MESSAGE' | 'DELTA' | 'CITATIONS' | 'IMAGES' | 'STATUS' | 'CONVERSATION_STATUS';

export interface StreamEventInput {
  kind: StreamEventKind;
  messageId?: string | null;
  text?: string | null;
  citations?: StoredCitation[] | null;
  images?: StoredImage[] | null;
  /** Message status, lower case as stored. */
  status?: string | null;
  confidence?: number | null;
  handoffSuggested?: boolean | null;
  /** Lower case as stored. */
  fallback?: string | null;
  conversationStatus?: string | null;
  message?: MessageRecord | null;
}

/** A message in API form, with every field, so the gateway completes events from them alone (authors aside). */
export function messageEvent(record: MessageRecord): SubscriptionEvent {
  return asSubscriptionEvent(ChatMessage.from(record));
}

/** A conversation in API form, for `conversationUpdated` (the gateway fetches `messages` through `conversation(id)` when asked). */
export function conversationEvent(record: ConversationRecord, lastSeq: number): SubscriptionEvent {
  return asSubscriptionEvent(Conversation.from(record, lastSeq));
}

/**
 * Everything chat announces: the replayable `messageStream` of each conversation (numbered, kept
 * in a Redis stream for resuming clients, see `publishReplayable` in @scs/contracts), the agents' inbox
 * `conversationUpdated`, and the older `messageAdded`.
 */
export class ChatEvents {
  constructor(
    private readonly redis: Redis,
    private readonly pubsub: RedisPubSub,
  ) {}

  static streamTopic(orgId: string, conversationId: string): string {
    return subscriptionTopic('messageStream', { conversationId }, orgId);
  }

  /** Publishes one stream event; returns its seq. */
  publish(orgId: string, conversationId: string, input: StreamEventInput): Promise<number> {
    const event: SubscriptionEvent = {
      __typename: 'MessageStreamEvent',
      kind: input.kind,
      conversationId,
      messageId: input.messageId ?? input.message?.id ?? null,
      text: input.text ?? null,
      citations: input.citations ? (asEventValue(input.citations.map((c) => Object.assign(new Citation(), c))) as SubscriptionEvent[]) : null,
      images: input.images ? (asEventValue(input.images.map((i) => Object.assign(new AnswerImage(), i))) as SubscriptionEvent[]) : null,
      status: input.status ? input.status.toUpperCase() : null,
      confidence: input.confidence ?? null,
      handoffSuggested: input.handoffSuggested ?? null,
      fallback: input.fallback ? input.fallback.toUpperCase() : null,
      conversationStatus: input.conversationStatus ? input.conversationStatus.toUpperCase() : null,
      message: input.message ? messageEvent(input.message) : null,
      at: new Date().toISOString(),
    };
    return publishReplayable(this.redis, ChatEvents.streamTopic(orgId, conversationId), event);
  }

  lastSeq(orgId: string, conversationId: string): Promise<number> {
    return currentSeq(this.redis, ChatEvents.streamTopic(orgId, conversationId));
  }

  async conversationUpdated(record: ConversationRecord): Promise<void> {
    const lastSeq = await this.lastSeq(record.organizationId, record.id);
    await this.pubsub.publish(subscriptionTopic('conversationUpdated', {}, record.organizationId), conversationEvent(record, lastSeq));
  }

  /** The older per-conversation feed of whole messages (customer and agent messages). */
  async messageAdded(record: MessageRecord): Promise<void> {
    if (!record.organizationId) return;
    await this.pubsub.publish(subscriptionTopic('messageAdded', { conversationId: record.conversationId }, record.organizationId), {
      ...messageEvent(record),
    });
  }
}
