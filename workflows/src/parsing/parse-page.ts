// parsePage: fetched HTML → metadata, main text, ordered content blocks, links and images. Pure (no network, no
// script execution, nothing loaded), bounded (size, element count and nesting are checked before any DOM exists).
import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { all, collapseWhitespace, inlineText, parseHtmlDocument, type DomDocument, type DomElement } from './dom.js';
import { bodyTextLength, extractContent, stripBoilerplate, truncateText, type ContentBlock, type PageImage } from './content.js';

export type { BlockType, ContentBlock, PageImage } from './content.js';

export interface PageHeading {
  level: number;
  text: string;
  anchor: string | null;
}

export interface PageLink {
  /** Absolute http(s) URL without fragment. */
  url: string;
  /** Link text (or the alt text of a linked image), at most 200 characters; '' for <link> elements. */
  text: string;
  /** The rel attribute, lower case ('' when none), e.g. 'nofollow', 'next', 'alternate'. */
  rel: string;
}

export interface OpenGraph {
  title: string | null;
  description: string | null;
  /** Absolute http(s) URL. */
  image: string | null;
  type: string | null;
}

export interface ParsedPage {
  url: string;
  /** <link rel=canonical>, absolute and only when on the page's own origin; else null. */
  canonicalUrl: string | null;
  title: string | null;
  description: string | null;
  /** Primary language subtag, lower case ('de' for de-DE): <html lang>, else Content-Language, else og:locale. */
  language: string | null;
  openGraph: OpenGraph;
  /** ISO 8601: the Last-Modified header, else article:modified_time / og:updated_time. */
  lastModified: string | null;
  headings: PageHeading[];
  /** Main content without boilerplate: the blocks' texts separated by blank lines. */
  mainText: string;
  blocks: ContentBlock[];
  /** <a>/<area> links of the whole page (navigation included, for discovery) and <link rel=alternate|next|prev>; first occurrence of each URL. */
  links: PageLink[];
  /** Images of the main content, first occurrence of each URL. */
  images: PageImage[];
  /** sha256 (hex) of the normalised main text (NFKC, lower case, whitespace collapsed). */
  contentHash: string;
  textLength: number;
  /** Little main text while scripts, an empty SPA root, a <noscript> plea or a loading placeholder are present. */
  needsJavaScript: boolean;
  /** How the main content was found: semantic <main>/<article>, Readability, the whole body, or a text/plain body. */
  extraction: 'semantic' | 'readability' | 'body' | 'text';
}

export interface ParseLimits {
  /** Largest input accepted, in bytes (UTF-8 for strings); default 2 MiB. */
  maxHtmlBytes?: number;
  /** Most start tags accepted (counted before parsing); default 100,000. */
  maxElements?: number;
  /** Deepest element nesting accepted (estimated before parsing); default 1,000. */
  maxDepth?: number;
}

export interface ParsePageInput extends ParseLimits {
  /** The URL the body came from (the fetch's finalUrl); relative links resolve against it (or <base href>). */
  url: string;
  /** A decoded string, or the raw body (decoded by the Content-Type charset, a BOM or <meta charset>, else UTF-8). */
  html: string | Uint8Array;
  /** Response headers; names are matched case-insensitively. */
  headers?: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_PARSE_LIMITS: Readonly<Required<ParseLimits>> = {
  maxHtmlBytes: 2 * 1024 * 1024,
  maxElements: 100_000,
  maxDepth: 1_000,
};

export type PageParseErrorReason = 'too_large' | 'too_many_elements' | 'too_deep' | 'invalid_url';

/** The page was refused before parsing; `reason` says which limit (or the URL) it failed. */
export class PageParseError extends Error {
  override readonly name = 'PageParseError';
  constructor(
    readonly reason: PageParseErrorReason,
    message: string,
    readonly limit?: number,
    readonly actual?: number,
  ) {
    super(message);
  }
}

export const isPageParseError = (e: unknown): e is PageParseError => e instanceof PageParseError;

const MAX_LINKS = 5_000;
const MAX_LINK_TEXT = 200;

// ---------------------------------------------------------------- limits

/** Elements that never hold children, or that close themselves implicitly (they cannot nest into depth). */
const NO_DEPTH = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr keygen frame basefont bgsound ' +
    'p li dt dd option optgroup tr td th tbody thead tfoot caption colgroup rb rt rp'
  ).split(' '),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * Linear scan of the markup: start tags and an upper estimate of nesting depth (closing tags only close what is open,
 * so mis-nested markup cannot hide depth). Run before parsing because tree building is quadratic in depth.
 */
