import { subscriptionTopic, type SubscriptionEvent } from '@scs/shared';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ChatContext } from '../context.js';
import { MessageRecord } from '../entities/message.entity.js';
import { ChatMessage, PostMessageInput } from './chat-message.type.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) {
    throw new GraphQLError(`${field} must be a UUID.`, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
  return value;
}

/** The event published for `messageAdded`: chat's own fields, and the author as a reference. */
export function messageAddedEvent(message: ChatMessage): SubscriptionEvent {
  return {
    __typename: 'ChatMessage',
    id: message.id,
    conversationId: message.conversationId,
    text: message.text,
    createdAt: message.createdAt.toISOString(),
    author: { __typename: 'User', id: message.author.id },
  };
}

@Resolver(() => ChatMessage)
export class ChatMessageResolver {
  @Query(() => ChatMessage, { nullable: true, description: 'One message by id.' })
  async chatMessage(@Arg('id', () => ID) id: string, @Ctx() ctx: ChatContext): Promise<ChatMessage | null> {
    if (!UUID.test(id)) return null;
    const record = await ctx.em.findOne(MessageRecord, { id });
    return record ? ChatMessage.from(record) : null;
  }

  @Query(() => [ChatMessage], { description: 'Messages of a conversation, oldest first.' })
  async chatMessages(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: ChatContext,
  ): Promise<ChatMessage[]> {
    requireUuid(conversationId, 'conversationId');
    if (first < 1 || first > 200) throw new GraphQLError('first must be between 1 and 200.', { extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const records = await ctx.em.find(MessageRecord, { conversationId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first });
    return records.map(ChatMessage.from);
  }

  @Mutation(() => ChatMessage, { description: 'Stores a message, then announces it to `messageAdded` subscribers.' })
  async postMessage(@Arg('input', () => PostMessageInput) input: PostMessageInput, @Ctx() ctx: ChatContext): Promise<ChatMessage> {
    const record = ctx.em.create(MessageRecord, {
      conversationId: requireUuid(input.conversationId, 'conversationId'),
      authorId: requireUuid(input.authorId, 'authorId'),
      text: input.text,
    });
    await ctx.em.persistAndFlush(record);
    const message = ChatMessage.from(record);
    // Stored first, announced second: a subscriber never hears of a message that was not kept.
    await ctx.pubsub.publish(subscriptionTopic('messageAdded', { conversationId: message.conversationId }), messageAddedEvent(message));
    return message;
  }

  @Subscription(() => ChatMessage, {
    description: 'Messages as they are posted to one conversation. Served by the gateway over graphql-ws.',
    topics: ({ args }) => subscriptionTopic('messageAdded', args),
  })
  messageAdded(@Root() message: ChatMessage, @Arg('conversationId', () => ID) _conversationId: string): ChatMessage {
    return message;
  }
}
