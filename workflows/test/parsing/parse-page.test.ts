// parsePage against the fixture help center (real HTTP responses) and against hostile inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPageParseError, PageParseError, parsePage, type ParsedPage } from '../../src/parsing/index.js';
import { buildManifest } from '../fixture-site/manifest.js';
import { HUGE_PAGE_PATH } from '../fixture-site/render.js';
import { startFixtureSite, type FixtureSite } from '../fixture-site/site.js';
import { decodeEntities, fetchPage, type FetchedPage } from './support.js';

const manifest = buildManifest(1);
const indexed = manifest.pages.filter((p) => p.expected === 'indexed');
const duplicates = manifest.pages.filter((p) => p.expected === 'duplicate');

let site: FixtureSite;
const raw = new Map<string, FetchedPage>();
const parsed = new Map<string, ParsedPage>();

beforeAll(async () => {
  site = await startFixtureSite();
  for (const entry of [...indexed, ...duplicates]) {
    const fetched = await fetchPage(site, entry.path);
    raw.set(entry.path, fetched);
    parsed.set(entry.path, parsePage(fetched));
  }
});

afterAll(async () => {
  await site?.stop();
});

const page = (path: string): ParsedPage => parsed.get(path)!;
const html = (path: string): string => raw.get(path)!.html.toString('utf8');

