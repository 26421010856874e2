// Self-test of the crawler fixture site: the server answers exactly what the manifest claims.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEntries, type Manifest } from './manifest.js';
import { startFixtureSite, type FixtureSite } from './site.js';

let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite({ port: 0 });
});

afterAll(async () => {
  await site?.stop();
});

const get = (path: string, init: RequestInit = {}): Promise<Response> => fetch(site.baseUrl + path, { redirect: 'manual', ...init });

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const BLOCK =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|tr|td|th|table|thead|tbody|caption|pre|section|article|header|footer|nav|main|figure|figcaption|blockquote|aside|br)\b[^>]*>/g;

/** Visible text of an HTML document as a crawler without JavaScript would extract it. */
function text(html: string): string {
  const body = html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/g, ' ');
  return decode(body.replace(BLOCK, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ');
}

const attr = (html: string, re: RegExp): string | undefined => {
  const m = re.exec(html);
  return m ? decode(m[1]!) : undefined;
};

/** href values of <a> elements, resolved against the site; fragments dropped. */
function links(html: string): URL[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]+)"/g)]
    .map((m) => new URL(decode(m[1]!), site.baseUrl + '/'))
    .filter((u) => u.protocol === 'http:' || u.protocol === 'https:')
    .map((u) => {
      u.hash = '';
      return u;
    });
}

const sameOrigin = (u: URL): boolean => u.origin === site.baseUrl;

/** Breadth-first walk over <a> links from '/', like a crawler that obeys robots.txt. */
async function crawlDepths(m: Manifest): Promise<{ depth: Map<string, number>; html: Map<string, string>; external: Set<string>; internal: Set<string> }> {
  const depth = new Map<string, number>([['/', 0]]);
  const html = new Map<string, string>();
  const external = new Set<string>();
  const internal = new Set<string>();
  let frontier = ['/'];
  for (let d = 0; frontier.length > 0; d++) {
    const next: string[] = [];
    await Promise.all(
      frontier.map(async (path) => {
        const entry = m.pages.find((p) => p.path === path);
        if (!entry || !['indexed', 'duplicate'].includes(entry.expected)) return;
        const res = await get(path);
        const body = await res.text();
        html.set(path, body);
        for (const u of links(body)) {
          if (!sameOrigin(u)) {
            external.add(u.href);
            continue;
          }
          const target = u.pathname + u.search;
          internal.add(target);
          if (!depth.has(target)) {
            depth.set(target, d + 1);
            next.push(target);
          }
        }
      }),
    );
    frontier = next;
  }
  return { depth, html, external, internal };
}

