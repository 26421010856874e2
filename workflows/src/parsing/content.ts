// Main content of an HTML document: boilerplate removal, choice of the content root (semantic <main>/<article>,
// else Mozilla Readability), and the ordered content blocks with their heading paths, plus the content's images.
import { Readability } from '@mozilla/readability';
import {
  all,
  collapseWhitespace,
  elementChildren,
  inlineText,
  isElement,
  NON_TEXT_TAGS,
  rawText,
  tagOf,
  TEXT_NODE,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './dom.js';

export type BlockType = 'heading' | 'paragraph' | 'list' | 'table' | 'code';

export interface ContentBlock {
  type: BlockType;
  /** Headings, paragraphs: one line. Lists: one line per item ("- x", "1. x", nested items indented).
   * Tables: optional caption line, then a markdown-like table, one row per line. Code: whitespace kept. */
  text: string;
  /** Texts of the enclosing headings, outermost first; a heading's own path ends with itself. */
  headingPath: string[];
  /** Anchor (id) of the nearest heading that has one, for #deep-links; a heading's own anchor first. */
  anchor: string | null;
  /** Heading level 1–6 (heading blocks only). */
  level?: number;
}

export interface PageImage {
  /** Absolute http(s) URL. */
  src: string;
  alt: string;
  /** Text of the enclosing <figure>'s <figcaption>, or null. */
  caption: string | null;
  /** The paragraph that contains or is nearest to the image (same section), at most 300 characters. */
  surroundingText: string;
}

export interface ExtractedContent {
  blocks: ContentBlock[];
  /** Every heading with the anchor it declares itself (null when it has none). */
  headings: { level: number; text: string; anchor: string | null }[];
  images: PageImage[];
  /** How the content root was found. */
  method: 'semantic' | 'readability' | 'body';
}

const HEADING = /^h[1-6]$/;
const SURROUNDING_MAX = 300;
/**
 * Readability runs only on documents up to this many elements: its retries make it several times slower than the
 * parse, and pages that large without <main>/<article> are rarely articles. Larger ones use the stripped body.
 */
const READABILITY_MAX_ELEMENTS = 10_000;
/** Recursion guard for the block walker; the markup pre-scan already bounds depth, this is belt and braces. */
const MAX_WALK_DEPTH = 600;

/** Elements removed anywhere in the body before extraction. */
const BOILERPLATE_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'canvas',
  'math',
  'input',
  'select',
  'textarea',
  'dialog',
  'nav',
  'aside',
  'footer',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="toolbar"]',
].join(',');

/** Class or id tokens of boilerplate widgets (cookie banners, share bars, tables of contents, …). */
const BOILERPLATE_WORDS = [
  'cookies?',
  'consent',
  'gdpr',
  'breadcrumbs?',
  'skip-?link',
  'skip-?to-?content',
  'share',
  'sharing',
  'social',
  'newsletter',
  'adverts?',
  'ads',
  'sponsor(?:ed)?',
  'promo',
  'sidebar',
  'toc',
  'table-of-contents',
  'feedback',
  'related',
  'pagination',
  'subscribe',
  'popup',
  'modal',
  'banner',
];
/** A class/id token that is, or has as a dash/underscore-separated word, one of BOILERPLATE_WORDS. */
const BOILERPLATE_TOKEN = new RegExp(`^(?:[a-z0-9]+[-_])*(?:${BOILERPLATE_WORDS.join('|')})(?:[-_][a-z0-9]+)*$`, 'i');

/** Elements whose class or id may mark a widget; content elements (headings, paragraphs, tables…) never do. */
const WIDGET_CONTAINERS = ['div', 'section', 'ul', 'ol', 'span', 'dl'].map((tag) => `${tag}[class], ${tag}[id]`).join(', ');

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

function hasBoilerplateToken(el: DomElement): boolean {
  const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
  return tokens.some((t) => t !== '' && t.length <= 60 && BOILERPLATE_TOKEN.test(t));
}

/**
 * Removes navigation, site header/footer, asides, small forms, buttons, hidden elements, scripts and widgets such as
 * cookie banners from the body. Kept: a <header> inside <main>/<article> that holds a heading (article headers),
 * collapsed accordion/tab panels (hidden, but named by some aria-controls or role=region/tabpanel) and the buttons that
 * open them (their text is the question), and forms that hold most of the page (ASP.NET wraps whole pages in one).
 */
