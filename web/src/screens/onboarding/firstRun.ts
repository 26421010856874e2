import type { ApolloClient } from '@apollo/client/core';
import type { CrawlStatus, SourceFieldsFragment } from '../../gql/graphql';
import { SourcesQuery } from '../../graphql/documents/source.documents';
import { crawlActive } from '../../composables/useCrawlProgress';
import type { SessionStore } from '../../session/sessionStore';

/**
 * What `addSource` does with nothing but a start URL: `SOURCE_DEFAULTS` and `addSource` in
 * subgraphs/knowledge/src/graphql/source-settings.ts and source.resolver.ts (robots.txt is not a
 * setting: the crawler always honours it). The first-run screen sends only the address, so these
 * are what its crawl uses; web/e2e/first-run.e2e.test.ts checks the source it creates against them.
 */
export const CRAWL_DEFAULTS = {
  scope: 'HOST',
  includePatterns: [],
  excludePatterns: [],
  maxDepth: 5,
  maxPages: 500,
  useSitemap: true,
  jsRendering: 'AUTO',
  recrawlSchedule: null,
  accessRoles: [],
} as const satisfies Partial<SourceFieldsFragment>;

/** The defaults in plain words, each a term and what it means (`host`: the address's host, when known). */
export function crawlDefaultsInWords(host: string | null): { term: string; words: string }[] {
  const site = host ? `on ${host}` : 'on your site’s host';
  return [
    {
      term: 'Which pages',
      words: `Every page ${site} that links lead to from the address you enter, at most ${CRAWL_DEFAULTS.maxDepth} links away, and the pages the site’s sitemap lists. Links to other sites are not followed.`,
    },
    { term: 'How many', words: `At most ${CRAWL_DEFAULTS.maxPages.toLocaleString()} pages.` },
    { term: 'robots.txt', words: 'Always respected, with its crawl delay: pages it disallows are skipped.' },
    {
      term: 'JavaScript',
      words: 'Automatic: a page whose text only its scripts write is opened in a browser first; other pages are read as they are.',
    },
    { term: 'Who gets answers from it', words: 'Everyone in your organization, customers included. It is crawled again only when you ask.' },
  ];
}

/** The host of an address being typed, when it is one. */
export function hostOf(address: string): string | null {
  try {
    const url = new URL(address.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

export type FirstRunStep = 'loading' | 'address' | 'start' | 'crawling' | 'ask' | 'retry';

/**
 * Where the first run stands, from what is known: no source yet → enter the address; a source
 * never crawled → start its crawl; a crawl running or paused → watch it; a completed crawl that
 * indexed something (or whose counts are unknown) → ask; one that failed, was cancelled or
 * indexed nothing → try again. `live` (the subscription's latest event) is newer than the latest
 * run read, except when the run read has ended since: an ended run stays ended.
 */
export function firstRunStep(known: {
  loaded: boolean;
  source: { id: string } | null;
  run: { runId: string; status: CrawlStatus; progress?: { indexed: number } | null } | null;
  live: { runId: string; status: CrawlStatus; indexed: number } | null;
}): FirstRunStep {
  if (!known.loaded) return 'loading';
  if (!known.source) return 'address';
  const { run, live } = known;
  const runEnded = run && live && run.runId === live.runId && !crawlActive(run.status);
  // The counts of whichever says how the run stands.
  const decided = runEnded ? { status: run.status, indexed: run.progress?.indexed ?? live.indexed } : live ?? (run && { status: run.status, indexed: run.progress?.indexed ?? null });
  if (!decided) return 'start';
  const { status, indexed } = decided;
  if (crawlActive(status)) return 'crawling';
  return status === 'COMPLETED' && (indexed === null || indexed > 0) ? 'ask' : 'retry';
}

/**
 * Whether to open the first-run screen instead of the status screen: the user may add a source and
 * crawl it, and the organization has no source yet. Any failure to ask says no (the status screen
 * opens, as before).
 */
export async function firstRunNeeded(client: Pick<ApolloClient<unknown>, 'query'>, session: Pick<SessionStore, 'can' | 'state' | 'loadViewer'>): Promise<boolean> {
  if (session.state.status !== 'signed-in') return false;
  if (!session.state.viewer) await session.loadViewer();
  if (!session.can('source:write') || !session.can('crawl:run')) return false;
  try {
    const { data } = await client.query({ query: SourcesQuery, variables: { first: 1 }, fetchPolicy: 'network-only' });
    return data.sources.length === 0;
  } catch {
    return false;
  }
}
