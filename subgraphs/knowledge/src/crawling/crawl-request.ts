import type { CrawlRequest } from '@scs/contracts/crawl';
import type { SourceRecord } from '../entities/source.entity.js';

/** What a crawl of `source` is started with: its settings as they are now. */
export function crawlRequestFor(source: SourceRecord): CrawlRequest {
  return {
    orgId: source.organizationId,
    sourceId: source.id,
    settings: {
      startUrl: source.startUrl,
      scope: source.scope,
      includePatterns: source.includePatterns,
      excludePatterns: source.excludePatterns,
      maxDepth: source.maxDepth,
      maxPages: source.maxPages,
      useSitemap: source.useSitemap,
      jsRendering: source.jsRendering,
      accessRoles: source.accessRoles,
    },
  };
}
