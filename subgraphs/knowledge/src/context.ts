import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import type { ServiceContext } from '@scs/shared';

export interface KnowledgeContext extends ServiceContext {
  /** A fork of the ORM's entity manager, private to this request. */
  em: EntityManager;
  openSearch: OpenSearchClient;
}
