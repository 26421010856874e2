// parsePage on synthetic documents: hostile markup (limits, no scripts, no loads, no prototype pollution) and the
// cases the fixture site does not cover (no <main>, charsets, hidden text, SPA shells, text/plain).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageParseError, parsePage, type ParsedPage } from '../../src/parsing/index.js';
import { startFixtureSite, type FixtureSite } from '../fixture-site/site.js';

const URL_ = 'https://help.example.test/docs/page';

const doc = (body: string, head = '<title>T</title>', lang = 'en'): string =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

function refusal(html: string | Buffer, limits: Parameters<typeof parsePage>[0] extends infer T ? Partial<T> : never = {}): PageParseError {
  try {
    parsePage({ url: URL_, html, ...limits });
  } catch (e) {
    if (e instanceof PageParseError) return e;
    throw e;
  }
  throw new Error('expected a PageParseError');
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe('hostile markup', () => {
  it('refuses deep nesting before building the tree (tree building is quadratic in depth)', () => {
    for (const bomb of ['<div>'.repeat(200_000), '<b>'.repeat(50_000), '<div></span>'.repeat(20_000), '<table><tr><td>'.repeat(20_000)]) {
      const { value, ms } = timed(() => refusal(doc(bomb)));
      expect(value.reason).toBe('too_deep');
      expect(ms).toBeLessThan(1_000);
    }
  });

  it('refuses too many elements, and accepts normal nesting and implicitly closed tags', () => {
    expect(refusal(doc('<br>'.repeat(1_000)), { maxElements: 500 })).toMatchObject({ reason: 'too_many_elements', limit: 500 });
    const sloppy = doc(`<main><h1>T</h1>${'<p>para <li>item '.repeat(3_000)}</main>`);
    expect(parsePage({ url: URL_, html: sloppy }).textLength).toBeGreaterThan(10_000);
    // Markup inside scripts and comments is not counted.
    const scripted = doc(`<main><h1>T</h1><p>x</p></main><script>${'"<div>"+'.repeat(5_000)}""</script><!-- ${'<div>'.repeat(5_000)} -->`);
    expect(parsePage({ url: URL_, html: scripted, maxDepth: 100 }).mainText).toBe('T\n\nx');
  });

  it('stays fast on large documents without <main> (Readability only runs on small ones)', () => {
    for (const [units, unit] of [
      [60_000, '<a href="/p?i=1">link text</a> '],
      [9_900, '<a href="/p?i=1">link text</a> '],
      [33_000, '<div><span>x</span></div>'],
      [20_000, '<tr><td><a href="/x">l</a></td><td>y</td></tr>'],
    ] as const) {
      const html = `<html><body>${unit.startsWith('<tr>') ? '<table>' : ''}${unit.repeat(units)}</body></html>`;
      const { value, ms } = timed(() => parsePage({ url: URL_, html }));
      expect(ms, `${units} × ${unit}`).toBeLessThan(3_000);
      expect(value.textLength).toBeGreaterThan(units);
    }
  });

  it('refuses oversized input by bytes, strings measured as UTF-8', () => {
    expect(refusal('€'.repeat(1_000), { maxHtmlBytes: 2_000 })).toMatchObject({ reason: 'too_large', limit: 2_000, actual: 3_000 });
    expect(refusal(Buffer.alloc(3_000, 0x20), { maxHtmlBytes: 2_000 })).toMatchObject({ reason: 'too_large' });
  });

  it('refuses a non-http page URL', () => {
    expect(() => parsePage({ url: 'file:///etc/passwd', html: doc('<p>x</p>') })).toThrow(PageParseError);
  });

  it('never runs scripts or event handlers', () => {
    const g = globalThis as { __parsedScriptRan?: boolean };
    const page = parsePage({
      url: URL_,
      html: doc(
        '<main><h1>T</h1><p>Text</p><img src="x" onerror="globalThis.__parsedScriptRan = true">' +
          '<script>globalThis.__parsedScriptRan = true</script><svg onload="globalThis.__parsedScriptRan = true"></svg></main>',
        '<title>T</title><script>globalThis.__parsedScriptRan = true</script>',
      ),
    });
    expect(g.__parsedScriptRan).toBeUndefined();
    expect(page.mainText).toBe('T\n\nText');
  });

  describe('never loads anything', () => {
    let site: FixtureSite;
    beforeAll(async () => {
      site = await startFixtureSite();
    });
    afterAll(async () => {
      await site?.stop();
    });

    it('leaves images, stylesheets, scripts, frames and imports unrequested', async () => {
      const b = site.baseUrl;
      const html = doc(
        `<main><h1>T</h1><p>Text</p><img src="${b}/probe/img.png" srcset="${b}/probe/img2.png 2x"><iframe src="${b}/probe/frame"></iframe>` +
          `<object data="${b}/probe/object"></object><video src="${b}/probe/video" poster="${b}/probe/poster"></video>` +
          `<style>@import url("${b}/probe/import.css"); body { background: url(${b}/probe/bg.png) }</style></main>`,
        `<title>T</title><link rel="stylesheet" href="${b}/probe/style.css"><link rel="preload" href="${b}/probe/preload"><script src="${b}/probe/script.js"></script>`,
      );
      const page = parsePage({ url: `${b}/page`, html });
      expect(page.images.map((i) => i.src)).toEqual([`${b}/probe/img.png`]);
      await new Promise((r) => setTimeout(r, 100));
      expect(site.requests().filter((r) => r.path.startsWith('/probe/'))).toEqual([]);
    });
  });

  it('is not open to prototype pollution through attributes, meta names or JSON-LD', () => {
    const html =
      `<!DOCTYPE html><html lang="en" __proto__="x"><head><title>T</title>` +
      `<meta property="__proto__" content="polluted"><meta name="constructor" content="polluted"><meta property="og:__proto__" content="polluted">` +
      `<script type="application/ld+json">{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}</script>` +
      `</head><body><div class="x"><h1 __proto__="y" id="__proto__">Title</h1><p constructor="z">Some text that is long enough to be an article body, repeated. ${'Words and more words. '.repeat(40)}</p></div></body></html>`;
    const page = parsePage({ url: URL_, html });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(page.openGraph).sort()).toEqual(['description', 'image', 'title', 'type']);
    expect(page.headings[0]).toEqual({ level: 1, text: 'Title', anchor: '__proto__' });
  });
});

