import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '@scs/graphql-kit/system-status';
import type { AnalyticsQueries } from './queries/analytics-queries.js';

export interface AnalyticsContext extends ServiceContext {
  em: EntityManager;
  queries: AnalyticsQueries;
  /** Events are kept this many days: the widest period there is data for. */
  retentionDays: number;
}
