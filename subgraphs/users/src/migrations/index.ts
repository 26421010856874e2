import type { MigrationObject } from '@mikro-orm/core';
import { auditTrailMigration } from '@scs/graphql-kit/auth/audit-migration';
import { Migration20261124000000CreateUsers } from './Migration20261124000000CreateUsers.js';
import { Migration20261124010000IdentityAndAccess } from './Migration20261124010000IdentityAndAccess.js';
import { Migration20261125000000ChatWidget } from './Migration20261125000000ChatWidget.js';

/** Every migration of the users schema, oldest first. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000000CreateUsers', class: Migration20261124000000CreateUsers },
  auditTrailMigration,
  { name: 'Migration20261124010000IdentityAndAccess', class: Migration20261124010000IdentityAndAccess },
  { name: 'Migration20261125000000ChatWidget', class: Migration20261125000000ChatWidget },
];
