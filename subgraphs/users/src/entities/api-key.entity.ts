import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Permission, Role } from '@scs/contracts/permissions';
import { randomUUID } from 'node:crypto';

/**
 * A key for partners and internal services. The secret is shown once; only its SHA-256 is kept
 * (the secret is 256 random bits, so a slow hash adds nothing), with a visible prefix to tell keys apart.
 */
@Entity({ tableName: 'api_keys' })
export class ApiKeyRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'revokedAt' | 'lastUsedAt' | 'expiresAt' | 'createdBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Unique()
  @Property({ type: 'text' })
  prefix!: string;

  @Unique()
  @Property({ type: 'text', hidden: true })
  keyHash!: string;

  @Property({ type: 'text' })
  role!: Role;

  @Property({ type: 'text[]' })
  scopes!: Permission[];

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
