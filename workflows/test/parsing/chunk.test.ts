// chunkPage: size bound, section purity, overlap, tables/code, determinism — on fixture pages and synthetic ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkPage, estimateTokens, parsePage, type Chunk, type ParsedPage } from '../../src/parsing/index.js';
import { buildManifest } from '../fixture-site/manifest.js';
import { startFixtureSite, type FixtureSite } from '../fixture-site/site.js';
import { fetchPage } from './support.js';

const manifest = buildManifest(1);
const indexed = manifest.pages.filter((p) => p.expected === 'indexed');
const URL_ = 'https://help.example.test/docs/long';

let site: FixtureSite;
const pages = new Map<string, ParsedPage>();

beforeAll(async () => {
  site = await startFixtureSite();
  for (const entry of indexed) pages.set(entry.path, parsePage(await fetchPage(site, entry.path)));
});

afterAll(async () => {
  await site?.stop();
});

const SENTENCES = Array.from(
  { length: 40 },
  (_, i) => `Sentence number ${i + 1} explains one more detail about exporting dashboards to spreadsheets and PDF files.`,
);

function synthetic(body: string): ParsedPage {
  return parsePage({ url: URL_, html: `<html lang="en"><head><title>Exports</title></head><body><main>${body}</main></body></html>` });
}

const longSection = (): ParsedPage =>
  synthetic(
    `<h1 id="exports">Exports</h1><p>Short intro.</p><h2 id="formats">Formats</h2>` +
      `<p>${SENTENCES.slice(0, 20).join(' ')}</p><p>${SENTENCES.slice(20).join(' ')}</p><h2 id="limits">Limits</h2><p>Exports are limited to 10,000 rows.</p>`,
  );

/** Every chunk of one section holds text of that section only (checked per line, table headers aside). */
function assertSectionPurity(page: ParsedPage, chunks: Chunk[]): void {
  const sections = new Map<string, string>();
  for (const b of page.blocks) {
    if (b.type === 'heading') continue;
    const key = JSON.stringify(b.headingPath);
    sections.set(key, `${sections.get(key) ?? ''}\n${b.text}`);
  }
  for (const c of chunks) {
    const own = sections.get(JSON.stringify(c.headingPath));
    expect(own, `section of chunk ${c.index}`).toBeDefined();
    for (const line of c.body.split('\n').filter((l) => l.trim() !== '')) expect(own).toContain(line);
  }
}

describe('chunkPage on the fixture pages', () => {
  for (const maxTokens of [300, 60]) {
    it(`keeps every chunk within maxTokens=${maxTokens} (oversized units reported), sections pure, heading path first`, () => {
      const oversized: Chunk[] = [];
      let total = 0;
      for (const [path, page] of pages) {
        const chunks = chunkPage(page, { maxTokens, overlapTokens: Math.min(40, maxTokens / 4) });
        total += chunks.length;
        if (page.blocks.some((b) => b.type !== 'heading')) expect(chunks.length, path).toBeGreaterThan(0);
        chunks.forEach((c, i) => {
          expect(c.index).toBe(i);
          expect(c.url).toBe(page.url);
          expect(c.tokenEstimate).toBe(estimateTokens(c.text));
          if (c.oversized) oversized.push(c);
          else expect(c.tokenEstimate, `${path} #${i}`).toBeLessThanOrEqual(maxTokens);
          const prefix = c.headingPath.join(' › ');
          expect(c.text.startsWith(`${prefix}:`) || c.text.startsWith(prefix.slice(0, 20)), `${path} #${i}`).toBe(true);
          expect(c.text.endsWith(c.body)).toBe(true);
        });
        assertSectionPurity(page, chunks);
      }
      expect(total).toBeGreaterThan(pages.size);
      // The fixture has no single row or code line above 60 tokens.
      expect(oversized).toEqual([]);
    });
  }

  it('gives each section one heading path and anchor, taken from its heading', () => {
    const page = pages.get('/docs/getting-started/installation')!;
    const chunks = chunkPage(page);
    expect(chunks.map((c) => [c.headingPath.at(-1), c.anchor])).toEqual([
      ['Installing the Acme Widgets Agent', 'installing-the-acme-widgets-agent'],
      ['Before you begin', 'before-you-begin'],
      ['Install on Windows', 'install-on-windows'],
      ['Install on macOS', 'install-on-macos'],
      ['Debian and Ubuntu', 'debian-and-ubuntu'],
      ['RHEL, Fedora and Rocky Linux', 'rhel-fedora-and-rocky-linux'],
      ['Verify the installation', 'verify-the-installation'],
    ]);
    const debian = chunks.find((c) => c.anchor === 'debian-and-ubuntu')!;
    expect(debian.text).toBe(
      'Installing the Acme Widgets Agent › Install on Linux › Debian and Ubuntu:\n' +
        'curl -fsSL https://packages.acme-widgets.example/gpg | sudo gpg --dearmor -o /usr/share/keyrings/acme.gpg\nsudo apt-get update\nsudo apt-get install acme-widgets-agent',
    );
    expect(debian.deepLink).toBe(`${page.url}#debian-and-ubuntu`);
    const windows = chunks.find((c) => c.anchor === 'install-on-windows')!;
    expect(windows.text.startsWith('Installing the Acme Widgets Agent › Install on Windows:\n1. Download')).toBe(true);
  });

  it('keeps a table that fits whole in one chunk', () => {
    const page = pages.get('/docs/troubleshooting/error-codes')!;
    const table = page.blocks.find((b) => b.type === 'table')!;
    const holding = chunkPage(page).filter((c) => c.body.includes('| E-101 |'));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.body).toContain(table.text);
  });
});

