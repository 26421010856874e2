// What a correct crawler must conclude for every URL of the fixture site, per site version.
// End-to-end tests assert against this (and against `expectedCounts`) instead of magic numbers.
//
// Conventions
// - `path` is a path on the fixture site ('/docs/…'), or an absolute URL for off-site links
//   (`external: true`; the fixture never serves those and a crawler must never request them).
// - `discovery: 'redirect'` marks URLs that no page links to; they are only reached as a
//   redirect hop (/pricing-2023, /loop-b). A crawler that records only the URLs it was sent to by
//   links or the sitemap should not expect those two entries.
// - Duplicates: /guides/install serves the installation page byte for byte, including its
//   `<link rel="canonical">` to /docs/getting-started/installation. /support/billing-questions and
//   /billing/faq are byte-identical and have no canonical link; /billing/faq is the one linked at
//   the smaller depth (2 vs 4) and listed in the sitemap, so a breadth-first crawler meets it
//   first; `duplicateOf` names the copy that should win.
// - The expectations assume the crawler's limits lie within `assumedLimits` (the huge page is
//   above any HTML limit up to 5 MiB; the oversized image above any pixel limit up to 100 MP;
//   note sharp's default limitInputPixels, 268 MP, is NOT below the oversized image's 144 MP).
// - robots.txt: `User-agent: *` gets `Disallow: /private/` and `Crawl-delay: <crawlDelaySeconds>`
//   (0.05 s by default, start option `crawlDelaySeconds`); `User-agent: BadBot` is disallowed
//   everything (a crawler must not match that group unless that is its name).
import { ALL_PAGE_DEFS, existsIn, type PageDef, type Version } from './content.js';
import { CONTENT_TYPES, IMAGE_DEFS } from './images.js';
import { HUGE_PAGE_PATH, hugePage, imagePaths, PDF_PATH, renderPage, userGuidePdf } from './render.js';

export type { Version } from './content.js';

export type PageExpected = 'indexed' | 'skipped' | 'failed' | 'duplicate';
export type PageReason =
  | 'robots'
  | 'redirect'
  | 'redirect_loop'
  | 'http_404'
  | 'too_large'
  | 'content_type'
  | 'blocked_url'
  | 'duplicate_canonical'
  | 'duplicate_content'
  | 'out_of_scope';
export type ImageExpected = 'indexed' | 'failed';
export type ImageReason = 'corrupt' | 'too_many_pixels' | 'http_404';

export interface PageEntry {
  path: string;
  expected: PageExpected;
  reason?: PageReason;
  external?: true;
  /** How a crawler reaches it: a link on some page (or the sitemap), or only as a redirect hop. */
  discovery: 'link' | 'redirect';
  /** HTTP status the fixture answers a plain GET with (absent for external URLs). */
  status?: number;
  /** Media type without parameters, for 200 responses. */
  contentType?: string;
  /** Redirects: the Location of this hop, and where the chain ends (absent for loops). */
  redirectTo?: string;
  finalPath?: string;
  duplicateOf?: string;
  /** Pages whose HTML links to this URL (given for every non-indexed entry). */
  linkedFrom?: string[];
  /** Indexed and robots-disallowed pages: `<title>`, `<h1>` and og:title are all this. */
  title?: string;
  description?: string;
  lang?: 'en' | 'de';
  /** Phrases in the page's extracted text (after JavaScript for `requiresJavaScript` pages). */
  containsText?: string[];
  /** Phrases that must no longer be found (the version-1 text of pages changed in version 2). */
  notContainsText?: string[];
  /** The raw HTML has only a placeholder; `containsText` appears only after running the inline script. */
  requiresJavaScript?: boolean;
  /** The page contains this prompt-injection sentence (customer-written comment). */
  promptInjection?: string;
  /** Images embedded with <figure><img alt><figcaption>. */
  images?: string[];
  inSitemap: boolean;
  /** Last-Modified of the page (YYYY-MM-DD, served as an HTTP date); also the sitemap lastmod. */
  lastModified?: string;
  /** Exact size of the body (huge page and PDF). */
  bytes?: number;
}

export interface ImageEntry {
  path: string;
  expected: ImageExpected;
  reason?: ImageReason;
  status: number;
  contentType: string;
  alt: string;
  caption: string;
  /** Indexed pages that embed the image. */
  pages: string[];
  format?: 'png' | 'jpeg' | 'webp';
  width?: number;
  height?: number;
}