export function stripBoilerplate(doc: DomDocument): void {
  const body = doc.body;
  if (!body) return;
  for (const el of all(body, BOILERPLATE_SELECTOR)) el.remove();
  const controlled = new Set(all(body, '[aria-controls]').flatMap((el) => (el.getAttribute('aria-controls') ?? '').split(/\s+/)));
  for (const el of all(body, '[hidden], [style]')) {
    if (!el.hasAttribute('hidden') && !HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) continue;
    const role = el.getAttribute('role');
    if (controlled.has(el.getAttribute('id') ?? '') || role === 'region' || role === 'tabpanel') continue;
    el.remove();
  }
  for (const el of all(body, 'button')) {
    if (!el.hasAttribute('aria-controls') && !el.hasAttribute('aria-expanded') && !el.closest(`${HEADINGS}, summary`)) el.remove();
  }
  for (const el of all(body, 'header')) {
    if (!(el.closest('main, [role="main"], article') && el.querySelector(HEADINGS))) el.remove();
  }
  const bodyText = inlineText(body).length;
  let examined = 0;
  for (const el of all(body, `form, ${WIDGET_CONTAINERS}`)) {
    if (tagOf(el) !== 'form' && !hasBoilerplateToken(el)) continue;
    // Bounded: each check reads the element's text, and hostile pages can nest thousands of matches.
    if (++examined > 200) break;
    if (el.querySelector('h1, main, article')) continue;
    if (inlineText(el).length <= bodyText / 2) el.remove();
  }
}

/** The semantic content root: the (largest) <main> / [role=main], else the only <article>; null when neither. */
function semanticRoot(doc: DomDocument): DomElement | null {
  const mains = all(doc, 'main, [role="main"]').filter((m) => !m.parentElement?.closest('main, [role="main"]'));
  if (mains.length > 0) {
    let best = mains[0]!;
    let bestLength = -1;
    for (const m of mains.slice(0, 20)) {
      const length = inlineText(m).length;
      if (length > bestLength) [best, bestLength] = [m, length];
    }
    return best;
  }
  const articles = all(doc, 'article').filter((a) => !a.parentElement?.closest('article'));
  return articles.length === 1 ? articles[0]! : null;
}

/** Anchor a heading declares: its id, an id/name inside it, an empty named anchor just before it, or its section's id. */
function headingAnchor(h: DomElement): string | null {
  const clean = (v: string | null): string | null => {
    const t = v?.trim();
    return t ? t : null;
  };
  const own = clean(h.getAttribute('id'));
  if (own) return own;
  const inner = h.querySelector('[id], a[name]');
  if (inner) return clean(inner.getAttribute('id')) ?? clean(inner.getAttribute('name'));
  const prev = h.previousElementSibling;
  if (prev && tagOf(prev) === 'a' && !inlineText(prev)) {
    const named = clean(prev.getAttribute('id')) ?? clean(prev.getAttribute('name'));
    if (named) return named;
  }
  const parent = h.parentElement;
  // Documentation generators put the id on the section: <section id="x"><h2>…, <div class="section" id="x"><h2>….
  const sectionLike =
    parent && (tagOf(parent) === 'section' || (tagOf(parent) === 'div' && /(?:^|\s)section(?:\s|$)/.test(parent.getAttribute('class') ?? '')));
  if (parent && sectionLike && parent.firstElementChild === h) return clean(parent.getAttribute('id'));
  return null;
}

