import type { FilterQuery } from '@mikro-orm/core';
import { badUserInput, forbidden, notFound } from '@scs/graphql-kit/auth/errors';
import { hasPermission, principalOf } from '@scs/graphql-kit/auth/authorize';
import { isUuid, requireUuid } from '@scs/graphql-kit/validation';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import type { Principal } from '@scs/contracts/identity';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ChatContext } from '../context.js';
import { ConversationRecord, type ConversationStatusValue } from '../entities/conversation.entity.js';
import { MessageRecord } from '../entities/message.entity.js';
import { canRead, canSteer, decodeCursor, encodeCursor, isOwner } from './access.js';
import { AgentReplyInput, ChatMessage, ChatMessagePage, SendMessageInput } from './chat-message.types.js';
import { Conversation, ConversationPage, SendMessagePayload } from './conversation.types.js';
import { ConversationStatus } from './enums.js';
import { MessageStreamEvent } from './message-stream-event.types.js';

function pageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badUserInput(`first must be between 1 and ${max}.`, 'first');
  return first;
}

/** A conversation the caller may read, or null (also for ids that are no UUID: they name nothing). */
export async function readableConversation(ctx: ChatContext, id: string): Promise<ConversationRecord | null> {
  const { orgId } = principalOf(ctx.identity);
  if (!isUuid(id)) return null;
  const record = await ctx.em.findOne(ConversationRecord, { id, organizationId: orgId });
  return record && canRead(ctx.identity, record) ? record : null;
}

async function toConversation(ctx: ChatContext, record: ConversationRecord): Promise<Conversation> {
  return Conversation.from(record, await ctx.events.lastSeq(record.organizationId, record.id));
}

function requirePerson(principal: Principal, action: string): Extract<Principal, { kind: 'user' }> {
  if (principal.kind !== 'user') throw forbidden(`Only a signed-in person can ${action}.`);
  return principal;
}

/** Announces a conversation's new status on its stream and in the agents' inbox. */
async function announceStatus(ctx: ChatContext, record: ConversationRecord): Promise<void> {
  await ctx.events.publish(record.organizationId, record.id, { kind: 'CONVERSATION_STATUS', conversationStatus: record.status });
  await ctx.events.conversationUpdated(record);
}

@Resolver(() => Conversation)
export class ConversationResolver {
  @Query(() => Conversation, { nullable: true, description: 'One conversation: your own, or any of your organization with `conversation:read:any`.' })
  async conversation(@Arg('id', () => ID) id: string, @Ctx() ctx: ChatContext): Promise<Conversation | null> {
    const record = await readableConversation(ctx, id);
    return record ? toConversation(ctx, record) : null;
  }

