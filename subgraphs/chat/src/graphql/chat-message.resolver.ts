import { badUserInput, forbidden, notFound } from '@scs/graphql-kit/auth/errors';
import { isUuid, requireUuid } from '@scs/graphql-kit/validation';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ChatContext } from '../context.js';
import { ConversationRecord } from '../entities/conversation.entity.js';
import { MessageRecord } from '../entities/message.entity.js';
import { canRead, canSteer, isOwner } from './access.js';
import { ChatMessage, PostMessageInput, RateAnswerInput } from './chat-message.types.js';
import { readableConversation } from './conversation.resolver.js';

/** A message of a conversation the caller may read, with that conversation. */
async function readableMessage(ctx: ChatContext, id: string): Promise<{ message: MessageRecord; conversation: ConversationRecord } | null> {
  const { orgId } = principalOf(ctx.identity);
  if (!isUuid(id)) return null;
  const message = await ctx.em.findOne(MessageRecord, { id, organizationId: orgId });
  if (!message) return null;
  const conversation = await ctx.em.findOne(ConversationRecord, { id: message.conversationId, organizationId: orgId });
  return conversation && canRead(ctx.identity, conversation) ? { message, conversation } : null;
}

@Resolver(() => ChatMessage)
export class ChatMessageResolver {
  @Query(() => ChatMessage, { nullable: true, description: 'One message by id, from a conversation you may read.' })
  async chatMessage(@Arg('id', () => ID) id: string, @Ctx() ctx: ChatContext): Promise<ChatMessage | null> {
    const found = await readableMessage(ctx, id);
    return found ? ChatMessage.from(found.message) : null;
  }

  @Query(() => [ChatMessage], {
    description: 'Messages of a conversation you may read, oldest first. `conversation(id) { messages }` pages through long ones.',
    deprecationReason: 'Use `conversation(id) { messages }`, which pages and carries the conversation.',
  })
  async chatMessages(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: ChatContext,
  ): Promise<ChatMessage[]> {
    const { orgId } = principalOf(ctx.identity);
    requireUuid(conversationId, 'conversationId');
    if (first < 1 || first > 200) throw badUserInput('first must be between 1 and 200.', 'first');
    if (!(await readableConversation(ctx, conversationId))) return [];
    const records = await ctx.em.find(MessageRecord, { organizationId: orgId, conversationId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first });
    return records.map(ChatMessage.from);
  }

  @Mutation(() => ChatMessage, {
    description:
      'Posts a message by you to a conversation (yours, started by this post when the id is new; or, with `conversation:reply`, any of your organization) without asking the assistant, and announces it to `messageAdded` and `messageStream`. Use `sendMessage` to get an answer.',
    deprecationReason: 'Use `sendMessage` (a customer asking) or `agentReply` (a person of the support team answering).',
  })
  async postMessage(@Arg('input', () => PostMessageInput) input: PostMessageInput, @Ctx() ctx: ChatContext): Promise<ChatMessage> {
    const principal = principalOf(ctx.identity);
    if (principal.kind !== 'user') throw forbidden('Only a signed-in person can post messages.');
    const conversationId = requireUuid(input.conversationId, 'conversationId');
    const now = new Date();
    let conversation = await ctx.em.findOne(ConversationRecord, { id: conversationId });
    if (conversation) {
      if (conversation.organizationId !== principal.orgId) throw forbidden('That conversation belongs to another organization.');
      if (!canSteer(principal, conversation)) throw forbidden('Only the conversation’s customer or an agent can post to it.');
      conversation.updatedAt = now;
    } else {
      conversation = ctx.em.create(ConversationRecord, {
        id: conversationId,
        organizationId: principal.orgId,
        customerId: principal.userId,
        title: input.text.slice(0, 80),
        createdAt: now,
        updatedAt: now,
      });
    }
    const record = ctx.em.create(MessageRecord, {
      organizationId: principal.orgId,
      conversationId,
      authorId: principal.userId,
      role: isOwner(principal, conversation) ? 'user' : 'agent',
      text: input.text,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.em.flush();
    // Stored first, announced second: a subscriber never hears of a message that was not kept.
    await ctx.events.messageAdded(record);
    await ctx.events.publish(principal.orgId, conversationId, { kind: record.role === 'user' ? 'USER_MESSAGE' : 'AGENT_MESSAGE', message: record });
    return ChatMessage.from(record);
  }

  @Mutation(() => ChatMessage, {
    description: 'Stops an answer being generated (its customer, or an agent); it ends with status STOPPED on `messageStream`, keeping the text so far.',
  })
  async stopGeneration(@Arg('messageId', () => ID) messageId: string, @Ctx() ctx: ChatContext): Promise<ChatMessage> {
    const found = await readableMessage(ctx, messageId);
    if (!found || !canSteer(ctx.identity, found.conversation)) throw notFound('No such message.');
    if (found.message.role !== 'assistant') throw badUserInput('Only answers of the assistant can be stopped.', 'messageId');
    if (found.message.status === 'generating') await ctx.generations.stop(found.message);
    return ChatMessage.from(found.message);
  }

  @Mutation(() => ChatMessage, {
    description: 'Your thumbs up or down, with an optional comment, on an answer you received; a second rating replaces the first.',
  })
  async rateAnswer(@Arg('input', () => RateAnswerInput) input: RateAnswerInput, @Ctx() ctx: ChatContext): Promise<ChatMessage> {
    const found = await readableMessage(ctx, input.messageId);
    if (!found || !isOwner(ctx.identity, found.conversation)) throw notFound('No such message.');
    const { message } = found;
    if (message.role !== 'assistant') throw badUserInput('Only answers of the assistant can be rated.', 'messageId');
    if (message.status === 'generating') throw badUserInput('Wait until the answer is complete to rate it.', 'messageId');
    message.feedbackRating = input.rating === 'UP' ? 'up' : 'down';
    message.feedbackComment = input.comment?.trim() ? input.comment.trim() : null;
    message.feedbackAt = new Date();
    await ctx.em.flush();
    ctx.analytics.record(
      'feedback',
      found.conversation.organizationId,
      { conversationId: found.conversation.id, messageId: message.id, rating: message.feedbackRating, hasComment: message.feedbackComment !== null },
      { occurredAt: message.feedbackAt },
    );
    return ChatMessage.from(message);
  }

  @Subscription(() => ChatMessage, {
    description:
      'Whole messages as customers and agents post them to one conversation of your organization (answers stream on `messageStream`). Served by the gateway over graphql-ws.',
    deprecationReason: 'Use `messageStream`, which carries every message and the answers as they stream, and resumes after a gap.',
    topics: ({ args, context }) => subscriptionTopic('messageAdded', args, principalOf((context as ChatContext).identity).orgId),
  })
  messageAdded(@Root() message: ChatMessage, @Arg('conversationId', () => ID) _conversationId: string): ChatMessage {
    return message;
  }
}