describe('parsePage on the fixture site', () => {
  it('parses every indexed and duplicate page', () => {
    expect(indexed.length).toBe(manifest.expectedCounts.pages.indexed);
    expect(parsed.size).toBe(indexed.length + duplicates.length);
  });

  it.each(indexed.map((e) => [e.path, e] as const))('%s: title, description, language, date and text', (path, entry) => {
    const p = page(path);
    expect(p.url).toBe(site.baseUrl + path);
    expect(p.title).toBe(entry.title);
    expect(p.description).toBe(entry.description);
    expect(p.openGraph.title).toBe(entry.title);
    expect(p.language).toBe(entry.lang);
    expect(p.lastModified?.slice(0, 10)).toBe(entry.lastModified);
    // The <h1> roots every heading path.
    expect(p.headings[0]).toMatchObject({ level: 1, text: entry.title });
    expect(p.blocks.every((b) => b.headingPath[0] === entry.title)).toBe(true);
    if (!entry.requiresJavaScript) {
      for (const phrase of entry.containsText ?? []) expect(p.mainText).toContain(phrase);
    }
    // Boilerplate: skip link, site header and navigation, breadcrumbs, footer.
    expect(p.mainText).not.toContain('Skip to content');
    expect(p.mainText).not.toContain('© 2025 Acme Widgets');
    const lines = p.mainText.split('\n');
    for (const navText of ['Home', 'Documentation', 'Billing', 'Blog', 'Community', 'Contact', 'Acme Widgets Help Center']) {
      if (navText !== entry.title) expect(lines).not.toContain(navText);
    }
    expect(p.textLength).toBe(p.mainText.length);
    expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects German from <html lang> and English everywhere else', () => {
    expect(page('/de/docs/installation').language).toBe('de');
    expect(page('/de/docs/installation').mainText).toContain('Laden Sie das Installationsprogramm aus der Web-App herunter');
    const languages = indexed.map((e) => page(e.path).language);
    expect(languages.filter((l) => l === 'de')).toHaveLength(manifest.expectedCounts.byLang.de);
    expect(languages.filter((l) => l === 'en')).toHaveLength(manifest.expectedCounts.byLang.en);
  });

  it('resolves the canonical link: the duplicate points to its original, pages without one have none', () => {
    const dup = manifest.pages.find((p) => p.reason === 'duplicate_canonical')!;
    expect(page(dup.path).canonicalUrl).toBe(site.baseUrl + dup.duplicateOf);
    expect(page('/docs/getting-started/installation').canonicalUrl).toBe(`${site.baseUrl}/docs/getting-started/installation`);
    expect(page('/billing/faq').canonicalUrl).toBeNull();
    expect(page('/support/billing-questions').canonicalUrl).toBeNull();
  });

  it('gives byte-identical pages the same contentHash and every other page a different one', () => {
    const byHash = new Map<string, string[]>();
    for (const [path, p] of parsed) byHash.set(p.contentHash, [...(byHash.get(p.contentHash) ?? []), path]);
    const shared = [...byHash.values()].filter((paths) => paths.length > 1).map((paths) => paths.sort());
    const expected = duplicates.map((d) => [d.path, d.duplicateOf!].sort());
    expect(shared.sort()).toEqual(expected.sort());
    expect(duplicates.find((d) => d.reason === 'duplicate_content')).toMatchObject({ path: '/support/billing-questions', duplicateOf: '/billing/faq' });
  });

  it.each(indexed.map((e) => [e.path] as const))('%s: headings carry the anchors the HTML declares', (path) => {
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html(path))![1]!;
    const declared = [...main.matchAll(/<h([1-6]) id="([^"]*)">([\s\S]*?)<\/h\1>/g)].map((m) => ({
      level: Number(m[1]),
      text: decodeEntities(m[3]!.replace(/<[^>]+>/g, '')),
      anchor: m[2]!,
    }));
    expect(declared.length).toBeGreaterThan(0);
    expect(page(path).headings).toEqual(declared);
  });

  it('keeps deep-link anchors on the blocks of each section', () => {
    const p = page('/docs/getting-started/installation');
    const debian = p.blocks.find((b) => b.type === 'code' && b.text.startsWith('curl'))!;
    expect(debian.headingPath).toEqual(['Installing the Acme Widgets Agent', 'Install on Linux', 'Debian and Ubuntu']);
    expect(debian.anchor).toBe('debian-and-ubuntu');
    const intro = p.blocks.find((b) => b.type === 'paragraph')!;
    expect(intro.headingPath).toEqual(['Installing the Acme Widgets Agent']);
    expect(intro.anchor).toBe('installing-the-acme-widgets-agent');
  });

  it('keeps tables readable: caption, header row and one line per row', () => {
    const table = page('/docs/getting-started/system-requirements').blocks.find((b) => b.type === 'table')!;
    expect(table.text.split('\n')).toEqual([
      'Supported platforms',
      '| Operating system | Minimum version | Memory | Disk |',
      '| --- | --- | --- | --- |',
      '| Windows | Windows 10 (22H2) | 2 GB | 500 MB |',
      '| Windows Server | 2019 | 2 GB | 500 MB |',
      '| macOS | 12 Monterey | 2 GB | 400 MB |',
      '| Ubuntu | 20.04 LTS | 1 GB | 300 MB |',
      '| Debian | 11 | 1 GB | 300 MB |',
      '| RHEL / Rocky Linux | 8 | 1 GB | 300 MB |',
    ]);
    expect(table.headingPath).toEqual(['System requirements']);
    const errors = page('/docs/troubleshooting/error-codes').blocks.find((b) => b.type === 'table')!;
    expect(errors.text).toContain('| E-409 | Seat limit reached | Add seats or remove inactive members. |');
  });

  it('keeps code blocks with their line breaks and indentation', () => {
    const install = page('/docs/getting-started/installation')
      .blocks.filter((b) => b.type === 'code')
      .map((b) => b.text);
    expect(install).toContain(
      'curl -fsSL https://packages.acme-widgets.example/gpg | sudo gpg --dearmor -o /usr/share/keyrings/acme.gpg\nsudo apt-get update\nsudo apt-get install acme-widgets-agent',
    );
    expect(install).toContain('acme-widgets --version\n# acme-widgets 4.2.1');
    const python = page('/docs/api/sdks').blocks.find((b) => b.type === 'code' && b.text.includes('Client'))!;
    expect(python.text).toBe(
      'from acme_widgets import Client\nclient = Client(api_key="aw_live_XXXXXXXXXXXX")\nfor widget in client.widgets.list():\n    print(widget.name)',
    );
    const json = page('/docs/api/widgets-endpoint').blocks.find((b) => b.type === 'code')!;
    expect(JSON.parse(json.text)).toMatchObject({ id: 'wdg_8f2k1', name: 'Weekly sales' });
  });

  it('renders lists one item per line', () => {
    const list = page('/docs/getting-started/installation').blocks.find((b) => b.type === 'list' && b.text.startsWith('1.'))!;
    expect(list.text.split('\n')).toEqual([
      '1. Download AcmeWidgetsSetup-4.2.1.msi from the web app.',
      '2. Run the installer and accept the licence agreement.',
      '3. Enter your licence key when the wizard asks for it and click Install.',
    ]);
  });

  it('extracts every embedded image with alt, figcaption and surrounding text', () => {
    let checked = 0;
    for (const image of manifest.images) {
      for (const path of image.pages) {
        const found = page(path).images.find((i) => i.src === site.baseUrl + image.path);
        expect(found, `${image.path} on ${path}`).toBeDefined();
        expect(found!.alt).toBe(image.alt);
        expect(found!.caption).toBe(image.caption);
        expect(found!.surroundingText.length).toBeGreaterThan(0);
        expect(found!.surroundingText.length).toBeLessThanOrEqual(300);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(manifest.images.length - 1);
    const quickStart = page('/docs/getting-started/quick-start').images[0]!;
    expect(quickStart.surroundingText).toContain('Pick a source the agent can reach');
    const panorama = page('/docs/getting-started/screenshots').images.find((i) => i.src.endsWith('factory-floor-panorama.png'))!;
    expect(panorama.surroundingText).toBe('Where the physical widgets used to be made, before we went fully digital.');
    // Images are those of the content only, and og:image is absolute.
    expect(page('/docs/getting-started/installation').images).toHaveLength(1);
    expect(page('/docs/getting-started/installation').openGraph.image).toBe(`${site.baseUrl}/images/install-wizard.jpg`);
  });

  it('collects absolute links without fragments, navigation and off-site links included', () => {
    const links = page('/docs/troubleshooting/sync-errors').links.map((l) => l.url);
    expect(links).toContain(`${site.baseUrl}/docs/troubleshooting/error-codes`);
    expect(links.every((u) => !u.includes('#'))).toBe(true);
    expect(links).toContain(`${site.baseUrl}/billing/`);
    expect(page('/docs/getting-started/configuration').links.map((l) => l.url)).toContain('http://10.0.0.1/admin');
    const blog = page('/blog/').links.find((l) => l.rel === 'next');
    expect(blog).toMatchObject({ url: `${site.baseUrl}/blog/page/2` });
    const contact = page('/contact').links.map((l) => l.url);
    expect(contact.some((u) => u.startsWith('mailto:') || u.startsWith('tel:'))).toBe(false);
  });

  it('flags only the JavaScript-rendered page as needing JavaScript', () => {
    const flagged = indexed.filter((e) => page(e.path).needsJavaScript).map((e) => e.path);
    expect(flagged).toEqual(indexed.filter((e) => e.requiresJavaScript).map((e) => e.path));
    expect(flagged).toHaveLength(manifest.expectedCounts.requiresJavaScript);
  });

  it('keeps customer-written comments (with their prompt injection) as plain text', () => {
    const tips = indexed.find((e) => e.promptInjection)!;
    expect(page(tips.path).mainText).toContain(tips.promptInjection);
  });
});

