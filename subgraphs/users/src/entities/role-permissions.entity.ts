import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Permission, Role } from '@scs/contracts/permissions';

/** An organization's own mapping of one role to permissions; absent rows mean the defaults. */
@Entity({ tableName: 'role_permissions' })
export class RolePermissionsRecord {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @PrimaryKey({ type: 'text' })
  role!: Role;

  @Property({ type: 'text[]' })
  permissions!: Permission[];

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
