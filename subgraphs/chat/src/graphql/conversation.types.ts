import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { ConversationRecord } from '../entities/conversation.entity.js';
import { ChatMessage } from './chat-message.types.js';
import { ConversationStatus, toConversationStatus } from './enums.js';
import { UserReference } from './user.reference.js';

const userRef = (id: string | null) => (id ? Object.assign(new UserReference(), { id }) : null);

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A customer’s conversation with the assistant and, after a hand-off, with support agents.' })
export class Conversation {
  @Field(() => ID)
  id!: string;

  @Field(() => ConversationStatus)
  status!: ConversationStatus;

  @Field(() => String, { nullable: true, description: 'The start of its first question.' })
  title!: string | null;

  @Field(() => UserReference, { description: 'The customer who started it.' })
  customer!: UserReference;

  @Field(() => UserReference, { nullable: true, description: 'The agent who took it over.' })
  assignedAgent!: UserReference | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  escalatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Int, {
    description:
      'The `seq` of its latest `messageStream` event when this was read. Read it with the messages, then subscribe with `afterSeq: lastSeq`: nothing is missed in between.',
  })
  lastSeq!: number;

  // Resolved by ConversationResolver.messages.
  messages?: ChatMessage[];

  static from(record: ConversationRecord, lastSeq: number): Conversation {
    return Object.assign(new Conversation(), {
      id: record.id,
      status: toConversationStatus(record.status),
      title: record.title,
      customer: userRef(record.customerId)!,
      assignedAgent: userRef(record.assignedAgentId),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      escalatedAt: record.escalatedAt,
      closedAt: record.closedAt,
      lastSeq,
    });
  }
}

@ObjectType({ description: 'A page of conversations, most recently active first.' })
export class ConversationPage {
  @Field(() => [Conversation])
  conversations!: Conversation[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last one.' })
  nextCursor!: string | null;
}

@ObjectType({ description: 'What `sendMessage` returns at once; the answer follows on `messageStream`.' })
export class SendMessagePayload {
  @Field(() => Conversation)
  conversation!: Conversation;

  @Field(() => ChatMessage)
  userMessage!: ChatMessage;

  @Field(() => ChatMessage, { nullable: true, description: 'The answer being generated; null while the conversation is with a person.' })
  assistantMessage!: ChatMessage | null;
}