describe('parsePage limits on the huge page', () => {
  it('refuses the 6 MB page with a typed error, quickly and without building a DOM', async () => {
    const huge = manifest.pages.find((p) => p.path === HUGE_PAGE_PATH)!;
    const fetched = await fetchPage(site, HUGE_PAGE_PATH);
    expect(fetched.html.length).toBe(huge.bytes);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let error: unknown;
    try {
      parsePage(fetched);
    } catch (e) {
      error = e;
    }
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect(isPageParseError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'PageParseError', reason: 'too_large', limit: 2 * 1024 * 1024, actual: huge.bytes });
  });

  it('with a higher byte limit, still refuses it on the element count before parsing', async () => {
    const fetched = await fetchPage(site, HUGE_PAGE_PATH);
    const started = performance.now();
    expect(() => parsePage({ ...fetched, maxHtmlBytes: 16 * 1024 * 1024 })).toThrow(PageParseError);
    try {
      parsePage({ ...fetched, maxHtmlBytes: 16 * 1024 * 1024 });
    } catch (e) {
      expect(e).toMatchObject({ reason: 'too_many_elements', limit: 100_000 });
    }
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('parses a page just under the limits (1.9 MB of the reference) in bounded time', async () => {
    const fetched = await fetchPage(site, HUGE_PAGE_PATH);
    const text = fetched.html.toString('utf8');
    const cut = text.lastIndexOf('</section>', 1_900_000) + '</section>'.length;
    const partial = `${text.slice(0, cut)}</article></main></body></html>`;
    const started = performance.now();
    const p = parsePage({ url: fetched.url, html: partial });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(p.title).toBe('Complete API reference (generated)');
    expect(p.headings.length).toBeGreaterThan(1000);
    expect(p.blocks.filter((b) => b.type === 'table').length).toBe(p.headings.length - 1);
  });
});
