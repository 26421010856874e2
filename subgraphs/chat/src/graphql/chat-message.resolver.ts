import { badUserInput, forbidden, hasPermission, isUuid, principalOf, requireUuid, subscriptionTopic, type SubscriptionEvent } from '@scs/shared';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ChatContext } from '../context.js';
import { MessageRecord } from '../entities/message.entity.js';
import { ChatMessage, PostMessageInput } from './chat-message.type.js';

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

/**
 * May the caller read this conversation? Staff with `conversation:read:any` read every one of
 * their organization; everyone else only conversations they took part in.
 */
async function canRead(ctx: ChatContext, orgId: string, conversationId: string): Promise<boolean> {
  if (hasPermission(ctx.identity, 'conversation:read:any')) return true;
  if (ctx.identity.kind !== 'user') return false;
  return (await ctx.em.count(MessageRecord, { organizationId: orgId, conversationId, authorId: ctx.identity.userId })) > 0;
}

@Resolver(() => ChatMessage)
export class ChatMessageResolver {
  @Query(() => ChatMessage, { nullable: true, description: 'One message by id, from a conversation you may read.' })
  async chatMessage(@Arg('id', () => ID) id: string, @Ctx() ctx: ChatContext): Promise<ChatMessage | null> {
    const { orgId } = principalOf(ctx.identity);
    if (!isUuid(id)) return null;
    const record = await ctx.em.findOne(MessageRecord, { id, organizationId: orgId });
    if (!record || !(await canRead(ctx, orgId, record.conversationId))) return null;
    return ChatMessage.from(record);
  }

  @Query(() => [ChatMessage], { description: 'Messages of a conversation you may read, oldest first.' })
  async chatMessages(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: ChatContext,
  ): Promise<ChatMessage[]> {
    const { orgId } = principalOf(ctx.identity);
    requireUuid(conversationId, 'conversationId');
    if (first < 1 || first > 200) throw badUserInput('first must be between 1 and 200.', 'first');
    if (!(await canRead(ctx, orgId, conversationId))) return [];
    const records = await ctx.em.find(
      MessageRecord,
      { organizationId: orgId, conversationId },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first },
    );
    return records.map(ChatMessage.from);
  }

  @Mutation(() => ChatMessage, { description: 'Stores a message by you, then announces it to `messageAdded` subscribers.' })
  async postMessage(@Arg('input', () => PostMessageInput) input: PostMessageInput, @Ctx() ctx: ChatContext): Promise<ChatMessage> {
    const principal = principalOf(ctx.identity);
    if (principal.kind !== 'user') throw forbidden('Only a signed-in person can post messages.');
    const conversationId = requireUuid(input.conversationId, 'conversationId');
    const used = await ctx.em.findOne(MessageRecord, { conversationId }, { fields: ['organizationId'] });
    if (used && used.organizationId !== principal.orgId) throw forbidden('That conversation belongs to another organization.');
    const record = ctx.em.create(MessageRecord, {
      organizationId: principal.orgId,
      conversationId,
      authorId: principal.userId,
      text: input.text,
    });
    await ctx.em.persistAndFlush(record);
    const message = ChatMessage.from(record);
    // Stored first, announced second: a subscriber never hears of a message that was not kept.
    await ctx.pubsub.publish(
      subscriptionTopic('messageAdded', { conversationId: message.conversationId }, principal.orgId),
      messageAddedEvent(message),
    );
    return message;
  }

  @Subscription(() => ChatMessage, {
    description: 'Messages as they are posted to one conversation of your organization. Served by the gateway over graphql-ws.',
    topics: ({ args, context }) => subscriptionTopic('messageAdded', args, principalOf((context as ChatContext).identity).orgId),
  })
  messageAdded(@Root() message: ChatMessage, @Arg('conversationId', () => ID) _conversationId: string): ChatMessage {
    return message;
  }
}