/** Heading text without trailing permalink markers (¶, §, 🔗, or a lone #: "C#" stays). */
function headingText(h: DomElement): string {
  return inlineText(h)
    .replace(/(?:\s*[¶§🔗]|\s+#)+$/u, '')
    .trim();
}

const isNestedList = (el: DomElement): boolean => ['ul', 'ol', 'dl', 'menu'].includes(tagOf(el));

/** Lists nested in `li` (not inside a deeper list). */
function nestedLists(li: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const stack = elementChildren(li).reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (isNestedList(el)) out.push(el);
    else stack.push(...elementChildren(el).reverse());
  }
  return out;
}

function renderList(list: DomElement, indent: string, lines: string[], depth: number): void {
  const tag = tagOf(list);
  if (tag === 'dl') {
    renderDl(list, indent, lines);
    return;
  }
  const ordered = tag === 'ol';
  let n = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  if (!Number.isFinite(n)) n = 1;
  for (const li of elementChildren(list)) {
    if (tagOf(li) !== 'li') continue;
    const text = inlineText(li, { skip: isNestedList });
    if (text) lines.push(`${indent}${ordered ? `${n}.` : '-'} ${text}`);
    n++;
    if (depth < 20) for (const nested of nestedLists(li)) renderList(nested, `${indent}  `, lines, depth + 1);
  }
}

function renderDl(dl: DomElement, indent: string, lines: string[]): void {
  const items: DomElement[] = [];
  for (const c of elementChildren(dl)) {
    if (tagOf(c) === 'div') items.push(...elementChildren(c));
    else items.push(c);
  }
  let term = '';
  for (const el of items) {
    const tag = tagOf(el);
    const text = inlineText(el);
    if (!text) continue;
    if (tag === 'dt') {
      if (term) lines.push(`${indent}- ${term}`);
      term = text;
    } else if (tag === 'dd') {
      lines.push(`${indent}- ${term ? `${term}: ` : ''}${text}`);
      term = '';
    }
  }
  if (term) lines.push(`${indent}- ${term}`);
}

/** Rows of a table (not of tables nested in it). */
function tableRows(table: DomElement): { cells: DomElement[]; inHead: boolean }[] {
  const rows: { cells: DomElement[]; inHead: boolean }[] = [];
  const visit = (parent: DomElement, inHead: boolean): void => {
    for (const c of elementChildren(parent)) {
      const tag = tagOf(c);
      if (tag === 'tr') rows.push({ cells: elementChildren(c).filter((x) => ['td', 'th'].includes(tagOf(x))), inHead });
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(c, tag === 'thead');
    }
  };
  visit(table, false);
  return rows.filter((r) => r.cells.length > 0);
}

/** Tables used for page layout rather than data: walk them like containers. */
function isLayoutTable(table: DomElement, rows: { cells: DomElement[] }[]): boolean {
  const role = table.getAttribute('role');
  if (role === 'presentation' || role === 'none') return true;
  if (rows.length === 0) return true;
  const hasTh = rows.some((r) => r.cells.some((c) => tagOf(c) === 'th'));
  if (hasTh) return false;
  if (rows.every((r) => r.cells.length <= 1)) return true;
  return rows.some((r) => r.cells.some((c) => c.querySelector('table, h1, h2, h3, h4, h5, h6, pre') !== null));
}

const cellText = (cell: DomElement): string => inlineText(cell).replace(/\|/g, '\\|');

/** Caption line (if any), then `| a | b |` rows; a `| --- |` line follows the header row when there is one. */
function renderTable(table: DomElement, rows: { cells: DomElement[]; inHead: boolean }[]): string {
  const lines: string[] = [];
  const caption = elementChildren(table).find((c) => tagOf(c) === 'caption');
  const captionText = caption ? inlineText(caption) : '';
  if (captionText) lines.push(captionText);
  const width = Math.min(64, Math.max(...rows.map((r) => r.cells.length)));
  const line = (cells: DomElement[]): string => {
    const texts = cells.slice(0, width).map(cellText);
    while (texts.length < width) texts.push('');
    return `| ${texts.join(' | ')} |`;
  };
  let headerRows = rows.filter((r) => r.inHead);
  let bodyRows = rows.filter((r) => !r.inHead);
  if (headerRows.length === 0 && rows[0]!.cells.every((c) => tagOf(c) === 'th') && rows.length > 1) {
    headerRows = [rows[0]!];
    bodyRows = rows.slice(1);
  }
  for (const r of headerRows) lines.push(line(r.cells));
  if (headerRows.length > 0) lines.push(`|${' --- |'.repeat(width)}`);
  for (const r of bodyRows) {
    const l = line(r.cells);
    if (l.replace(/[|\s]/g, '') !== '') lines.push(l);
  }
  return lines.join('\n');
}

function codeText(pre: DomElement): string {
  return rawText(pre)
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');
}

interface RawBlock {
  type: BlockType;
  text: string;
  level?: number;
  anchor?: string | null;
}

/** Ordered blocks of `root`. */
function walkBlocks(root: DomElement): RawBlock[] {
  const blocks: RawBlock[] = [];
  let buffer: string[] = [];
  const flush = (): void => {
    const text = collapseWhitespace(buffer.join(''));
    buffer = [];
    if (text) blocks.push({ type: 'paragraph', text });
  };
  const emit = (type: BlockType, text: string): void => {
    flush();
    if (text) blocks.push({ type, text });
  };
  const walk = (node: DomNode, depth: number): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        buffer.push(child.textContent ?? '');
        continue;
      }
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (NON_TEXT_TAGS.has(tag) || tag === 'img') continue;
      if (HEADING.test(tag)) {
        flush();
        const text = headingText(child);
        if (text) blocks.push({ type: 'heading', text, level: Number(tag[1]), anchor: headingAnchor(child) });
      } else if (tag === 'p' || tag === 'figcaption' || tag === 'summary' || tag === 'caption' || tag === 'legend') {
        emit('paragraph', inlineText(child));
      } else if (tag === 'pre') {
        emit('code', codeText(child));
      } else if (tag === 'ul' || tag === 'ol' || tag === 'dl' || tag === 'menu') {
        const lines: string[] = [];
        renderList(child, '', lines, 0);
        emit('list', lines.join('\n'));
      } else if (tag === 'table') {
        const rows = tableRows(child);
        if (isLayoutTable(child, rows)) {
          flush();
          if (depth < MAX_WALK_DEPTH) walk(child, depth + 1);
          else emit('paragraph', inlineText(child));
          flush();
        } else {
          emit('table', renderTable(child, rows));
        }
      } else if (tag === 'hr') {
        flush();
      } else if (tag === 'br') {
        buffer.push(' ');
      } else if (depth >= MAX_WALK_DEPTH) {
        emit('paragraph', inlineText(child));
      } else {
        // Containers (div, section, blockquote, figure, li outside a list, …) and inline elements alike: their text
        // joins the running paragraph and their block-level descendants start new blocks.
        const blockish = !INLINE_TAGS.has(tag);
        if (blockish) flush();
        walk(child, depth + 1);
        if (blockish) flush();
      }
    }
  };
  walk(root, 0);
  flush();
  return blocks;
}

