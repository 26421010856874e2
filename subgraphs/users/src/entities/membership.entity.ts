import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '@scs/contracts/permissions';

/** A user's role in one organization. */
@Entity({ tableName: 'memberships' })
export class MembershipRecord {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  role!: Role;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
