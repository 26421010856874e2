import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Role } from '@scs/contracts/permissions';
import { randomUUID } from 'node:crypto';

export type OneTimePurpose = 'verify_email' | 'reset_password' | 'invitation';

/** A single-use token sent by mail: email verification, password reset, invitation. Stored hashed. */
@Entity({ tableName: 'one_time_tokens' })
export class OneTimeTokenRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'usedAt' | 'userId' | 'organizationId' | 'email' | 'role' | 'createdBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  purpose!: OneTimePurpose;

  @Unique()
  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  organizationId: string | null = null;

  /** For invitations: who is invited, and as what. */
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  role: Role | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
