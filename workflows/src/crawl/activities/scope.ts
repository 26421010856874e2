import { refusedWithoutLookup, type UrlPolicy } from '../../fetching/index.js';
import { scopeFilter, type ScopeDecision } from '../../parsing/index.js';
import type { CrawlSettings, RejectedLink } from '@scs/contracts/crawl';

/** The reasons a crawl reports for URLs it does not fetch, by the scope filter's finer-grained ones. */
const REPORTED_REASON: Record<string, string> = {
  out_of_scope_host: 'out_of_scope',
  out_of_scope_path: 'out_of_scope',
  excluded_pattern: 'excluded',
  not_included: 'not_included',
};

/**
 * The crawl's scope check as the activities use it: the normalised URL when it is in scope,
 * otherwise null and the reported reason.
 */
export function scopeOf(settings: CrawlSettings): (url: string) => { url: string | null; reason?: string } {
  const filter = scopeFilter(settings);
  return (url) => {
    const decision = filter(url);
    return decision.inScope ? { url: decision.url } : { url: null, reason: REPORTED_REASON[decision.reason] ?? decision.reason };
  };
}

/**
 * Sorts a page's links into those to follow and those to report as skipped. Links to other
 * hosts that are private or metadata addresses by their very name are `blocked_url`; non-http
 * links (mailto:, javascript:) are not pages and are dropped.
 */
export async function sortLinks(settings: CrawlSettings, policy: UrlPolicy, urls: readonly string[]): Promise<{ follow: string[]; rejected: RejectedLink[] }> {
  const filter = scopeFilter(settings);
  const follow = new Set<string>();
  const rejected = new Map<string, string>();
  for (const raw of urls) {
    const decision: ScopeDecision = filter(raw);
    if (decision.inScope) follow.add(decision.url);
    else if (decision.url && !rejected.has(decision.url)) {
      const blocked = decision.reason === 'out_of_scope_host' && (await refusedWithoutLookup(decision.url, policy));
      rejected.set(decision.url, blocked ? 'blocked_url' : (REPORTED_REASON[decision.reason] ?? decision.reason));
    }
  }
  return { follow: [...follow], rejected: [...rejected].map(([url, reason]) => ({ url, reason })) };
}