export function scanMarkup(html: string, limits: { maxElements: number; maxDepth: number }): { elements: number; maxDepth: number } {
  const open = new Map<string, number>();
  const closers = new Map<string, RegExp>();
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  let i = 0;
  const nameAt = (start: number): string => {
    let end = start;
    while (end < html.length && /[A-Za-z0-9:-]/.test(html[end]!)) end++;
    return html.slice(start, end).toLowerCase();
  };
  while ((i = html.indexOf('<', i)) !== -1) {
    const next = html[i + 1];
    if (next === '!') {
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i);
      if (end === -1) break;
      i = end + 1;
    } else if (next === '/') {
      const name = nameAt(i + 2);
      const count = open.get(name);
      if (count) {
        open.set(name, count - 1);
        depth--;
      }
      const end = html.indexOf('>', i);
      if (end === -1) break;
      i = end + 1;
    } else if (next !== undefined && /[A-Za-z]/.test(next)) {
      const name = nameAt(i + 1);
      const end = html.indexOf('>', i);
      if (end === -1) break;
      elements++;
      if (elements > limits.maxElements) {
        throw new PageParseError('too_many_elements', `more than ${limits.maxElements} elements`, limits.maxElements, elements);
      }
      i = end + 1;
      if (RAW_TEXT.has(name)) {
        let closer = closers.get(name);
        if (!closer) closers.set(name, (closer = new RegExp(`</${name}`, 'gi')));
        closer.lastIndex = i;
        i = closer.exec(html)?.index ?? html.length;
      } else if (!NO_DEPTH.has(name) && html[end - 1] !== '/') {
        open.set(name, (open.get(name) ?? 0) + 1);
        if (++depth > maxDepth) {
          maxDepth = depth;
          if (maxDepth > limits.maxDepth) {
            throw new PageParseError('too_deep', `elements nested deeper than ${limits.maxDepth}`, limits.maxDepth, maxDepth);
          }
        }
      }
    } else {
      i++;
    }
  }
  return { elements, maxDepth };
}

// ---------------------------------------------------------------- decoding

function header(headers: ParsePageInput['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, ''));
  } catch {
    return null;
  }
}

/** Decodes a body: BOM, then the Content-Type charset, then a <meta> charset in the first 1024 bytes, then UTF-8. */
export function decodeHtml(body: Uint8Array, contentType: string | undefined): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return new TextDecoder('utf-8').decode(body);
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder('utf-16be').decode(body);
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder('utf-16le').decode(body);
  const fromHeader = decoderFor(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1]);
  if (fromHeader) return fromHeader.decode(body);
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
  return (decoderFor(meta) ?? new TextDecoder('utf-8')).decode(body);
}

// ---------------------------------------------------------------- metadata

function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of all(doc, 'meta')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content');
    if (key && content != null && !map.has(key)) map.set(key, collapseWhitespace(content));
  }
  return map;
}

const nonEmpty = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** Primary language subtag of a BCP 47 tag or a locale like de_DE; null if it does not look like one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.split(',')[0]?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function stripFragment(u: URL): string {
  u.hash = '';
  return u.href;
}

// ---------------------------------------------------------------- JavaScript-rendered pages

interface ScriptSignals {
  scripts: number;
  inlineScriptChars: number;
  noscriptAsksForJs: boolean;
  emptySpaRoot: boolean;
}

