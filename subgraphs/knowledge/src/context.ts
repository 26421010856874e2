import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import type { Redis } from '@scs/runtime/redis';
import type { ServiceContext } from '@scs/graphql-kit/system-status';
import type { Client as TemporalClient } from '@temporalio/client';
import type { UrlPolicy } from '@scs/runtime/url-policy';
import type { HybridSearch } from './retrieval/hybrid-search.js';
import type { MediaUrls } from './retrieval/media-urls.js';

export interface KnowledgeContext extends ServiceContext {
  /** A fork of the ORM's entity manager, private to this request. */
  em: EntityManager;
  openSearch: OpenSearchClient;
  temporal: TemporalClient;
  temporalNamespace: string;
  /** The task queue crawls run on (`<TEMPORAL_TASK_QUEUE_PREFIX>ingestion`). */
  ingestionTaskQueue: string;
  /** Base URL of the Temporal Web UI, for links to runs. */
  temporalUiUrl: string;
  redis: Redis;
  search: HybridSearch;
  mediaUrls: MediaUrls;
  /** The crawler's URL policy (same settings as the ingestion worker), for vetting start URLs. */
  urlPolicy: UrlPolicy;
}
