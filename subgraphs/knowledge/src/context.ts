import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import type { ServiceContext } from '@scs/shared';

export interface KnowledgeContext extends ServiceContext {
  /** A fork of the ORM's entity manager, private to this request. */
  em: EntityManager;
  openSearch: OpenSearchClient;
}

/** The alias every knowledge index is read and written through, so it can be rebuilt behind it. */
export const KNOWLEDGE_INDEX_ALIAS = 'scs-knowledge';