const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'nobr',
  'big',
]);

/** Adds heading paths and anchors (a heading stack: a heading closes every open heading of its level or deeper). */
function withHeadingPaths(raw: RawBlock[]): ContentBlock[] {
  const stack: { level: number; text: string; anchor: string | null }[] = [];
  const nearestAnchor = (): string | null => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.anchor) return stack[i]!.anchor;
    return null;
  };
  return raw.map((b) => {
    if (b.type === 'heading') {
      const level = b.level ?? 2;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, text: b.text, anchor: b.anchor ?? null });
      return { type: b.type, text: b.text, headingPath: stack.map((h) => h.text), anchor: nearestAnchor(), level };
    }
    return { type: b.type, text: b.text, headingPath: stack.map((h) => h.text), anchor: nearestAnchor() };
  });
}

export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The paragraph holding the image, else the nearest paragraph of its section, else a list/quote, else its heading. */
function surroundingText(img: DomElement, root: DomElement): string {
  const inParagraph = closestWithin(img, ['p', 'li', 'td', 'blockquote'], root);
  if (inParagraph) {
    const text = inlineText(inParagraph);
    if (text) return truncateText(text, SURROUNDING_MAX);
  }
  // Climb out of wrappers that hold nothing but the image (figure, picture, a, span, div).
  let anchor: DomElement = closestWithin(img, ['figure'], root) ?? img;
  for (let i = 0; i < 4 && anchor.parentElement && anchor !== root && anchor.parentElement !== root; i++) {
    const parent = anchor.parentElement;
    if (elementChildren(parent).length !== 1 || ownText(parent)) break;
    anchor = parent;
  }
  const candidates: DomElement[] = [];
  let heading: string | null = null;
  for (let el = anchor.previousElementSibling, n = 0; el && n < 8; el = el.previousElementSibling, n++) {
    if (HEADING.test(tagOf(el))) {
      heading = headingText(el);
      break;
    }
    candidates.push(el);
  }
  for (let el = anchor.nextElementSibling, n = 0; el && n < 8; el = el.nextElementSibling, n++) {
    if (HEADING.test(tagOf(el))) break;
    candidates.push(el);
  }
  const pick = (accept: (el: DomElement) => boolean): string | null => {
    for (const el of candidates) {
      if (!accept(el)) continue;
      const text = tagOf(el) === 'ul' || tagOf(el) === 'ol' ? listText(el) : inlineText(el);
      if (text) return text;
    }
    return null;
  };
  const text =
    pick((el) => tagOf(el) === 'p') ??
    pick((el) => ['ul', 'ol', 'blockquote', 'dl', 'div', 'section'].includes(tagOf(el)) && !el.querySelector('img, figure')) ??
    heading ??
    '';
  return truncateText(text, SURROUNDING_MAX);
}

