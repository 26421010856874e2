import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type AuditOutcome = 'success' | 'failure' | 'denied';
export type AuditActorType = 'user' | 'apiKey' | 'anonymous' | 'system';

/** One line of the append-only audit trail (a trigger refuses UPDATE, DELETE and TRUNCATE). */
@Entity({ schema: 'audit', tableName: 'audit_log' })
export class AuditEntryRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'organizationId' | 'actorId' | 'targetType' | 'targetId' | 'ip' | 'detail';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid', nullable: true })
  organizationId: string | null = null;

  @Property({ type: 'text' })
  actorType!: AuditActorType;

  @Property({ type: 'text', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  targetType: string | null = null;

  @Property({ type: 'text', nullable: true })
  targetId: string | null = null;

  @Property({ type: 'text' })
  outcome!: AuditOutcome;

  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'jsonb' })
  detail: Record<string, unknown> = {};

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
