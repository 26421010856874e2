// Fixture website for crawler end-to-end tests: a deterministic "Acme Widgets" help center served
// by plain node:http on 127.0.0.1. See manifest.ts for what a correct crawler must conclude.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsIn, PAGES, type Version } from './content.js';
import { CONTENT_TYPES, generateImages, IMAGE_DEFS } from './images.js';
import { ALIASES, buildManifest, DEFAULT_CRAWL_DELAY_SECONDS, lastModified, REDIRECTS, type Manifest } from './manifest.js';
import { HUGE_PAGE_PATH, hugePage, PDF_PATH, renderNotFound, renderPage, robotsTxt, sitemapXml, userGuidePdf } from './render.js';

export type { Manifest, PageEntry, ImageEntry, ExpectedCounts, PageReason, ImageReason } from './manifest.js';

export type FixtureChange = 'second-version' | 'first-version';

export interface FixtureSite {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  stop(): Promise<void>;
  /** The manifest of the version currently served. */
  readonly manifest: Manifest;
  readonly version: Version;
  /** 'second-version': change/remove/add pages (see manifest.changes); 'first-version' restores. */
  mutate(change: FixtureChange): void;
  /** Requests received for this path (path + query exactly as requested; a full URL is accepted too). */
  hits(path: string): number;
  /** Every request received, in order (method and path + query). */
  requests(): { method: string; path: string }[];
  resetHits(): void;
}

export interface FixtureSiteOptions {
  port?: number;
  /** Crawl-delay declared in robots.txt (seconds); default 0.05. */
  crawlDelaySeconds?: number;
}

/** Fixed Last-Modified for static files (images, PDF, robots.txt). */
const STATIC_DATE = '2024-01-02';

interface Body {
  status: number;
  type: string;
  body: Buffer;
  lastModified?: string;
  headers?: Record<string, string>;
}

const httpDate = (isoDay: string): string => new Date(`${isoDay}T09:00:00Z`).toUTCString();

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const crawlDelay = options.crawlDelaySeconds ?? DEFAULT_CRAWL_DELAY_SECONDS;
  const images = await generateImages();
  const manifests = new Map<Version, Manifest>();
  const manifestOf = (v: Version): Manifest => {
    let m = manifests.get(v);
    if (!m) manifests.set(v, (m = buildManifest(v, crawlDelay)));
    return m;
  };
  let version: Version = 1;
  const hitCounts = new Map<string, number>();
  const log: { method: string; path: string }[] = [];
  let baseUrl = '';

  const html = (text: string, status = 200, lm?: string): Body => ({
    status,
    type: 'text/html; charset=utf-8',
    body: Buffer.from(text),
    lastModified: lm,
  });

  function resolve(pathname: string): Body {
    if (pathname === '/robots.txt') {
      return { status: 200, type: 'text/plain; charset=utf-8', body: Buffer.from(robotsTxt(baseUrl, crawlDelay)), lastModified: STATIC_DATE };
    }
    if (pathname === '/sitemap.xml') {
      const entries = manifestOf(version)
        .pages.filter((p) => p.inSitemap)
        .map((p) => ({ path: p.path, lastModified: p.lastModified! }));
      return { status: 200, type: 'application/xml; charset=utf-8', body: Buffer.from(sitemapXml(baseUrl, entries)) };
    }
    const redirect = REDIRECTS.get(pathname);
    if (redirect) {
      // One hop relative, the others absolute: crawlers must resolve both.
      const location = pathname === '/pricing-2023' ? redirect : baseUrl + redirect;
      return { status: 301, type: 'text/html; charset=utf-8', body: Buffer.from(`<a href="${redirect}">Moved</a>`), headers: { location } };
    }
    const image = images.get(pathname);
    if (image) {
      const def = IMAGE_DEFS.find((d) => d.path === pathname)!;
      return { status: 200, type: CONTENT_TYPES[def.format], body: image, lastModified: STATIC_DATE };
    }
    if (pathname === PDF_PATH) {
      return {
        status: 200,
        type: 'application/pdf',
        body: userGuidePdf(),
        lastModified: STATIC_DATE,
        headers: { 'content-disposition': 'inline; filename="acme-widgets-user-guide.pdf"' },
      };
    }
    if (pathname === HUGE_PAGE_PATH) return { status: 200, type: 'text/html; charset=utf-8', body: hugePage(), lastModified: STATIC_DATE };
    const def = PAGES.get(ALIASES.get(pathname) ?? pathname);
    if (def && existsIn(def, version)) return html(renderPage(def, version, baseUrl), 200, lastModified(def, version));
    const withSlash = PAGES.get(`${pathname}/`);
    if (withSlash && existsIn(withSlash, version)) {
      return { status: 301, type: 'text/html; charset=utf-8', body: Buffer.alloc(0), headers: { location: `${pathname}/` } };
    }
    return html(renderNotFound(), 404);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '/';
    hitCounts.set(raw, (hitCounts.get(raw) ?? 0) + 1);
    log.push({ method: req.method ?? 'GET', path: raw });
    res.setHeader('x-fixture-version', String(version));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    const pathname = new URL(raw, 'http://fixture.invalid').pathname;
    const out = resolve(pathname);
    const headers: Record<string, string | number> = { 'content-type': out.type, ...out.headers };
    if (out.status === 200) {
      const etag = `"${createHash('sha1').update(out.body).digest('hex').slice(0, 20)}"`;
      headers.etag = etag;
      if (out.lastModified) headers['last-modified'] = httpDate(out.lastModified);
      headers['cache-control'] = 'no-cache';
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      const notModified = inm
        ? inm.split(',').some((t) => t.trim() === etag)
        : Boolean(ims && out.lastModified && Date.parse(ims) >= Date.parse(httpDate(out.lastModified)));
      if (notModified) {
        res.writeHead(304, { etag, ...(out.lastModified ? { 'last-modified': httpDate(out.lastModified) } : {}) }).end();
        return;
      }
    }
    headers['content-length'] = out.body.length;
    res.writeHead(out.status, headers);
    res.end(req.method === 'HEAD' ? undefined : out.body);
  }

  const server = createServer(handle);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const keyOf = (path: string): string => {
    if (!/^https?:/.test(path)) return path;
    const u = new URL(path);
    return u.pathname + u.search;
  };

  return {
    baseUrl,
    get manifest() {
      return manifestOf(version);
    },
    get version() {
      return version;
    },
    mutate(change) {
      version = change === 'second-version' ? 2 : 1;
    },
    hits: (path) => hitCounts.get(keyOf(path)) ?? 0,
    requests: () => [...log],
    resetHits() {
      hitCounts.clear();
      log.length = 0;
    },
    stop: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((err) => (err ? reject(err) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
