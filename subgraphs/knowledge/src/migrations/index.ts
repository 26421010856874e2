import type { MigrationObject } from '@mikro-orm/core';
import { auditTrailMigration } from '@scs/graphql-kit/auth/audit-migration';
import { Migration20261124020000CreateSources } from './Migration20261124020000CreateSources.js';
import { Migration20261125010000CreateImageThumbnails } from './Migration20261125010000CreateImageThumbnails.js';

/** Every migration of the knowledge schema, oldest first. */
export const migrations: MigrationObject[] = [
  auditTrailMigration,
  { name: 'Migration20261124020000CreateSources', class: Migration20261124020000CreateSources },
  { name: 'Migration20261125010000CreateImageThumbnails', class: Migration20261125010000CreateImageThumbnails },
];
