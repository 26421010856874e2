import { buildFederatedSchema } from '@scs/graphql-kit/federation';
import { systemStatusModule } from '@scs/graphql-kit/system-status';
import type { GraphQLSchema } from 'graphql';
import type { ChatContext } from './context.js';
import { MessageRecord } from './entities/message.entity.js';
import { ChatMessageResolver } from './graphql/chat-message.resolver.js';
import { ChatMessage } from './graphql/chat-message.types.js';
import { ConversationResolver, readableConversation } from './graphql/conversation.resolver.js';
import { Conversation } from './graphql/conversation.types.js';
import { UserReference } from './graphql/user.reference.js';
import { ConversationRecord } from './entities/conversation.entity.js';
import { canRead } from './graphql/access.js';

const status = systemStatusModule('chat');

/** Builds the schema without touching any resource, so the schema generator can call it too. */
export function buildChatSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<ChatContext>(
    { resolvers: [ConversationResolver, ChatMessageResolver, status.SystemStatusResolver], orphanedTypes: [UserReference, status.SystemStatus] },
    {
      ...status.referenceResolvers,
      ChatMessage: {
        __resolveReference: async (ref: { id: string }, ctx: ChatContext) => {
          if (ctx.identity.kind !== 'user' && ctx.identity.kind !== 'apiKey') return null;
          const record = await ctx.em.findOne(MessageRecord, { id: ref.id, organizationId: ctx.identity.orgId });
          if (!record) return null;
          const conversation = await ctx.em.findOne(ConversationRecord, { id: record.conversationId, organizationId: ctx.identity.orgId });
          return conversation && canRead(ctx.identity, conversation) ? ChatMessage.from(record) : null;
        },
      },
      Conversation: {
        __resolveReference: async (ref: { id: string }, ctx: ChatContext) => {
          if (ctx.identity.kind !== 'user' && ctx.identity.kind !== 'apiKey') return null;
          const record = await readableConversation(ctx, ref.id);
          return record ? Conversation.from(record, await ctx.events.lastSeq(record.organizationId, record.id)) : null;
        },
      },
    },
  );
}
