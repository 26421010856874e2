import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export type ConversationStatusValue = 'open' | 'waiting_for_agent' | 'with_agent' | 'closed';

@Entity({ tableName: 'conversations' })
@Index({ properties: ['organizationId', 'updatedAt'] })
@Index({ properties: ['organizationId', 'customerId', 'updatedAt'] })
export class ConversationRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'status' | 'assignedAgentId' | 'escalatedAt' | 'closedAt' | 'title';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  organizationId!: string;

  /** The person who started it (a `User` of the users subgraph). */
  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'text' })
  status: ConversationStatusValue = 'open';

  @Property({ type: 'uuid', nullable: true })
  assignedAgentId: string | null = null;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}