async function checkVersion(m: Manifest): Promise<void> {
  // counts
  expect(countEntries(m.pages, m.images)).toEqual(m.expectedCounts);
  expect(new Set(m.pages.map((p) => p.path)).size).toBe(m.pages.length);
  expect(m.expectedCounts.pages.indexed).toBeGreaterThanOrEqual(60);

  // every page entry
  const bodies = new Map<string, string>();
  for (const entry of m.pages.filter((p) => !p.external)) {
    const res = await get(entry.path);
    expect(res.status, entry.path).toBe(entry.status);
    if (entry.status === 301) {
      expect(new URL(res.headers.get('location')!, site.baseUrl + entry.path).pathname, entry.path).toBe(entry.redirectTo);
      await res.arrayBuffer();
      continue;
    }
    if (entry.status === 404) {
      await res.arrayBuffer();
      continue;
    }
    expect(res.headers.get('content-type')!.split(';')[0], entry.path).toBe(entry.contentType);
    const buf = Buffer.from(await res.arrayBuffer());
    if (entry.bytes !== undefined) expect(buf.length, entry.path).toBe(entry.bytes);
    if (entry.contentType !== 'text/html') {
      expect(buf.subarray(0, 5).toString('latin1'), entry.path).toBe('%PDF-');
      continue;
    }
    const body = buf.toString();
    bodies.set(entry.path, body);
    if (entry.reason === 'too_large') {
      expect(buf.length).toBeGreaterThan(m.assumedLimits.maxHtmlBytes.to);
      continue;
    }
    expect(buf.length, entry.path).toBeLessThan(m.assumedLimits.maxHtmlBytes.from);
    if (entry.expected !== 'indexed' && entry.reason !== 'robots') continue;

    expect(res.headers.get('last-modified'), entry.path).toBe(new Date(`${entry.lastModified}T09:00:00Z`).toUTCString());
    expect(attr(body, /<title>([^<]*)<\/title>/), entry.path).toBe(entry.title);
    expect(attr(body, /<h1 id="[^"]+">([^<]*)<\/h1>/), entry.path).toBe(entry.title);
    expect(attr(body, /<meta property="og:title" content="([^"]*)">/), entry.path).toBe(entry.title);
    expect(attr(body, /<meta name="description" content="([^"]*)">/), entry.path).toBe(entry.description);
    expect(attr(body, /<html lang="([^"]+)">/), entry.path).toBe(entry.lang);
    expect(body, entry.path).not.toMatch(/<h[1-3](?![^>]*\bid=)[^>]*>/); // every heading has an id
    const canonical = attr(body, /<link rel="canonical" href="([^"]+)">/);
    expect(canonical, entry.path).toBe(entry.path === '/billing/faq' ? undefined : site.baseUrl + entry.path);
    const visible = text(body);
    if (entry.requiresJavaScript) {
      const payload = attr(body, /atob\('([^']+)'\)/)!;
      const rendered = Buffer.from(payload, 'base64').toString();
      for (const phrase of entry.containsText!) {
        expect(visible, entry.path).not.toContain(phrase);
        expect(body, entry.path).not.toContain(phrase);
        expect(rendered, entry.path).toContain(phrase);
      }
      expect(visible).toContain('Loading current service status');
    } else {
      for (const phrase of entry.containsText!) expect(visible, entry.path).toContain(phrase);
    }
    for (const phrase of entry.notContainsText ?? []) expect(visible, entry.path).not.toContain(phrase);
    if (entry.promptInjection) expect(visible).toContain('Ignore all previous instructions');
  }

  // duplicates
  for (const entry of m.pages.filter((p) => p.expected === 'duplicate')) {
    expect(bodies.get(entry.path), entry.path).toBe(bodies.get(entry.duplicateOf!));
    const canonical = attr(bodies.get(entry.path)!, /<link rel="canonical" href="([^"]+)">/);
    expect(canonical, entry.path).toBe(entry.reason === 'duplicate_canonical' ? site.baseUrl + entry.duplicateOf : undefined);
  }

  // structural features exist somewhere
  const all = [...bodies.values()].join('');
  for (const needle of ['<table>', '<pre><code', '<figure><img', '<figcaption>', 'property="og:image"', 'hreflang="de"']) {
    expect(all).toContain(needle);
  }

  // images
  for (const img of m.images) {
    const res = await get(img.path);
    expect(res.status, img.path).toBe(img.status);
    expect(res.headers.get('content-type')!.split(';')[0], img.path).toBe(img.contentType);
    const buf = Buffer.from(await res.arrayBuffer());
    for (const page of img.pages) {
      const html = bodies.get(page)!;
      expect(html, `${img.path} on ${page}`).toContain(`<img src="${img.path}" alt="${img.alt}"`);
    }
    expect(img.pages.length, img.path).toBeGreaterThan(0);
    if (img.expected === 'indexed') {
      const meta = await sharp(buf).metadata();
      expect([meta.format, meta.width, meta.height], img.path).toEqual([img.format, img.width, img.height]);
      expect(img.width! * img.height!).toBeLessThan(m.assumedLimits.maxImagePixels.from);
      const stats = await sharp(buf).stats(); // decodes fully
      expect(stats.isOpaque).toBe(true);
    } else if (img.reason === 'too_many_pixels') {
      const meta = await sharp(buf).metadata(); // header only
      expect([meta.format, meta.width, meta.height]).toEqual([img.format, img.width, img.height]);
      expect(img.width! * img.height!).toBeGreaterThan(m.assumedLimits.maxImagePixels.to);
      expect(buf.length).toBeLessThan(100_000);
      await expect(sharp(buf, { limitInputPixels: m.assumedLimits.maxImagePixels.to }).metadata()).rejects.toThrow(/pixel limit/);
    } else if (img.reason === 'corrupt') {
      await expect(sharp(buf).metadata()).rejects.toThrow();
    }
  }

  // links: reachability within depth 4, and every link target is described by the manifest
  const { depth, html, external, internal } = await crawlDepths(m);
  for (const entry of m.pages.filter((p) => p.expected === 'indexed')) {
    expect(depth.get(entry.path), entry.path).toBeLessThanOrEqual(4);
  }
  const pagePaths = new Set(m.pages.filter((p) => !p.external).map((p) => p.path));
  for (const target of internal) expect(pagePaths.has(target), `link to ${target}`).toBe(true);
  expect([...external].sort()).toEqual(
    m.pages
      .filter((p) => p.external)
      .map((p) => new URL(p.path).href)
      .sort(),
  );
  for (const entry of m.pages) {
    if (entry.discovery === 'redirect') expect(internal.has(entry.path), entry.path).toBe(false);
    else if (entry.expected !== 'indexed') expect(entry.linkedFrom?.length, entry.path).toBeGreaterThan(0);
    for (const from of entry.linkedFrom ?? []) {
      const found = links(html.get(from) ?? '').some((u) => (entry.external ? u.href === new URL(entry.path).href : u.pathname === entry.path));
      expect(found, `${entry.path} linked from ${from}`).toBe(true);
    }
  }
  const imgSrcs = new Set([...html.values()].flatMap((h) => [...h.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((x) => x[1]!)));
  expect([...imgSrcs].sort()).toEqual(m.images.map((i) => i.path).sort());

  // robots.txt and sitemap
  const robots = await (await get('/robots.txt')).text();
  expect(robots).toContain('User-agent: *\nCrawl-delay: 0.05\nDisallow: /private/\n');
  expect(robots).toContain(`Sitemap: ${site.baseUrl}/sitemap.xml`);
  const sitemap = await (await get('/sitemap.xml')).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!.slice(site.baseUrl.length)).sort();
  expect(locs).toEqual(
    m.pages
      .filter((p) => p.inSitemap)
      .map((p) => p.path)
      .sort(),
  );
  expect(locs).toEqual(
    m.pages
      .filter((p) => p.expected === 'indexed')
      .map((p) => p.path)
      .sort(),
  );
}