describe('chunkPage on long sections', () => {
  it('splits a long section on block then sentence boundaries, with overlap between consecutive chunks', () => {
    const page = longSection();
    const chunks = chunkPage(page, { maxTokens: 100, overlapTokens: 30 });
    const formats = chunks.filter((c) => c.anchor === 'formats');
    expect(formats.length).toBeGreaterThanOrEqual(5);
    for (const c of formats) {
      expect(c.headingPath).toEqual(['Exports', 'Formats']);
      expect(c.section).toBe(formats[0]!.section);
      expect(c.tokenEstimate).toBeLessThanOrEqual(100);
      expect(c.text.startsWith('Exports › Formats: Sentence number')).toBe(true);
      // Whole sentences only.
      expect(c.body).toMatch(/^Sentence number \d+ [^]*PDF files\.$/);
    }
    for (let i = 1; i < formats.length; i++) {
      const previous = formats[i - 1]!.body;
      const firstSentence = /^Sentence number \d+ [^.]*\./.exec(formats[i]!.body)![0];
      // The next chunk starts with the last sentence(s) of the previous one, at most overlapTokens long.
      expect(previous).toContain(firstSentence);
      const overlap = formats[i]!.body.slice(0, formats[i]!.body.indexOf(firstSentence) + firstSentence.length);
      expect(previous.endsWith(overlap)).toBe(true);
      expect(estimateTokens(overlap)).toBeLessThanOrEqual(30);
    }
    // Every sentence is covered, in order, and the sections before and after stay separate.
    const covered = formats.map((c) => c.body).join(' ');
    let at = 0;
    for (const s of SENTENCES) {
      const found = covered.indexOf(s, at);
      expect(found, s).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(chunks.filter((c) => c.anchor === 'exports').map((c) => c.body)).toEqual(['Short intro.']);
    expect(chunks.filter((c) => c.anchor === 'limits').map((c) => c.body)).toEqual(['Exports are limited to 10,000 rows.']);
    assertSectionPurity(page, chunks);
  });

  it('is deterministic: the same HTML gives the same page and the same chunks', () => {
    const a = chunkPage(longSection(), { maxTokens: 80 });
    const b = chunkPage(longSection(), { maxTokens: 80 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const fixture = pages.get('/docs/getting-started/configuration')!;
    expect(chunkPage(fixture)).toEqual(chunkPage(structuredClone(fixture)));
  });

  it('splits a long table by rows and repeats its caption and header in every part', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<tr><td>Plan ${i}</td><td>${i * 10} widgets</td><td>$${i}</td></tr>`).join('');
    const page = synthetic(
      `<h1 id="t">Plans</h1><table><caption>All plans</caption><thead><tr><th>Plan</th><th>Widgets</th><th>Price</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
    const chunks = chunkPage(page, { maxTokens: 120 });
    expect(chunks.length).toBeGreaterThan(3);
    const seen: string[] = [];
    for (const c of chunks) {
      expect(c.tokenEstimate).toBeLessThanOrEqual(120);
      const lines = c.body.split('\n');
      expect(lines.slice(0, 3)).toEqual(['All plans', '| Plan | Widgets | Price |', '| --- | --- | --- |']);
      seen.push(...lines.slice(3));
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `| Plan ${i} | ${i * 10} widgets | $${i} |`));
  });

  it('splits a long code block by lines, keeping indentation, and overlaps a few lines', () => {
    const code = Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i % 3)}step_${i}(value=${i})`).join('\n');
    const page = synthetic(`<h1>Script</h1><pre><code>${code}</code></pre>`);
    const chunks = chunkPage(page, { maxTokens: 100, overlapTokens: 20 });
    expect(chunks.length).toBeGreaterThan(3);
    const lines = code.split('\n');
    for (const c of chunks) {
      expect(c.tokenEstimate).toBeLessThanOrEqual(100);
      const own = c.body.split('\n');
      const start = lines.indexOf(own[0]!);
      expect(own).toEqual(lines.slice(start, start + own.length));
    }
    for (let i = 1; i < chunks.length; i++) {
      // The next chunk repeats the previous chunk's last lines, at most overlapTokens of them.
      const previous = chunks[i - 1]!.body.split('\n');
      const next = chunks[i]!.body.split('\n');
      const repeated = next.findIndex((line) => line === previous.at(-1)) + 1;
      expect(repeated).toBeGreaterThan(1);
      expect(previous.slice(-repeated)).toEqual(next.slice(0, repeated));
      expect(estimateTokens(next.slice(0, repeated).join('\n'))).toBeLessThanOrEqual(20);
    }
    expect(chunks.at(-1)!.body.endsWith('step_79(value=79)')).toBe(true);
  });

  it('reports a single indivisible unit larger than maxTokens instead of cutting it', () => {
    const minified = `var a=${'1+'.repeat(1_000)}1;`;
    const page = synthetic(`<h1>Bundle</h1><p>Before.</p><pre>${minified}\nshort();</pre><p>After.</p>`);
    const chunks = chunkPage(page, { maxTokens: 100 });
    const oversized = chunks.filter((c) => c.oversized);
    expect(oversized).toHaveLength(1);
    expect(oversized[0]!.body).toBe(minified);
    expect(oversized[0]!.tokenEstimate).toBeGreaterThan(100);
    for (const c of chunks.filter((x) => !x.oversized)) expect(c.tokenEstimate).toBeLessThanOrEqual(100);
    expect(chunks.map((c) => c.body).join('\n')).toContain('short();');
  });

  it('cuts a sentence longer than maxTokens at word boundaries, and counts CJK characters as tokens', () => {
    const run = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkPage(synthetic(`<h1>Run-on</h1><p>${run}.</p>`), { maxTokens: 80, overlapTokens: 10 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.tokenEstimate).toBeLessThanOrEqual(80);
    expect(chunks.every((c) => !c.oversized)).toBe(true);
    // A "word" with nothing to split at is cut by characters, in linear time.
    const started = performance.now();
    const blob = chunkPage(synthetic(`<h1>Blob</h1><p>${'QUJD'.repeat(100_000)}</p>`), { maxTokens: 300 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(blob.map((c) => c.body).join('')).toBe('QUJD'.repeat(100_000));
    for (const c of blob) expect(c.tokenEstimate).toBeLessThanOrEqual(300);
    expect(estimateTokens('abcd'.repeat(10))).toBe(10);
    expect(estimateTokens('漢字かなカナ한글')).toBe(8);
    const cjk = chunkPage(synthetic(`<h1>説明</h1><p>${'これは長い説明文です。'.repeat(60)}</p>`), { maxTokens: 100 });
    for (const c of cjk) expect(c.tokenEstimate).toBeLessThanOrEqual(100);
  });

  it('prefixes content before any heading with the page title and skips heading-only sections', () => {
    const page = parsePage({
      url: URL_,
      html: '<html><head><title>Guide</title></head><body><main><p>Preface text.</p><h2 id="a">A</h2><h3 id="b">B</h3><p>Body of B.</p></main></body></html>',
    });
    expect(chunkPage(page).map((c) => [c.text, c.anchor])).toEqual([
      ['Guide: Preface text.', null],
      ['A › B: Body of B.', 'b'],
    ]);
  });
});
