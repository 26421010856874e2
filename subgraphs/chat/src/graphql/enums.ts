import { registerEnumType } from 'type-graphql';

// Enum values equal their names, so records, events (which carry API names) and the schema agree.

export enum ConversationStatus {
  OPEN = 'OPEN',
  WAITING_FOR_AGENT = 'WAITING_FOR_AGENT',
  WITH_AGENT = 'WITH_AGENT',
  CLOSED = 'CLOSED',
}
registerEnumType(ConversationStatus, {
  name: 'ConversationStatus',
  description: 'OPEN: the assistant answers. WAITING_FOR_AGENT: handed off, no agent yet. WITH_AGENT: an agent answers. CLOSED: ended.',
});

export enum MessageRole {
  USER = 'USER',
  ASSISTANT = 'ASSISTANT',
  AGENT = 'AGENT',
  SYSTEM = 'SYSTEM',
}
registerEnumType(MessageRole, { name: 'MessageRole', description: 'Who wrote a message: the customer, the assistant, a support agent, or the system.' });

export enum MessageStatus {
  GENERATING = 'GENERATING',
  COMPLETE = 'COMPLETE',
  STOPPED = 'STOPPED',
  FAILED = 'FAILED',
}
registerEnumType(MessageStatus, { name: 'MessageStatus', description: 'Where an answer stands; messages written by people are COMPLETE.' });

export enum AnswerFallback {
  LLM_UNAVAILABLE = 'LLM_UNAVAILABLE',
  LLM_TIMEOUT = 'LLM_TIMEOUT',
}
registerEnumType(AnswerFallback, {
  name: 'AnswerFallback',
  description:
    'Why an answer quotes the best passage instead of the language model’s own words: the model server could not be reached or failed (LLM_UNAVAILABLE), or wrote nothing within the time limit (LLM_TIMEOUT). Show it, so the customer knows it is a quote.',
});
export const toAnswerFallback = (value: string | null): AnswerFallback | null => (value ? (value.toUpperCase() as AnswerFallback) : null);

export enum AnswerRating {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(AnswerRating, { name: 'AnswerRating' });

export enum MessageStreamEventKind {
  USER_MESSAGE = 'USER_MESSAGE',
  AGENT_MESSAGE = 'AGENT_MESSAGE',
  DELTA = 'DELTA',
  CITATIONS = 'CITATIONS',
  IMAGES = 'IMAGES',
  STATUS = 'STATUS',
  CONVERSATION_STATUS = 'CONVERSATION_STATUS',
}
registerEnumType(MessageStreamEventKind, {
  name: 'MessageStreamEventKind',
  description: [
    'USER_MESSAGE / AGENT_MESSAGE: a whole message by the customer or an agent (`message`).',
    'DELTA: the next piece of an answer’s text (`text`), in `seq` order.',
    'CITATIONS / IMAGES: an answer’s sources (`citations`) or pictures (`images`).',
    'STATUS: an answer started (GENERATING) or ended (COMPLETE, STOPPED, FAILED; with `confidence`, `handoffSuggested`, `fallback`).',
    'CONVERSATION_STATUS: the conversation was handed to an agent, taken, or closed (`conversationStatus`).',
  ].join('\n'),
});

export const toConversationStatus = (value: string): ConversationStatus => value.toUpperCase() as ConversationStatus;
export const toMessageRole = (value: string): MessageRole => value.toUpperCase() as MessageRole;
export const toMessageStatus = (value: string): MessageStatus => value.toUpperCase() as MessageStatus;
