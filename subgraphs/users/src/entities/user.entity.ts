import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'users' })
export class UserRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'passwordHash' | 'emailVerifiedAt' | 'failedLoginCount' | 'lockedUntil' | 'isVisitor';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased; uniqueness is case-insensitive. Null only for visitors (a check constraint holds it). */
  @Unique()
  @Property({ type: 'text', nullable: true })
  email!: string | null;

  /**
   * An anonymous visitor of an organization's website, signed in by the chat widget
   * (`startVisitorSession`): no email, no password, only the `customer` role in that organization.
   */
  @Property({ type: 'boolean' })
  isVisitor = false;

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