export interface ExpectedCounts {
  pages: { total: number; indexed: number; skipped: number; failed: number; duplicate: number; discoveredByLink: number };
  pageReasons: Record<PageReason, number>;
  images: { total: number; indexed: number; failed: number };
  imageReasons: Record<ImageReason, number>;
  requiresJavaScript: number;
  promptInjection: number;
  byLang: { en: number; de: number };
}

export interface Manifest {
  version: Version;
  crawlDelaySeconds: number;
  robots: { disallow: string[]; sitemap: string };
  assumedLimits: { maxHtmlBytes: { from: number; to: number }; maxImagePixels: { from: number; to: number } };
  pages: PageEntry[];
  images: ImageEntry[];
  expectedCounts: ExpectedCounts;
  /** Relative to version 1 (all empty in version 1). `changed`: every URL whose body differs. */
  changes: { changed: string[]; removed: string[]; added: string[] };
}

/** Hand-checked totals; site.test.ts verifies they match the entries. */
export const EXPECTED_COUNTS: Record<Version, ExpectedCounts> = {
  1: {
    pages: { total: 83, indexed: 67, skipped: 9, failed: 5, duplicate: 2, discoveredByLink: 81 },
    pageReasons: {
      robots: 2,
      redirect: 2,
      redirect_loop: 2,
      http_404: 3,
      too_large: 1,
      content_type: 1,
      blocked_url: 2,
      duplicate_canonical: 1,
      duplicate_content: 1,
      out_of_scope: 1,
    },
    images: { total: 9, indexed: 6, failed: 3 },
    imageReasons: { corrupt: 1, too_many_pixels: 1, http_404: 1 },
    requiresJavaScript: 1,
    promptInjection: 1,
    byLang: { en: 66, de: 1 },
  },
  2: {
    pages: { total: 81, indexed: 65, skipped: 9, failed: 5, duplicate: 2, discoveredByLink: 79 },
    pageReasons: {
      robots: 2,
      redirect: 2,
      redirect_loop: 2,
      http_404: 3,
      too_large: 1,
      content_type: 1,
      blocked_url: 2,
      duplicate_canonical: 1,
      duplicate_content: 1,
      out_of_scope: 1,
    },
    images: { total: 9, indexed: 6, failed: 3 },
    imageReasons: { corrupt: 1, too_many_pixels: 1, http_404: 1 },
    requiresJavaScript: 1,
    promptInjection: 1,
    byLang: { en: 64, de: 1 },
  },
};

export const DEFAULT_CRAWL_DELAY_SECONDS = 0.05;
export const PRIVATE_PREFIX = '/private/';

/** Redirects served by the fixture (all 301). */
export const REDIRECTS: ReadonlyMap<string, string> = new Map([
  ['/old-pricing', '/pricing-2023'],
  ['/pricing-2023', '/billing/pricing'],
  ['/loop-a', '/loop-b'],
  ['/loop-b', '/loop-a'],
]);

/** Extra URLs that serve another page's HTML unchanged. */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  ['/guides/install', '/docs/getting-started/installation'],
  ['/support/billing-questions', '/billing/faq'],
]);

const V2_DATE = '2025-01-20';
const RENDER_BASE = 'http://fixture.invalid';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let changedCache: Set<string> | undefined;

/** Pages (and aliases) whose rendered HTML differs between version 1 and version 2. */
function changedInV2(): Set<string> {
  if (changedCache) return changedCache;
  const changed = new Set<string>();
  for (const def of ALL_PAGE_DEFS) {
    if (existsIn(def, 1) && existsIn(def, 2) && renderPage(def, 1, RENDER_BASE) !== renderPage(def, 2, RENDER_BASE)) {
      changed.add(def.path);
    }
  }
  for (const [alias, target] of ALIASES) if (changed.has(target)) changed.add(alias);
  changedCache = changed;
  return changed;
}

/** Last-Modified (YYYY-MM-DD) of a page in version `v`. */
export function lastModified(def: PageDef, v: Version): string {
  if (v === 2 && changedInV2().has(def.path)) return V2_DATE;
  if (def.published) return def.published;
  return addDays('2024-01-08', 5 * ALL_PAGE_DEFS.indexOf(def));
}

