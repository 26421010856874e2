import { Length } from 'class-validator';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { MessageRecord, StoredCitation, StoredImage } from '../entities/message.entity.js';
import { AnswerFallback, AnswerRating, MessageRole, MessageStatus, toAnswerFallback, toMessageRole, toMessageStatus } from './enums.js';
import { UserReference } from './user.reference.js';

@ObjectType({ description: 'A numbered source of an answer: the `[index]` markers in its text refer to it.' })
export class Citation implements StoredCitation {
  @Field(() => Int)
  index!: number;

  @Field(() => ID)
  sourceId!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String)
  pageUrl!: string;

  @Field(() => String, { description: 'The page URL with the `#anchor` of the section the passage comes from.' })
  url!: string;

  @Field(() => String, { nullable: true })
  anchor!: string | null;

  @Field(() => String, { nullable: true })
  headingPath!: string | null;

  @Field(() => String, { description: 'The quoted passage.' })
  snippet!: string;

  @Field(() => Float, { description: 'How close the passage is to the question (cosine similarity, 0..1).' })
  relevance!: number;

  @Field(() => Boolean, { description: 'True when the text cites it; false for a source attached because the model cited none.' })
  referenced!: boolean;
}

@ObjectType({ description: 'A picture from a cited page.' })
export class AnswerImage implements StoredImage {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  imageUrl!: string;

  @Field(() => String)
  pageUrl!: string;

  @Field(() => String, { nullable: true })
  alt!: string | null;

  @Field(() => String, { nullable: true })
  caption!: string | null;

  @Field(() => String, { nullable: true })
  thumbnailUrl!: string | null;
}

@ObjectType({ description: 'What the customer thought of an answer.' })
export class AnswerFeedback {
  @Field(() => AnswerRating)
  rating!: AnswerRating;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One message in a conversation: by the customer, the assistant or an agent.' })
export class ChatMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  conversationId!: string;

  @Field(() => MessageRole)
  role!: MessageRole;

  @Field(() => String, { description: 'The text; for an answer still GENERATING, what was written so far (see `lastSeq`).' })
  text!: string;

  @Field(() => MessageStatus)
  status!: MessageStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => UserReference, { nullable: true, description: 'Who wrote it (customer or agent); null for the assistant. Resolved by the users subgraph.' })
  author!: UserReference | null;

  @Field(() => [Citation])
  citations!: Citation[];

  @Field(() => [AnswerImage])
  images!: AnswerImage[];

  @Field(() => Float, { nullable: true, description: 'Answers: how well the cited passages match the question, 0..1.' })
  confidence!: number | null;

  @Field(() => Boolean, { description: 'The assistant could not answer and offers a person (`escalate`).' })
  handoffSuggested!: boolean;

  @Field(() => Boolean, { description: 'Answered from the cache of identical questions.' })
  fromCache!: boolean;

  @Field(() => AnswerFallback, {
    nullable: true,
    description: 'Answers: set when the text is a quoted passage because the language model was unavailable or too slow; null for the model’s own answers.',
  })
  fallback!: AnswerFallback | null;

  @Field(() => String, { nullable: true, description: 'Answers: the question as retrieval saw it, rewritten to stand without the conversation.' })
  standaloneQuestion!: string | null;

  @Field(() => AnswerFeedback, { nullable: true })
  feedback!: AnswerFeedback | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Answers: the `seq` of the last DELTA included in `text`. DELTA events of this message with a seq up to it are already in `text`.',
  })
  lastSeq!: number | null;

  static from(record: MessageRecord): ChatMessage {
    return Object.assign(new ChatMessage(), {
      id: record.id,
      conversationId: record.conversationId,
      role: toMessageRole(record.role),
      text: record.text,
      status: toMessageStatus(record.status),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      author: record.authorId ? Object.assign(new UserReference(), { id: record.authorId }) : null,
      citations: record.citations.map((c) => Object.assign(new Citation(), c)),
      images: record.images.map((i) => Object.assign(new AnswerImage(), i)),
      confidence: record.confidence,
      handoffSuggested: record.handoffSuggested,
      fromCache: record.fromCache,
      fallback: toAnswerFallback(record.fallback),
      standaloneQuestion: record.standaloneQuestion,
      feedback:
        record.feedbackRating && record.feedbackAt
          ? Object.assign(new AnswerFeedback(), {
              rating: record.feedbackRating.toUpperCase() as AnswerRating,
              comment: record.feedbackComment,
              createdAt: record.feedbackAt,
            })
          : null,
      lastSeq: record.lastSeq,
    });
  }
}

@ObjectType({ description: 'A page of a conversation’s messages, oldest first.' })
export class ChatMessagePage {
  @Field(() => [ChatMessage])
  messages!: ChatMessage[];

  @Field(() => String, { nullable: true, description: 'Pass as `before` for the page of older messages; null when there are none.' })
  nextCursor!: string | null;
}

@InputType()
export class PostMessageInput {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => String)
  @Length(1, 8000, { message: 'text must be 1 to 8000 characters' })
  text!: string;
}

@InputType()
export class SendMessageInput {
  @Field(() => ID, { nullable: true, description: 'The conversation to continue; omit it to start a new one.' })
  conversationId?: string | null;

  @Field(() => String)
  @Length(1, 4000, { message: 'text must be 1 to 4000 characters' })
  text!: string;
}

@InputType()
export class RateAnswerInput {
  @Field(() => ID)
  messageId!: string;

  @Field(() => AnswerRating)
  rating!: AnswerRating;

  @Field(() => String, { nullable: true })
  @Length(0, 2000, { message: 'comment must be at most 2000 characters' })
  comment?: string | null;
}

@InputType()
export class AgentReplyInput {
  @Field(() => ID)
  conversationId!: string;

  @Field(() => String)
  @Length(1, 8000, { message: 'text must be 1 to 8000 characters' })
  text!: string;
}
