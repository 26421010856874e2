import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AnswerImage, ChatMessage, Citation } from './chat-message.types.js';
import { AnswerFallback, ConversationStatus, MessageStatus, MessageStreamEventKind } from './enums.js';

@ObjectType({
  description:
    'One event of a conversation’s stream. `seq` increases by one per event of the conversation; subscribe with `afterSeq` to resume after the last one you saw. Fields not used by a kind are null.',
})
export class MessageStreamEvent {
  @Field(() => Int)
  seq!: number;

  @Field(() => MessageStreamEventKind)
  kind!: MessageStreamEventKind;

  @Field(() => ID)
  conversationId!: string;

  @Field(() => ID, { nullable: true, description: 'The message the event is about.' })
  messageId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'DELTA: the next piece of text. STATUS: when set, the whole final text of the message, which replaces what streamed (an answer withdrawn after its check).',
  })
  text!: string | null;

  @Field(() => [Citation], { nullable: true })
  citations!: Citation[] | null;

  @Field(() => [AnswerImage], { nullable: true })
  images!: AnswerImage[] | null;

  @Field(() => MessageStatus, { nullable: true })
  status!: MessageStatus | null;

  @Field(() => Float, { nullable: true })
  confidence!: number | null;

  @Field(() => Boolean, { nullable: true })
  handoffSuggested!: boolean | null;

  @Field(() => AnswerFallback, {
    nullable: true,
    description: 'STATUS of a finished answer: why it is a quoted passage instead of the model’s words (null when it is not).',
  })
  fallback!: AnswerFallback | null;

  @Field(() => ConversationStatus, { nullable: true })
  conversationStatus!: ConversationStatus | null;

  @Field(() => ChatMessage, { nullable: true, description: 'USER_MESSAGE, AGENT_MESSAGE: the whole message.' })
  message!: ChatMessage | null;

  @Field(() => Date)
  at!: Date;
}
