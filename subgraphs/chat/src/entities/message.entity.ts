import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'messages' })
@Index({ properties: ['conversationId', 'createdAt'] })
export class MessageRecord {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Property({ type: 'uuid' })
  conversationId!: string;

  /** Id of a `User` owned by the users subgraph. */
  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
