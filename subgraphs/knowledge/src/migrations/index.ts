import type { MigrationObject } from '@mikro-orm/core';
import { auditTrailMigration } from '@scs/shared';
import { Migration20261124020000CreateSources } from './Migration20261124020000CreateSources.js';

/** Every migration of the knowledge schema, oldest first. */
export const migrations: MigrationObject[] = [
  auditTrailMigration,
  { name: 'Migration20261124020000CreateSources', class: Migration20261124020000CreateSources },
];