const SPECIAL_PAGES: PageEntry[] = [
  {
    path: '/old-pricing',
    expected: 'skipped',
    reason: 'redirect',
    discovery: 'link',
    status: 301,
    redirectTo: '/pricing-2023',
    finalPath: '/billing/pricing',
    linkedFrom: ['/blog/2024/new-pricing-2024'],
    inSitemap: false,
  },
  {
    path: '/pricing-2023',
    expected: 'skipped',
    reason: 'redirect',
    discovery: 'redirect',
    status: 301,
    redirectTo: '/billing/pricing',
    finalPath: '/billing/pricing',
    inSitemap: false,
  },
  {
    path: '/loop-a',
    expected: 'failed',
    reason: 'redirect_loop',
    discovery: 'link',
    status: 301,
    redirectTo: '/loop-b',
    linkedFrom: ['/docs/troubleshooting/connectivity'],
    inSitemap: false,
  },
  {
    path: '/loop-b',
    expected: 'failed',
    reason: 'redirect_loop',
    discovery: 'redirect',
    status: 301,
    redirectTo: '/loop-a',
    inSitemap: false,
  },
  {
    path: '/docs/accounts/legacy-sso-setup',
    expected: 'failed',
    reason: 'http_404',
    discovery: 'link',
    status: 404,
    linkedFrom: ['/docs/accounts/'],
    inSitemap: false,
  },
  {
    path: '/billing/invoices/2019',
    expected: 'failed',
    reason: 'http_404',
    discovery: 'link',
    status: 404,
    linkedFrom: ['/billing/invoices'],
    inSitemap: false,
  },
  {
    path: '/blog/2023/holiday-support-hours',
    expected: 'failed',
    reason: 'http_404',
    discovery: 'link',
    status: 404,
    linkedFrom: ['/blog/2023/year-in-review'],
    inSitemap: false,
  },
  {
    path: HUGE_PAGE_PATH,
    expected: 'skipped',
    reason: 'too_large',
    discovery: 'link',
    status: 200,
    contentType: 'text/html',
    linkedFrom: ['/docs/api/'],
    inSitemap: false,
  },
  {
    path: PDF_PATH,
    expected: 'skipped',
    reason: 'content_type',
    discovery: 'link',
    status: 200,
    contentType: 'application/pdf',
    linkedFrom: ['/docs/getting-started/'],
    inSitemap: false,
  },
  {
    path: '/guides/install',
    expected: 'duplicate',
    reason: 'duplicate_canonical',
    discovery: 'link',
    status: 200,
    contentType: 'text/html',
    duplicateOf: '/docs/getting-started/installation',
    linkedFrom: ['/docs/getting-started/quick-start'],
    inSitemap: false,
  },
  {
    path: '/support/billing-questions',
    expected: 'duplicate',
    reason: 'duplicate_content',
    discovery: 'link',
    status: 200,
    contentType: 'text/html',
    duplicateOf: '/billing/faq',
    linkedFrom: ['/docs/troubleshooting/error-codes'],
    inSitemap: false,
  },
  {
    path: 'http://10.0.0.1/admin',
    external: true,
    expected: 'skipped',
    reason: 'blocked_url',
    discovery: 'link',
    linkedFrom: ['/docs/getting-started/configuration'],
    inSitemap: false,
  },
  {
    path: 'http://169.254.169.254/latest/meta-data/',
    external: true,
    expected: 'skipped',
    reason: 'blocked_url',
    discovery: 'link',
    linkedFrom: ['/docs/api/webhooks'],
    inSitemap: false,
  },
  {
    path: 'http://example.invalid/partner-portal',
    external: true,
    expected: 'skipped',
    reason: 'out_of_scope',
    discovery: 'link',
    linkedFrom: ['/docs/integrations/salesforce'],
    inSitemap: false,
  },
];

const PRIVATE_LINKED_FROM: Record<string, string[]> = {
  '/private/admin-notes': ['/docs/accounts/roles-and-permissions'],
  '/private/internal-roadmap': ['/contact'],
};

function pageEntry(def: PageDef, v: Version): PageEntry {
  const base = {
    path: def.path,
    discovery: 'link' as const,
    status: 200,
    contentType: 'text/html',
    title: def.title,
    description: def.description,
    lang: def.lang ?? 'en',
    lastModified: lastModified(def, v),
  };
  if (def.path.startsWith(PRIVATE_PREFIX)) {
    return { ...base, expected: 'skipped', reason: 'robots', linkedFrom: PRIVATE_LINKED_FROM[def.path], containsText: def.containsText, inSitemap: false };
  }
  const text = v === 2 && def.v2 ? def.v2 : { containsText: def.containsText, notContainsText: [] };
  const images = [...new Set(imagePaths(def.body(v)))];
  return {
    ...base,
    expected: 'indexed',
    containsText: text.containsText,
    ...(text.notContainsText.length ? { notContainsText: text.notContainsText } : {}),
    ...(def.requiresJavaScript ? { requiresJavaScript: true } : {}),
    ...(def.promptInjection ? { promptInjection: def.promptInjection } : {}),
    ...(images.length ? { images } : {}),
    inSitemap: true,
  };
}