const NON_CODE_SCRIPT = /^(?:application\/(?:ld\+)?json|text\/(?:template|x-template|html)|importmap|speculationrules)$/i;
const SPA_ROOTS = '#app, #root, #__next, #__nuxt, #___gatsby, #svelte, [data-reactroot], [ng-version], app-root';

function scriptSignals(doc: DomDocument): ScriptSignals {
  let scripts = 0;
  let inlineScriptChars = 0;
  for (const s of all(doc, 'script')) {
    if (NON_CODE_SCRIPT.test((s.getAttribute('type') ?? '').trim())) continue;
    scripts++;
    if (!s.hasAttribute('src')) inlineScriptChars += (s.textContent ?? '').length;
  }
  const noscriptAsksForJs = all(doc, 'body noscript').some((n) => /javascript|\bjs\b/i.test(n.textContent ?? ''));
  const emptySpaRoot = all(doc, SPA_ROOTS)
    .slice(0, 10)
    .some((el) => inlineText(el).length < 50);
  return { scripts, inlineScriptChars, noscriptAsksForJs, emptySpaRoot };
}

const THIN_TEXT = 250;
const PLACEHOLDER = /\b(?:loading|please wait|wird geladen|chargement|cargando)\b/i;

function needsJavaScript(signals: ScriptSignals, blocks: ContentBlock[]): boolean {
  if (signals.scripts === 0) return false;
  if (bodyTextLength(blocks) >= THIN_TEXT) return false;
  const placeholder = blocks.some((b) => b.type !== 'heading' && PLACEHOLDER.test(b.text));
  return signals.emptySpaRoot || signals.noscriptAsksForJs || placeholder || signals.scripts >= 3 || signals.inlineScriptChars >= 500;
}

// ---------------------------------------------------------------- parsePage

export function normaliseForHash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const contentHashOf = (mainText: string): string => createHash('sha256').update(normaliseForHash(mainText)).digest('hex');

function httpUrl(href: string, base: string | URL): URL | null {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

function collectLinks(doc: DomDocument, resolve: (href: string) => string | null): PageLink[] {
  const links: PageLink[] = [];
  const seen = new Set<string>();
  const add = (href: string | null, text: string, rel: string): void => {
    if (!href || links.length >= MAX_LINKS) return;
    const url = resolve(href);
    if (!url || seen.has(url)) return;
    seen.add(url);
    links.push({ url, text: truncateText(text, MAX_LINK_TEXT), rel });
  };
  for (const el of all(doc, 'a[href], area[href], link[href]')) {
    const rel = collapseWhitespace(el.getAttribute('rel') ?? '').toLowerCase();
    if (el.localName.toLowerCase() === 'link') {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if (/\b(?:alternate|next|prev)\b/.test(rel) && (type === '' || type === 'text/html')) add(el.getAttribute('href'), '', rel);
      continue;
    }
    let text = el.localName.toLowerCase() === 'area' ? (el.getAttribute('alt') ?? '') : inlineText(el);
    if (!text) text = collapseWhitespace(all(el, 'img[alt]')[0]?.getAttribute('alt') ?? el.getAttribute('title') ?? '');
    add(el.getAttribute('href'), text, rel);
  }
  return links;
}

function blocksFromPlainText(text: string): ContentBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => collapseWhitespace(p))
    .filter((p) => p !== '')
    .map((p) => ({ type: 'paragraph' as const, text: p, headingPath: [], anchor: null }));
}