  @Query(() => ConversationPage, {
    description: 'Conversations, most recently active first: your own, or (agents) all of your organization. Paged by cursor; `status` filters.',
  })
  async conversations(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => ConversationStatus, { nullable: true }) status: ConversationStatus | null,
    @Ctx() ctx: ChatContext,
  ): Promise<ConversationPage> {
    const principal = principalOf(ctx.identity);
    const limit = pageSize(first, 100);
    const where: FilterQuery<ConversationRecord> = { organizationId: principal.orgId };
    if (!hasPermission(principal, 'conversation:read:any')) {
      if (principal.kind !== 'user') return Object.assign(new ConversationPage(), { conversations: [], nextCursor: null });
      where.customerId = principal.userId;
    }
    if (status) where.status = status.toLowerCase() as ConversationStatusValue;
    if (after != null) {
      const cursor = decodeCursor(after);
      if (!cursor) throw badUserInput('after must be a cursor returned by conversations.', 'after');
      where.$or = [{ updatedAt: { $lt: cursor.at } }, { updatedAt: cursor.at, id: { $lt: cursor.id } }];
    }
    const rows = await ctx.em.find(ConversationRecord, where, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return Object.assign(new ConversationPage(), {
      conversations: await Promise.all(page.map((r) => toConversation(ctx, r))),
      nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
    });
  }

  @FieldResolver(() => ChatMessagePage, { description: 'Its messages, a page at a time from the newest back; each page oldest first.' })
  async messages(
    @Root() conversation: Conversation,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('before', () => String, { nullable: true }) before: string | null,
    @Ctx() ctx: ChatContext,
  ): Promise<ChatMessagePage> {
    const limit = pageSize(first, 200);
    const { orgId } = principalOf(ctx.identity);
    const where: FilterQuery<MessageRecord> = { conversationId: conversation.id, organizationId: orgId };
    if (before != null) {
      const cursor = decodeCursor(before);
      if (!cursor) throw badUserInput('before must be a cursor returned by messages.', 'before');
      where.$or = [{ createdAt: { $lt: cursor.at } }, { createdAt: cursor.at, id: { $lt: cursor.id } }];
    }
    const rows = await ctx.em.find(MessageRecord, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const oldest = page[page.length - 1];
    return Object.assign(new ChatMessagePage(), {
      messages: page.reverse().map(ChatMessage.from),
      nextCursor: rows.length > limit && oldest ? encodeCursor(oldest.createdAt, oldest.id) : null,
    });
  }

  @Mutation(() => SendMessagePayload, {
    description:
      'Asks the assistant: stores your message (starting a conversation when `conversationId` is omitted) and returns at once; the answer streams on `messageStream` (subscribe with `afterSeq: conversation.lastSeq`). While the conversation is with a person, the message goes to them instead.',
  })
  async sendMessage(@Arg('input', () => SendMessageInput) input: SendMessageInput, @Ctx() ctx: ChatContext): Promise<SendMessagePayload> {
    const person = requirePerson(principalOf(ctx.identity), 'chat');
    const text = input.text.trim();
    if (text.length === 0) throw badUserInput('text must not be blank.', 'text');
    let conversation: ConversationRecord;
    const now = new Date();
    let created = false;
    if (input.conversationId != null) {
      requireUuid(input.conversationId, 'conversationId');
      const found = await ctx.em.findOne(ConversationRecord, { id: input.conversationId, organizationId: person.orgId });
      if (!found || !isOwner(person, found)) throw notFound('No such conversation.');
      if (found.status === 'closed') throw badUserInput('This conversation is closed; start a new one.', 'conversationId');
      conversation = found;
      conversation.updatedAt = now;
    } else {
      conversation = ctx.em.create(ConversationRecord, {
        organizationId: person.orgId,
        customerId: person.userId,
        title: text.slice(0, 80),
        createdAt: now,
        updatedAt: now,
      });
      created = true;
    }
    const userMessage = ctx.em.create(MessageRecord, {
      organizationId: person.orgId,
      conversationId: conversation.id,
      authorId: person.userId,
      role: 'user',
      text,
      createdAt: now,
      updatedAt: now,
    });
    let assistant: MessageRecord | null = null;
    if (conversation.status === 'open') {
      const at = new Date(now.getTime() + 1);
      assistant = ctx.em.create(MessageRecord, {
        organizationId: person.orgId,
        conversationId: conversation.id,
        role: 'assistant',
        text: '',
        status: 'generating',
        createdAt: at,
        updatedAt: at,
      });
      // The lease first: a `generating` record is never without one while its generation can still start.
      await ctx.generations.acquire(assistant.id);
    }
    await ctx.em.flush();

    // Stored first, announced second.
    await ctx.events.publish(person.orgId, conversation.id, { kind: 'USER_MESSAGE', message: userMessage });
    await ctx.events.messageAdded(userMessage);
    if (assistant) {
      await ctx.events.publish(person.orgId, conversation.id, { kind: 'STATUS', messageId: assistant.id, status: 'generating' });
      ctx.generations.launch({
        identity: person,
        correlationId: ctx.correlationId,
        orgId: person.orgId,
        conversationId: conversation.id,
        userMessageId: userMessage.id,
        assistantMessageId: assistant.id,
        question: text,
        askedAt: now,
      });
    }
    if (created || conversation.status !== 'open') await ctx.events.conversationUpdated(conversation);
    return Object.assign(new SendMessagePayload(), {
      conversation: await toConversation(ctx, conversation),
      userMessage: ChatMessage.from(userMessage),
      assistantMessage: assistant ? ChatMessage.from(assistant) : null,
    });
  }

  @Mutation(() => Conversation, {
    description:
      'Hands your conversation to a person: it waits for an agent, who sees it in `conversations(status: WAITING_FOR_AGENT)` and `conversationUpdated`.',
  })
  async escalate(@Arg('conversationId', () => ID) conversationId: string, @Ctx() ctx: ChatContext): Promise<Conversation> {
    const record = await readableConversation(ctx, conversationId);
    if (!record || !canSteer(ctx.identity, record)) throw notFound('No such conversation.');
    if (record.status === 'closed') throw badUserInput('This conversation is closed.', 'conversationId');
    if (record.status === 'open') {
      record.status = 'waiting_for_agent';
      record.escalatedAt = record.updatedAt = new Date();
      await ctx.em.flush();
      ctx.analytics.record(
        'handoff',
        record.organizationId,
        { conversationId: record.id, requestedByRole: principalOf(ctx.identity).role },
        { occurredAt: record.escalatedAt },
      );
      await announceStatus(ctx, record);
    }
    return toConversation(ctx, record);
  }

  @Mutation(() => ChatMessage, { description: 'An agent’s reply: takes the conversation over (WITH_AGENT) and reaches the customer on `messageStream`.' })
  async agentReply(@Arg('input', () => AgentReplyInput) input: AgentReplyInput, @Ctx() ctx: ChatContext): Promise<ChatMessage> {
    const agent = requirePerson(principalOf(ctx.identity), 'reply');
    const record = await readableConversation(ctx, input.conversationId);
    if (!record) throw notFound('No such conversation.');
    if (record.status === 'closed') throw badUserInput('This conversation is closed.', 'conversationId');
    const now = new Date();
    const statusChanged = record.status !== 'with_agent';
    record.status = 'with_agent';
    record.assignedAgentId ??= agent.userId;
    record.updatedAt = now;
    const message = ctx.em.create(MessageRecord, {
      organizationId: agent.orgId,
      conversationId: record.id,
      authorId: agent.userId,
      role: 'agent',
      text: input.text,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.em.flush();
    if (statusChanged) await ctx.events.publish(record.organizationId, record.id, { kind: 'CONVERSATION_STATUS', conversationStatus: record.status });
    await ctx.events.publish(record.organizationId, record.id, { kind: 'AGENT_MESSAGE', message });
    await ctx.events.messageAdded(message);
    await ctx.events.conversationUpdated(record);
    return ChatMessage.from(message);
  }

  @Mutation(() => Conversation, { description: 'Ends a conversation (its customer, or an agent).' })
  async closeConversation(@Arg('id', () => ID) id: string, @Ctx() ctx: ChatContext): Promise<Conversation> {
    const record = await readableConversation(ctx, id);
    if (!record || !canSteer(ctx.identity, record)) throw notFound('No such conversation.');
    if (record.status !== 'closed') {
      record.status = 'closed';
      record.closedAt = record.updatedAt = new Date();
      await ctx.em.flush();
      await announceStatus(ctx, record);
    }
    return toConversation(ctx, record);
  }

  @Subscription(() => MessageStreamEvent, {
    description:
      'Everything that happens in one conversation you may read: messages, answer tokens (DELTA), citations, images, the end of each answer, hand-offs. Pass `afterSeq` (the last `seq` you saw, or `Conversation.lastSeq`) to first receive what you missed, then live events, with nothing missing or doubled. Served by the gateway over graphql-ws.',
    topics: ({ args, context }) =>
      subscriptionTopic(
        'messageStream',
        { conversationId: (args as { conversationId: string }).conversationId },
        principalOf((context as ChatContext).identity).orgId,
      ),
  })
  messageStream(
    @Root() event: MessageStreamEvent,
    @Arg('conversationId', () => ID) _conversationId: string,
    @Arg('afterSeq', () => Int, { nullable: true }) _afterSeq: number | null,
  ): MessageStreamEvent {
    return event;
  }

  @Subscription(() => Conversation, {
    description: 'The agents’ inbox: a conversation of your organization was started, handed off, taken over, answered by an agent or closed.',
    topics: ({ context }) => subscriptionTopic('conversationUpdated', {}, principalOf((context as ChatContext).identity).orgId),
  })
  conversationUpdated(@Root() conversation: Conversation): Conversation {
    return conversation;
  }
}
