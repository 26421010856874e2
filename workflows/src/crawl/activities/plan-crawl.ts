import { XMLParser } from 'fast-xml-parser';
import { originOf, safeFetch } from '../../fetching/index.js';
import type { CrawlRequest } from '@scs/contracts/crawl';
import type { CrawlDependencies } from './dependencies.js';
import { scopeOf } from './scope.js';

const SITEMAP_TYPES = ['application/xml', 'text/xml', 'application/x-xml', 'text/plain'];
const MAX_SITEMAPS = 20;

/** `<loc>` entries of a sitemap or sitemap index. */
function locations(xml: string): { pages: string[]; sitemaps: string[] } {
  const doc = new XMLParser({ ignoreAttributes: true, processEntities: true }).parse(xml) as {
    urlset?: { url?: unknown };
    sitemapindex?: { sitemap?: unknown };
  };
  const list = (value: unknown) => (Array.isArray(value) ? value : value ? [value] : []);
  const pages = list(doc.urlset?.url)
    .map((u: { loc?: unknown }) => String(u.loc ?? ''))
    .filter(Boolean);
  const sitemaps = list(doc.sitemapindex?.sitemap)
    .map((s: { loc?: unknown }) => String(s.loc ?? ''))
    .filter(Boolean);
  return { pages, sitemaps };
}

/** The start URL, then (when the source asks) every in-scope page of its sitemaps, in order, without repeats. */
export function planCrawl(deps: CrawlDependencies) {
  return async (request: CrawlRequest): Promise<string[]> => {
    const inScope = scopeOf(request.settings);
    const start = inScope(request.settings.startUrl);
    const seeds = new Set<string>([start.url ?? request.settings.startUrl]);
    if (!request.settings.useSitemap) return [...seeds];

    const origin = originOf(request.settings.startUrl);
    const queue = [...new Set([...(await deps.robots.sitemaps(origin).catch(() => [])), `${origin}/sitemap.xml`])];
    for (let i = 0; i < queue.length && i < MAX_SITEMAPS; i++) {
      const fetched = await safeFetch(queue[i]!, {
        userAgent: deps.userAgent,
        policy: deps.urlPolicy,
        robots: deps.robots,
        allowedContentTypes: SITEMAP_TYPES,
        maxBodyBytes: 10 * 1024 * 1024,
      });
      if (!fetched.ok) continue;
      try {
        const found = locations(fetched.body.toString('utf8'));
        for (const sitemap of found.sitemaps) if (!queue.includes(sitemap)) queue.push(sitemap);
        for (const page of found.pages) {
          const verdict = inScope(page);
          if (verdict.url) seeds.add(verdict.url);
        }
      } catch (error) {
        deps.logger.warn({ sitemap: queue[i], err: error }, 'sitemap could not be parsed');
      }
    }
    return [...seeds];
  };
}
