import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'users' })
export class UserRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'passwordHash' | 'emailVerifiedAt' | 'failedLoginCount' | 'lockedUntil';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased; uniqueness is case-insensitive. */
  @Unique()
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  /** argon2id; null for people invited but not yet signed up. */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null = null;

  /** Consecutive failed sign-ins; reset by a successful one. */
  @Property({ type: 'integer' })
  failedLoginCount = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
