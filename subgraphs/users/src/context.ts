import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { ServiceContext } from '@scs/shared';
import type { UserRecord } from './entities/user.entity.js';

export interface UsersContext extends ServiceContext {
  /** A fork of the ORM's entity manager, private to this request. */
  em: EntityManager;
  userById: DataLoader<string, UserRecord | null>;
}
