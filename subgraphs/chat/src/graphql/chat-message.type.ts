import { Length } from 'class-validator';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import type { MessageRecord } from '../entities/message.entity.js';
import { UserReference } from './user.reference.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One message in a conversation.' })
export class ChatMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  conversationId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => UserReference, { description: 'Who wrote it; resolved by the users subgraph.' })
  author!: UserReference;

  static from(record: MessageRecord): ChatMessage {
    return Object.assign(new ChatMessage(), {
      id: record.id,
      conversationId: record.conversationId,
      text: record.text,
      createdAt: record.createdAt,
      author: Object.assign(new UserReference(), { id: record.authorId }),
    });
  }
}

@InputType()
export class PostMessageInput {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => String)
  @Length(1, 8000, { message: 'text must be 1 to 8000 characters' })
  text!: string;
}
