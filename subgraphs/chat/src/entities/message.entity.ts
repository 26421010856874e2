import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export type MessageRoleValue = 'user' | 'assistant' | 'agent' | 'system';
export type MessageStatusValue = 'generating' | 'complete' | 'stopped' | 'failed';
/** Why an answer quotes a passage instead of the model's words: the LLM server failed, or was too slow. */
export type AnswerFallbackValue = 'llm_unavailable' | 'llm_timeout';

/** A numbered source of an answer, as stored (JSONB) and shown. */
export interface StoredCitation {
  index: number;
  sourceId: string;
  title: string | null;
  pageUrl: string;
  url: string;
  anchor: string | null;
  headingPath: string | null;
  snippet: string;
  relevance: number;
  /** True when the answer text refers to it with `[index]`; false for sources attached because the model cited none. */
  referenced: boolean;
}

export interface StoredImage {
  id: string;
  imageUrl: string;
  pageUrl: string;
  alt: string | null;
  caption: string | null;
  thumbnailUrl: string | null;
}

@Entity({ tableName: 'messages' })
@Index({ properties: ['conversationId', 'createdAt'] })
export class MessageRecord {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'role'
    | 'status'
    | 'citations'
    | 'images'
    | 'confidence'
    | 'standaloneQuestion'
    | 'handoffSuggested'
    | 'fromCache'
    | 'fallback'
    | 'lastSeq'
    | 'feedbackRating'
    | 'feedbackComment'
    | 'feedbackAt'
    | 'authorId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Property({ type: 'uuid' })
  conversationId!: string;

  /** A `User` of the users subgraph for user and agent messages; null for the assistant. */
  @Property({ type: 'uuid', nullable: true })
  authorId: string | null = null;

  @Property({ type: 'text' })
  role: MessageRoleValue = 'user';

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  status: MessageStatusValue = 'complete';

  @Property({ type: 'jsonb' })
  citations: StoredCitation[] = [];

  @Property({ type: 'jsonb' })
  images: StoredImage[] = [];

  @Property({ type: 'double', nullable: true })
  confidence: number | null = null;

  @Property({ type: 'text', nullable: true })
  standaloneQuestion: string | null = null;

  @Property({ type: 'boolean' })
  handoffSuggested: boolean = false;

  @Property({ type: 'boolean' })
  fromCache: boolean = false;

  /** Set when the answer is the extractive fallback (a quoted passage), not the model's. */
  @Property({ type: 'text', nullable: true })
  fallback: AnswerFallbackValue | null = null;

  /** The conversation stream's seq of the last text delta included in `text` (assistant messages). */
  @Property({ type: 'integer', nullable: true })
  lastSeq: number | null = null;

  @Property({ type: 'text', nullable: true })
  feedbackRating: 'up' | 'down' | null = null;

  @Property({ type: 'text', nullable: true })
  feedbackComment: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  feedbackAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
