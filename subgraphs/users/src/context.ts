import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '@scs/graphql-kit/system-status';
import type { SharedRateLimiter } from '@scs/graphql-kit/auth/rate-limit';
import type DataLoader from 'dataloader';
import type { UsersConfig } from './config.js';
import type { UserRecord } from './entities/user.entity.js';
import type { ApiKeys } from './services/api-keys.js';
import type { MailTransport } from './services/mailer.js';
import type { RolePermissions } from './services/role-permissions.js';
import type { Sessions } from './services/sessions.js';

/** Long-lived collaborators, created once per process. */
export interface UsersServices {
  config: UsersConfig;
  sessions: Sessions;
  apiKeys: ApiKeys;
  rolePermissions: RolePermissions;
  mailer: MailTransport;
  /** Attempts at sign-in, registration and password reset, per client IP. */
  authLimiter: SharedRateLimiter;
  /** Failed sign-ins per email and client address (back-off), and per email from everywhere (ceiling). */
  loginFailures: { perAddress: SharedRateLimiter; perAccount: SharedRateLimiter };
}

export interface UsersContext extends ServiceContext {
  /** A fork of the ORM's entity manager, private to this request. */
  em: EntityManager;
  /** Users of the caller's organization by id; null for anyone else. */
  userById: DataLoader<string, UserRecord | null>;
  services: UsersServices;
}