/** Nearest ancestor of `el` (inclusive) with one of `tags`, below `root`. */
function closestWithin(el: DomElement, tags: string[], root: DomElement): DomElement | null {
  for (let cur: DomElement | null = el; cur && cur !== root; cur = cur.parentElement) if (tags.includes(tagOf(cur))) return cur;
  return null;
}

function listText(list: DomElement): string {
  const lines: string[] = [];
  renderList(list, '', lines, 0);
  return lines.join(' ');
}

function ownText(el: DomElement): string {
  let text = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT_NODE) text += c.textContent ?? '';
  return text.trim();
}

function imageSource(img: DomElement): string | null {
  const candidates = [img.getAttribute('src'), img.getAttribute('data-src'), img.getAttribute('data-lazy-src')];
  const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset');
  if (srcset) candidates.push(srcset.trim().split(/\s+/)[0] ?? null);
  for (const c of candidates) {
    const v = c?.trim();
    if (v && !/^data:/i.test(v)) return v;
  }
  return null;
}

function extractImages(root: DomElement, resolve: (href: string) => string | null): PageImage[] {
  const seen = new Set<string>();
  const images: PageImage[] = [];
  for (const img of all(root, 'img')) {
    const raw = imageSource(img);
    const src = raw ? resolve(raw) : null;
    if (!src || seen.has(src)) continue;
    seen.add(src);
    const figure = closestWithin(img, ['figure'], root);
    const figcaption = figure ? all(figure, 'figcaption')[0] : undefined;
    const caption = figcaption ? inlineText(figcaption) : '';
    images.push({
      src,
      alt: collapseWhitespace(img.getAttribute('alt') ?? ''),
      caption: caption || null,
      surroundingText: surroundingText(img, root),
    });
    if (images.length >= 1000) break;
  }
  return images;
}

/** Total text of non-heading blocks (used to judge thin pages). */
export function bodyTextLength(blocks: ContentBlock[]): number {
  return blocks.reduce((n, b) => (b.type === 'heading' ? n : n + b.text.length), 0);
}

/**
 * Extracts the main content. `doc` must already be stripped of boilerplate (stripBoilerplate) and is mutated further
 * when Readability runs. `elements` (the document's element count) decides whether Readability may run at all.
 */
export function extractContent(doc: DomDocument, resolve: (href: string) => string | null, elements: number): ExtractedContent {
  const body = doc.body;
  if (!body) return { blocks: [], headings: [], images: [], method: 'body' };
  let root = semanticRoot(doc);
  let method: ExtractedContent['method'] = 'semantic';
  if (root) {
    // A <main> that holds only a sliver of the page's text (a hero, a search box) is not the content.
    const rootLength = inlineText(root).length;
    const bodyLength = inlineText(body).length;
    if (rootLength < bodyLength / 4 && bodyLength - rootLength > 1000) root = null;
  }
  let pageHeading: RawBlock | null = null;
  if (!root) {
    const h1 = body.querySelector('h1');
    const h1Text = h1 ? headingText(h1) : '';
    if (h1 && h1Text) pageHeading = { type: 'heading', text: h1Text, level: 1, anchor: headingAnchor(h1) };
    let article: DomElement | null = null;
    let pristine = body;
    if (elements <= READABILITY_MAX_ELEMENTS) {
      // Readability rewrites the tree it reads, also when it finds nothing: keep an intact copy for the fallback.
      pristine = body.cloneNode(true);
      try {
        const result = new Readability(doc as never, {
          serializer: (el: unknown) => el as DomElement,
          maxElemsToParse: READABILITY_MAX_ELEMENTS * 2,
        }).parse();
        article = (result?.content as DomElement | null | undefined) ?? null;
      } catch {
        // linkedom + Readability can overflow the stack on very wide documents; the whole body is used then.
        article = null;
      }
    }
    if (article && inlineText(article).length > 0) {
      root = article;
      method = 'readability';
    } else {
      root = pristine;
      method = 'body';
      pageHeading = null;
    }
  }
  let raw = walkBlocks(root);
  // Readability drops the <h1> when it repeats the title; keep it, it roots every heading path.
  if (pageHeading && !raw.some((b) => b.type === 'heading' && b.level === 1)) raw = [pageHeading, ...raw];
  const headings = raw.filter((b) => b.type === 'heading').map((b) => ({ level: b.level ?? 2, text: b.text, anchor: b.anchor ?? null }));
  return { blocks: withHeadingPaths(raw), headings, images: extractImages(root, resolve), method };
}
