import type { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import type { AnalyticsProducer } from '@scs/contracts/analytics-events';
import type { Logger } from '@scs/runtime/logger';
import type { Redis } from '@scs/runtime/redis';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Politeness, RobotsTxt, UrlPolicy } from '../../fetching/index.js';
import type { ThumbnailStore } from '../../images/index.js';
import type { BrowserPool } from '../../rendering/index.js';

/** Long-lived collaborators of the crawl activities, created once per worker process. */
export interface CrawlDependencies {
  redis: Redis;
  /** Where run outcomes go for analytics. */
  analytics: AnalyticsProducer;
  pubsub: RedisPubSub;
  openSearch: OpenSearchClient;
  robots: RobotsTxt;
  politeness: Politeness;
  /** Which addresses may be fetched (private ones only where configuration allows). */
  urlPolicy: UrlPolicy;
  userAgent: string;
  logger: Logger;
  /** Largest page accepted, in bytes. */
  maxPageBytes: number;
  /** Chromium, for pages whose text only exists after their scripts ran. */
  browsers: BrowserPool;
  /** Where image thumbnails are kept (PostgreSQL, content-addressed). */
  thumbnails: ThumbnailStore;
  /** Images fetched per page, at most. */
  maxImagesPerPage: number;
  /** Largest image file accepted, in bytes. */
  maxImageBytes: number;
  /** Most pixels an image may declare (decompression-bomb guard). */
  maxImagePixels: number;
}
