import type { CrawlActivities, PageIndexingActivities } from '../crawl-activities.js';
import { crawlPage } from './crawl-page.js';
import type { CrawlDependencies } from './dependencies.js';
import { claimUrls } from './frontier.js';
import { indexStagedPage, type IndexingDependencies } from './index-staged-page.js';
import { markKnowledgeChanged } from './knowledge-changed.js';
import { planCrawl } from './plan-crawl.js';
import { publishProgress } from './progress.js';
import { removeStalePages } from './stale-pages.js';

export type { CrawlDependencies, IndexingDependencies };

/** The crawl activities, bound to one worker's clients. */
export function createCrawlActivities(deps: CrawlDependencies): CrawlActivities {
  return {
    planCrawl: planCrawl(deps),
    claimUrls: claimUrls(deps),
    crawlPage: crawlPage(deps),
    publishProgress: publishProgress(deps),
    removeStalePages: removeStalePages(deps),
    markKnowledgeChanged: markKnowledgeChanged(deps),
  };
}

/** The crawl's activities served by the embedding worker. */
export function createPageIndexingActivities(deps: IndexingDependencies): PageIndexingActivities {
  return { indexStagedPage: indexStagedPage(deps) };
}
