import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201000100AnalyticsEvents } from './Migration20261201000100AnalyticsEvents.js';

/** Every migration of the analytics schema, oldest first. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261201000100AnalyticsEvents', class: Migration20261201000100AnalyticsEvents }];
