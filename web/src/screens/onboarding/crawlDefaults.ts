import type { SourceFieldsFragment } from '../../gql/graphql';

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