/** Parses a fetched page. Throws PageParseError when the input exceeds the limits or the URL is not http(s). */
export function parsePage(input: ParsePageInput): ParsedPage {
  const limits = {
    maxHtmlBytes: input.maxHtmlBytes ?? DEFAULT_PARSE_LIMITS.maxHtmlBytes,
    maxElements: input.maxElements ?? DEFAULT_PARSE_LIMITS.maxElements,
    maxDepth: input.maxDepth ?? DEFAULT_PARSE_LIMITS.maxDepth,
  };
  const pageUrl = httpUrl(input.url, 'invalid:/');
  if (!pageUrl) throw new PageParseError('invalid_url', 'url must be an absolute http(s) URL');
  pageUrl.hash = '';
  const url = pageUrl.href;
  const bytes = typeof input.html === 'string' ? Buffer.byteLength(input.html) : input.html.byteLength;
  if (bytes > limits.maxHtmlBytes) {
    throw new PageParseError('too_large', `${bytes} bytes exceed the ${limits.maxHtmlBytes}-byte limit`, limits.maxHtmlBytes, bytes);
  }
  const contentType = header(input.headers, 'content-type');
  const html = typeof input.html === 'string' ? input.html : decodeHtml(input.html, contentType);
  const lastModifiedHeader = isoDate(header(input.headers, 'last-modified'));
  const contentLanguage = primaryLanguage(header(input.headers, 'content-language'));

  if (/^\s*text\/plain\b/i.test(contentType ?? '')) {
    const blocks = blocksFromPlainText(html);
    const mainText = blocks.map((b) => b.text).join('\n\n');
    return {
      url,
      canonicalUrl: null,
      title: null,
      description: null,
      language: contentLanguage,
      openGraph: { title: null, description: null, image: null, type: null },
      lastModified: lastModifiedHeader,
      headings: [],
      mainText,
      blocks,
      links: [],
      images: [],
      contentHash: contentHashOf(mainText),
      textLength: mainText.length,
      needsJavaScript: false,
      extraction: 'text',
    };
  }

  const scan = scanMarkup(html, limits);
  const doc = parseHtmlDocument(html);

  const baseHref = all(doc, 'base[href]')[0]?.getAttribute('href');
  const base = (baseHref && httpUrl(baseHref, pageUrl)) || pageUrl;
  const resolve = (href: string): string | null => {
    const u = httpUrl(href, base);
    return u ? stripFragment(u) : null;
  };

  const meta = metaMap(doc);
  const titleEl = all(doc, 'title').find((t: DomElement) => !t.closest('svg'));
  const title = nonEmpty(collapseWhitespace(titleEl?.textContent ?? '')) ?? nonEmpty(meta.get('og:title'));
  const canonicalHref = all(doc, 'link[rel][href]')
    .find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''))
    ?.getAttribute('href');
  const canonical = canonicalHref ? httpUrl(canonicalHref, base) : null;
  const ogImage = meta.get('og:image') ?? meta.get('og:image:url') ?? meta.get('og:image:secure_url');
  const openGraph: OpenGraph = {
    title: nonEmpty(meta.get('og:title')),
    description: nonEmpty(meta.get('og:description')),
    image: ogImage ? resolve(ogImage) : null,
    type: nonEmpty(meta.get('og:type')),
  };
  const language =
    primaryLanguage(doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang')) ??
    contentLanguage ??
    primaryLanguage(meta.get('content-language')) ??
    primaryLanguage(meta.get('og:locale'));
  const lastModified = lastModifiedHeader ?? isoDate(meta.get('article:modified_time')) ?? isoDate(meta.get('og:updated_time'));
  const links = collectLinks(doc, resolve);
  const signals = scriptSignals(doc);

  stripBoilerplate(doc);
  const content = extractContent(doc, resolve, scan.elements);
  const blocks = content.blocks;
  const mainText = blocks.map((b) => b.text).join('\n\n');

  return {
    url,
    canonicalUrl: canonical && canonical.origin === pageUrl.origin ? stripFragment(canonical) : null,
    title,
    description: nonEmpty(meta.get('description')) ?? openGraph.description,
    language,
    openGraph,
    lastModified,
    headings: content.headings,
    mainText,
    blocks,
    links,
    images: content.images,
    contentHash: contentHashOf(mainText),
    textLength: mainText.length,
    needsJavaScript: needsJavaScript(signals, blocks),
    extraction: content.method,
  };
}