describe('documents without a fixture twin', () => {
  it('falls back to Readability when there is no <main> or single <article>, keeping the <h1>', () => {
    const html = doc(
      `<div id="header"><a href="/">Brand</a><ul class="menu"><li><a href="/a">Menu A</a></li><li><a href="/b">Menu B</a></li></ul></div>` +
        `<div id="cookie-banner">We use cookies. <a href="/privacy">Accept all cookies</a></div>` +
        `<div class="layout"><div class="sidebar"><a href="/x">Sidebar link one</a> <a href="/y">Sidebar link two</a></div>` +
        `<div class="content"><h1 id="top">Exporting reports</h1>` +
        `<p>${'Reports can be exported as CSV or PDF from the report menu, and scheduled exports arrive by email every morning. '.repeat(4)}</p>` +
        `<h2 id="csv">CSV exports</h2><p>${'CSV files use UTF-8 and a comma as separator, with a header row naming each column. '.repeat(4)}</p></div></div>` +
        `<div id="footer">Copyright Example Corp</div>`,
      '<title>Exporting reports · Example Help</title>',
    );
    const page = parsePage({ url: URL_, html });
    expect(page.extraction).toBe('readability');
    expect(page.title).toBe('Exporting reports · Example Help');
    expect(page.headings).toEqual([
      { level: 1, text: 'Exporting reports', anchor: 'top' },
      { level: 2, text: 'CSV exports', anchor: 'csv' },
    ]);
    expect(page.mainText).toContain('scheduled exports arrive by email every morning');
    for (const boilerplate of ['Menu A', 'Accept all cookies', 'Sidebar link one', 'Copyright Example Corp']) {
      expect(page.mainText).not.toContain(boilerplate);
    }
    expect(page.blocks.find((b) => b.text.startsWith('CSV files'))).toMatchObject({ headingPath: ['Exporting reports', 'CSV exports'], anchor: 'csv' });
  });

  it('drops hidden text, cookie banners, share bars and forms inside <main>', () => {
    const html = doc(
      `<main><h1>T</h1><p>Visible.</p><p style="display: none">Hidden by style.</p><p hidden>Hidden attribute.</p>` +
        `<div class="cookie-consent">Cookie text.</div>` +
        `<ul class="share-buttons"><li>Share on X</li></ul><form><label>Was this helpful?</label><button>Yes</button></form>` +
        `<noscript>Enable JavaScript.</noscript><template><p>Template text.</p></template></main>`,
    );
    expect(parsePage({ url: URL_, html }).mainText).toBe('T\n\nVisible.');
  });

  it('keeps collapsed accordion panels with their questions, and a form that wraps the whole page', () => {
    const html = doc(
      `<form id="aspnetForm" action="/x"><main><h1>FAQ</h1>` +
        `<h3><button aria-expanded="false" aria-controls="a1">Can I pay in euros?</button></h3><div id="a1" hidden><p>Yes, in the euro area.</p></div>` +
        `<div role="region" style="display:none"><p>Regional answer.</p></div><div hidden><p>Spam nobody sees.</p></div>` +
        `<p>Was this article helpful? <button>Yes</button> <button>No</button></p></main></form>`,
    );
    const page = parsePage({ url: URL_, html });
    expect(page.headings.map((h) => h.text)).toEqual(['FAQ', 'Can I pay in euros?']);
    expect(page.mainText).toBe('FAQ\n\nCan I pay in euros?\n\nYes, in the euro area.\n\nRegional answer.\n\nWas this article helpful?');
  });

  it('decodes bytes by the Content-Type charset, a <meta charset> or a BOM', () => {
    const latin1 = Buffer.from(doc('<main><h1>Café</h1><p>Crème brûlée.</p></main>').replace('utf-8', 'x'), 'latin1');
    const viaHeader = parsePage({ url: URL_, html: latin1, headers: { 'Content-Type': 'text/html; charset=ISO-8859-1' } });
    expect(viaHeader.mainText).toBe('Café\n\nCrème brûlée.');
    const viaMeta = parsePage({ url: URL_, html: Buffer.from(doc('<main><h1>Café</h1></main>').replace('utf-8', 'windows-1252'), 'latin1') });
    expect(viaMeta.mainText).toBe('Café');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc('<main><h1>Größe</h1></main>').replace('utf-8', 'latin1'))]);
    expect(parsePage({ url: URL_, html: bom }).mainText).toBe('Größe');
  });

  it('takes the language from Content-Language or og:locale when <html lang> is missing', () => {
    const noLang = (head = ''): string => `<html><head><title>T</title>${head}</head><body><main><p>Bonjour.</p></main></body></html>`;
    expect(parsePage({ url: URL_, html: noLang(), headers: { 'content-language': 'fr-CA, en' } }).language).toBe('fr');
    expect(parsePage({ url: URL_, html: noLang('<meta property="og:locale" content="nl_NL">') }).language).toBe('nl');
    expect(parsePage({ url: URL_, html: noLang() }).language).toBeNull();
  });

  it('accepts only same-origin canonical links and resolves them against <base href>', () => {
    const canonical = (href: string, base = ''): string | null =>
      parsePage({ url: URL_, html: doc('<main><p>x</p></main>', `<title>T</title>${base}<link rel="canonical" href="${href}">`) }).canonicalUrl;
    expect(canonical('https://evil.example/steal')).toBeNull();
    expect(canonical('http://help.example.test/docs/page')).toBeNull();
    expect(canonical('/docs/original#top')).toBe('https://help.example.test/docs/original');
    expect(canonical('original', '<base href="/guides/">')).toBe('https://help.example.test/guides/original');
    expect(canonical('javascript:alert(1)')).toBeNull();
  });

  it('reads lastModified from the header first, else article:modified_time', () => {
    const html = doc('<main><p>x</p></main>', '<title>T</title><meta property="article:modified_time" content="2024-05-01T10:00:00+02:00">');
    expect(parsePage({ url: URL_, html }).lastModified).toBe('2024-05-01T08:00:00.000Z');
    expect(parsePage({ url: URL_, html, headers: { 'last-modified': 'Tue, 02 Jan 2024 09:00:00 GMT' } }).lastModified).toBe('2024-01-02T09:00:00.000Z');
  });

  it('flags SPA shells as needing JavaScript, and short static pages as not', () => {
    const spa = parsePage({ url: URL_, html: doc('<div id="app"></div><script src="/assets/index-3f2a.js"></script>') });
    expect(spa.needsJavaScript).toBe(true);
    const next = parsePage({ url: URL_, html: doc('<div id="__next"><div>Loading…</div></div><script src="/a.js"></script><script src="/b.js"></script>') });
    expect(next.needsJavaScript).toBe(true);
    const short = parsePage({ url: URL_, html: doc('<main><h1>Refunds</h1><p>Annual plans are refunded within 30 days.</p></main>') });
    expect(short.needsJavaScript).toBe(false);
    const tracked = parsePage({
      url: URL_,
      html: doc(
        `<main><h1>Refunds</h1><p>${'Annual plans can be refunded in full within 30 days of purchase. '.repeat(5)}</p></main><script>gtag('config','G-1')</script>`,
      ),
    });
    expect(tracked.needsJavaScript).toBe(false);
  });

  it('renders tables without a header, nested lists, definition lists and layout tables', () => {
    const page: ParsedPage = parsePage({
      url: URL_,
      html: doc(
        '<main><h1>T</h1><table><tr><td>a|b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>' +
          '<ul><li>One<ul><li>One.a</li></ul></li><li>Two</li></ul><dl><dt>Term</dt><dd>Definition</dd></dl>' +
          '<table role="presentation"><tr><td><p>Layout cell text.</p></td></tr></table></main>',
      ),
    });
    expect(page.blocks.map((b) => [b.type, b.text])).toEqual([
      ['heading', 'T'],
      ['table', '| a\\|b | c |\n| d | e |'],
      ['list', '- One\n  - One.a\n- Two'],
      ['list', '- Term: Definition'],
      ['paragraph', 'Layout cell text.'],
    ]);
  });

  it('finds heading anchors on the heading, inside it, just before it or on its section; strips permalink marks', () => {
    const page = parsePage({
      url: URL_,
      html: doc(
        '<main><h1 id="top">Guide <a class="headerlink" href="#top">¶</a></h1><h2><a id="inner"></a>Inner</h2><a name="before"></a><h2>Before</h2>' +
          '<section id="sec"><h2>Section</h2><p>x</p></section><div class="section" id="sphinx"><h2>C#</h2></div><div id="wrapper"><h2>None</h2></div></main>',
      ),
    });
    expect(page.headings).toEqual([
      { level: 1, text: 'Guide', anchor: 'top' },
      { level: 2, text: 'Inner', anchor: 'inner' },
      { level: 2, text: 'Before', anchor: 'before' },
      { level: 2, text: 'Section', anchor: 'sec' },
      { level: 2, text: 'C#', anchor: 'sphinx' },
      { level: 2, text: 'None', anchor: null },
    ]);
    // A heading without its own anchor deep-links to the nearest enclosing one.
    expect(page.blocks.at(-1)).toMatchObject({ type: 'heading', text: 'None', headingPath: ['Guide', 'None'], anchor: 'top' });
  });

  it('splits a text/plain body into paragraphs', () => {
    const page = parsePage({
      url: URL_,
      html: 'First line\nstill first.\n\n<b>Second</b> paragraph.',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(page.extraction).toBe('text');
    expect(page.blocks.map((b) => b.text)).toEqual(['First line still first.', '<b>Second</b> paragraph.']);
  });
});
