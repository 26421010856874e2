import { scopeFilter } from '../../parsing/index.js';
import type { CrawlSettings } from '../crawl-contract.js';

/**
 * The crawl's scope check as the activities use it: the normalised URL when it is in scope,
 * otherwise null and the reason.
 */
export function scopeOf(settings: CrawlSettings): (url: string) => { url: string | null; reason?: string } {
  const filter = scopeFilter(settings);
  return (url) => {
    const decision = filter(url);
    return decision.inScope ? { url: decision.url } : { url: null, reason: decision.reason };
  };
}