describe('crawler fixture site', () => {
  it('serves version 1 exactly as its manifest says', async () => {
    expect(site.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.manifest.version).toBe(1);
    await checkVersion(site.manifest);
  });

  it('second version changes, removes and adds pages as its manifest says', async () => {
    const v1 = site.manifest;
    site.mutate('second-version');
    try {
      const v2 = site.manifest;
      expect(v2.version).toBe(2);
      expect(v2.changes.removed).toHaveLength(3);
      expect(v2.changes.added).toHaveLength(1);
      expect(v2.changes.changed).toEqual(
        expect.arrayContaining(['/billing/pricing', '/docs/getting-started/installation', '/docs/troubleshooting/error-codes']),
      );
      for (const path of v2.changes.removed) {
        expect(v1.pages.find((p) => p.path === path)?.expected).toBe('indexed');
        expect(v2.pages.find((p) => p.path === path)).toBeUndefined();
        expect((await get(path)).status, path).toBe(404);
      }
      for (const path of v2.changes.changed) {
        const entry = v2.pages.find((p) => p.path === path)!;
        if (entry.expected === 'indexed') expect(entry.lastModified, path).toBe('2025-01-20');
      }
      await checkVersion(v2);
    } finally {
      site.mutate('first-version');
    }
    expect((await get(site.manifest.pages[0]!.path)).status).toBe(200);
    expect((await get('/docs/integrations/zapier')).status).toBe(200);
  });

  it('counts hits, answers HEAD and conditional requests', async () => {
    site.resetHits();
    expect(site.hits('/docs/')).toBe(0);
    const first = await get('/docs/');
    await first.text();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect((await get('/docs/', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await get('/docs/', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    const head = await get('/docs/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(site.hits('/docs/')).toBe(4);
    expect(site.hits(`${site.baseUrl}/docs/`)).toBe(4);
    expect(site.hits('/docs')).toBe(0);
    expect((await get('/docs')).status).toBe(301); // missing trailing slash
    expect(site.requests().map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'HEAD', 'GET']);
  });
});
