// The small part of the DOM that parsing uses, typed structurally (the package compiles without the DOM lib),
// plus text helpers that never recurse (hostile documents can be deeply nested).

// linkedom's type declarations are ESM-only, which a CommonJS build may not import; at run time its package
// exports resolve `require` to its CommonJS build (Node ≥ 20.19 loads its ESM-only dependencies via require(esm)).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DOMParser } = require('linkedom') as { DOMParser: new () => { parseFromString(html: string, type: 'text/html'): unknown } };

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
  cloneNode(deep: boolean): DomElement;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** Parses HTML without running scripts or loading anything (linkedom builds a plain tree). */
export function parseHtmlDocument(html: string): DomDocument {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as DomDocument;
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE;
export const tagOf = (el: DomElement): string => el.localName.toLowerCase();

/** Elements whose content is never page text. */
export const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'select',
  'textarea',
  'input',
  'head',
  'title',
  'meta',
  'link',
]);

/** Elements that start a new line of text when flattened. */
const BLOCKISH = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

/** Collapses whitespace (including no-break spaces) to single spaces; keeps '\n' when `keepNewlines`. */
export function collapseWhitespace(text: string, keepNewlines = false): string {
  if (!keepNewlines) return text.replace(/[\s\u00a0]+/g, ' ').trim();
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Visible text of an element as one line (or lines split at <br> when `keepBreaks`), iteratively.
 * `skip` is consulted for every descendant element; skipped elements contribute nothing.
 */
export function inlineText(el: DomNode, options: { keepBreaks?: boolean; skip?: (el: DomElement) => boolean } = {}): string {
  const brk = options.keepBreaks ? '\n' : ' ';
  const parts: string[] = [];
  // Strings on the stack are separators emitted after a block-level element's children.
  const stack: (DomNode | string)[] = childrenReversed(el);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.textContent ?? '');
      continue;
    }
    if (!isElement(node)) continue;
    const tag = tagOf(node);
    if (NON_TEXT_TAGS.has(tag) || tag === 'img' || options.skip?.(node)) continue;
    if (tag === 'br') {
      parts.push(brk);
      continue;
    }
    if (BLOCKISH.has(tag)) {
      parts.push(brk);
      stack.push(brk);
    }
    for (const c of childrenReversed(node)) stack.push(c);
  }
  return collapseWhitespace(parts.join(''), options.keepBreaks);
}

function childrenReversed(node: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out.reverse();
}

/** Raw text of an element with whitespace preserved (for <pre>), iteratively; <br> becomes '\n'. */
export function rawText(el: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = childrenReversed(el);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.textContent ?? '');
      continue;
    }
    if (!isElement(node)) continue;
    const tag = tagOf(node);
    if (NON_TEXT_TAGS.has(tag)) continue;
    if (tag === 'br') parts.push('\n');
    else for (const c of childrenReversed(node)) stack.push(c);
  }
  return parts.join('');
}

/** Element children of a node, in order. */
export function elementChildren(node: DomNode): DomElement[] {
  const out: DomElement[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

/** Every element in `root` (inclusive) matching `selector`, as an array. */
export function all(root: { querySelectorAll(selector: string): ArrayLike<DomElement> }, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}
