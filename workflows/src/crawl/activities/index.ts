import type { CrawlActivities } from '../crawl-activities.js';
import { crawlPage } from './crawl-page.js';
import type { CrawlDependencies } from './dependencies.js';
import { claimUrls } from './frontier.js';
import { planCrawl } from './plan-crawl.js';
import { publishProgress } from './progress.js';
import { removeStalePages } from './stale-pages.js';

export type { CrawlDependencies };

/** The crawl activities, bound to one worker's clients. */
export function createCrawlActivities(deps: CrawlDependencies): CrawlActivities {
  return {
    planCrawl: planCrawl(deps),
    claimUrls: claimUrls(deps),
    crawlPage: crawlPage(deps),
    publishProgress: publishProgress(deps),
    removeStalePages: removeStalePages(deps),
  };
}