function imageEntries(pages: PageEntry[]): ImageEntry[] {
  return IMAGE_DEFS.map((def) => {
    const common = {
      path: def.path,
      alt: def.alt,
      caption: def.caption,
      contentType: CONTENT_TYPES[def.format],
      pages: pages.filter((p) => p.expected === 'indexed' && p.images?.includes(def.path)).map((p) => p.path),
    };
    switch (def.kind) {
      case 'normal':
        return { ...common, expected: 'indexed', status: 200, format: def.format, width: def.width, height: def.height };
      case 'oversized':
        return { ...common, expected: 'failed', reason: 'too_many_pixels', status: 200, format: def.format, width: def.width, height: def.height };
      case 'corrupt':
        return { ...common, expected: 'failed', reason: 'corrupt', status: 200 };
      case 'missing':
        return { ...common, expected: 'failed', reason: 'http_404', status: 404, contentType: 'text/html' };
    }
  });
}

/** The manifest of site version `v`. */
export function buildManifest(v: Version, crawlDelaySeconds = DEFAULT_CRAWL_DELAY_SECONDS): Manifest {
  const pages = [
    ...ALL_PAGE_DEFS.filter((d) => existsIn(d, v)).map((d) => pageEntry(d, v)),
    ...SPECIAL_PAGES.map((e) => {
      if (e.path === HUGE_PAGE_PATH) return { ...e, bytes: hugePage().length };
      if (e.path === PDF_PATH) return { ...e, bytes: userGuidePdf().length };
      return { ...e };
    }),
  ];
  const changes =
    v === 1
      ? { changed: [], removed: [], added: [] }
      : {
          changed: [...changedInV2()].sort(),
          removed: ALL_PAGE_DEFS.filter((d) => d.only === 1).map((d) => d.path),
          added: ALL_PAGE_DEFS.filter((d) => d.only === 2).map((d) => d.path),
        };
  return {
    version: v,
    crawlDelaySeconds,
    robots: { disallow: [PRIVATE_PREFIX], sitemap: '/sitemap.xml' },
    assumedLimits: { maxHtmlBytes: { from: 1_048_576, to: 5_242_880 }, maxImagePixels: { from: 1_000_000, to: 100_000_000 } },
    pages,
    images: imageEntries(pages),
    expectedCounts: EXPECTED_COUNTS[v],
    changes,
  };
}

/** Counts computed from entries (the test compares them with `expectedCounts`). */
export function countEntries(pages: PageEntry[], images: ImageEntry[]): ExpectedCounts {
  const pageReasons = Object.fromEntries(
    (Object.keys(EXPECTED_COUNTS[1].pageReasons) as PageReason[]).map((r) => [r, pages.filter((p) => p.reason === r).length]),
  ) as Record<PageReason, number>;
  const imageReasons = Object.fromEntries(
    (Object.keys(EXPECTED_COUNTS[1].imageReasons) as ImageReason[]).map((r) => [r, images.filter((i) => i.reason === r).length]),
  ) as Record<ImageReason, number>;
  const of = (e: PageExpected): number => pages.filter((p) => p.expected === e).length;
  const indexed = pages.filter((p) => p.expected === 'indexed');
  return {
    pages: {
      total: pages.length,
      indexed: of('indexed'),
      skipped: of('skipped'),
      failed: of('failed'),
      duplicate: of('duplicate'),
      discoveredByLink: pages.filter((p) => p.discovery === 'link').length,
    },
    pageReasons,
    images: {
      total: images.length,
      indexed: images.filter((i) => i.expected === 'indexed').length,
      failed: images.filter((i) => i.expected === 'failed').length,
    },
    imageReasons,
    requiresJavaScript: indexed.filter((p) => p.requiresJavaScript).length,
    promptInjection: indexed.filter((p) => p.promptInjection).length,
    byLang: { en: indexed.filter((p) => p.lang === 'en').length, de: indexed.filter((p) => p.lang === 'de').length },
  };
}
