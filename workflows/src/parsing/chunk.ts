// chunkPage: a parsed page → retrieval chunks that follow its heading structure. A chunk never spans two sections;
// a long section is split at block, then sentence (rows for tables, lines for code), then word boundaries, with
// overlap between consecutive chunks of the section. Deterministic: the same page always gives the same chunks.
import type { ContentBlock, ParsedPage } from './parse-page.js';

export interface ChunkOptions {
  /** Upper bound of a chunk's tokenEstimate (heading-path prefix included); default 300. */
  maxTokens?: number;
  /** Tokens of the previous chunk's end repeated at the start of the next one of the same section; default 40. */
  overlapTokens?: number;
}

export interface Chunk {
  /** 0-based position in the page; `${url}#${index}`-style ids are stable for an unchanged page. */
  index: number;
  /** The heading path (or the page title when there is none) followed by ': ' and the body, for embedding. */
  text: string;
  /** The chunk's own content, without the heading-path prefix. */
  body: string;
  headingPath: string[];
  /** Anchor of the nearest heading that has one (for #deep-links), or null. */
  anchor: string | null;
  /** `url#anchor` when there is an anchor, else `url`. */
  deepLink: string;
  tokenEstimate: number;
  url: string;
  /** 0-based section of the page (a heading and the blocks up to the next heading). */
  section: number;
  /** True when the chunk is a single indivisible unit (one table row or one code line) larger than maxTokens. */
  oversized: boolean;
}

type PageForChunking = Pick<ParsedPage, 'url' | 'title' | 'blocks'> & { language?: string | null };

// ---------------------------------------------------------------- token estimate

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;

/**
 * Tokenizer-free estimate: about 4 characters per token for alphabetic scripts, one token per character for CJK and
 * Thai (where 4 characters per token would under-count several times).
 */
export function estimateTokens(text: string): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return Math.ceil((text.length - wide) / 4 + wide);
}

// ---------------------------------------------------------------- splitting

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string | null | undefined): Intl.Segmenter {
  const key = language ?? 'en';
  let seg = segmenters.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      seg = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(key, seg);
  }
  return seg;
}

function sentences(text: string, language: string | null | undefined): string[] {
  return Array.from(sentenceSegmenter(language).segment(text), (s) => s.segment.trim()).filter((s) => s !== '');
}

const WIDE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Cuts `text` (no whitespace to split at) into pieces of at most `budget` estimated tokens, by code point. */
function sliceByTokens(text: string, budget: number): string[] {
  const out: string[] = [];
  let start = 0;
  let narrow = 0;
  let wide = 0;
  let i = 0;
  for (const ch of text) {
    const isWide = WIDE_CHAR.test(ch);
    const nextNarrow = narrow + (isWide ? 0 : ch.length);
    const nextWide = wide + (isWide ? 1 : 0);
    if (i > start && Math.ceil(nextNarrow / 4 + nextWide) > budget) {
      out.push(text.slice(start, i));
      start = i;
      narrow = isWide ? 0 : ch.length;
      wide = isWide ? 1 : 0;
    } else {
      narrow = nextNarrow;
      wide = nextWide;
    }
    i += ch.length;
  }
  if (i > start) out.push(text.slice(start, i));
  return out;
}

/** Word windows of at most `budget` tokens (words longer than that are sliced). */
function wordWindows(text: string, budget: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const parts = estimateTokens(word) > budget ? sliceByTokens(word, budget) : [word];
    for (const part of parts) {
      const candidate = current ? `${current} ${part}` : part;
      if (current && estimateTokens(candidate) > budget) {
        out.push(current);
        current = part;
      } else {
        current = candidate;
      }
    }
  }
  if (current) out.push(current);
  return out;
}

type PieceKind = 'block' | 'sentence' | 'word' | 'item' | 'row' | 'line';

interface Piece {
  text: string;
  /** Index of the block (within the section) the piece comes from. */
  block: number;
  /** List items: index of the item within the block (sentences of one item join with a space, items with '\n'). */
  unit?: number;
  kind: PieceKind;
  blockType: ContentBlock['type'];
  /** Table rows: caption and header lines, repeated at the start of every chunk that begins with a row. */
  header?: string;
  /** Larger than the budget and not divisible further (a table row or a code line). */
  indivisible?: boolean;
}

const TABLE_RULE = /^\|(?: --- \|)+$/;

function proseUnits(
  text: string,
  at: { block: number; unit?: number },
  blockType: ContentBlock['type'],
  budget: number,
  language: string | null | undefined,
): Piece[] {
  const out: Piece[] = [];
  for (const sentence of sentences(text, language)) {
    if (estimateTokens(sentence) <= budget) out.push({ text: sentence, ...at, kind: 'sentence', blockType });
    else for (const w of wordWindows(sentence, budget)) out.push({ text: w, ...at, kind: 'word', blockType });
  }
  return out;
}

/** The block as one piece when it fits, else its units (sentences, list items, table rows, code lines). */
function piecesOf(b: ContentBlock, block: number, budget: number, language: string | null | undefined): Piece[] {
  if (estimateTokens(b.text) <= budget) return [{ text: b.text, block, kind: 'block', blockType: b.type }];
  const lines = b.text.split('\n');
  switch (b.type) {
    case 'code':
      return lines.map((line) => ({ text: line, block, kind: 'line', blockType: b.type, indivisible: estimateTokens(line) > budget }));
    case 'table': {
      const rule = lines.findIndex((l) => TABLE_RULE.test(l));
      const firstRow = rule >= 0 ? rule + 1 : lines.findIndex((l) => l.startsWith('|'));
      const headerEnd = firstRow < 0 ? 0 : firstRow;
      const header = lines.slice(0, headerEnd).join('\n');
      return lines.slice(headerEnd).map((row) => ({
        text: row,
        block,
        kind: 'row',
        blockType: b.type,
        header: header || undefined,
        indivisible: estimateTokens(row) > budget,
      }));
    }
    case 'list': {
      // Items: a top-level line with its indented continuation lines.
      const items: string[] = [];
      for (const line of lines) {
        if (/^\S/.test(line) || items.length === 0) items.push(line);
        else items[items.length - 1] += `\n${line}`;
      }
      return items.flatMap((item, unit) =>
        estimateTokens(item) <= budget
          ? [{ text: item, block, unit, kind: 'item' as const, blockType: b.type }]
          : proseUnits(item, { block, unit }, b.type, budget, language),
      );
    }
    default:
      return proseUnits(b.text, { block }, b.type, budget, language);
  }
}

function joiner(prev: Piece, next: Piece): string {
  if (prev.block !== next.block) return '\n\n';
  if (prev.unit !== next.unit) return '\n';
  return next.kind === 'sentence' || next.kind === 'word' ? ' ' : '\n';
}

/**
 * Candidate overlaps for the chunk after one that ended with `source` (its trailing text from one block): tails of at
 * most `budget` tokens, longest first — whole lines for code, whole sentences otherwise (line breaks kept), or the
 * last words when even the last sentence is too long.
 */
function overlapCandidates(source: Piece, budget: number, language: string | null | undefined): Piece[] {
  if (budget <= 0 || source.blockType === 'table') return [];
  const code = source.blockType === 'code';
  const units: { text: string; sep: string }[] = [];
  for (const line of source.text.split('\n')) {
    const parts = code ? [line] : sentences(line, language);
    parts.forEach((text, i) => units.push({ text, sep: i === 0 ? '\n' : ' ' }));
  }
  const tails: string[] = [];
  let tail = '';
  for (let i = units.length - 1; i >= 0; i--) {
    const candidate = tail ? `${units[i]!.text}${units[i + 1]!.sep}${tail}` : units[i]!.text;
    if (estimateTokens(candidate) > budget) break;
    tail = candidate;
    if (tail.trim()) tails.unshift(tail);
  }
  if (tails.length === 0 && !code) {
    const words = source.text.split(/\s+/).filter((w) => w !== '');
    for (let i = words.length - 1; i >= 0; i--) {
      const candidate = words.slice(i).join(' ');
      if (estimateTokens(candidate) > budget) break;
      tails.unshift(candidate);
    }
  }
  return tails.map((text) => ({ ...source, text, kind: code ? 'line' : 'sentence' }));
}

/** The trailing pieces of a chunk that come from its last block, as one piece (the overlap's source). */
function trailingText(pieces: Piece[]): Piece | null {
  const last = pieces.at(-1);
  if (!last || last.indivisible) return null;
  let text = last.text;
  for (let i = pieces.length - 2; i >= 0 && pieces[i]!.block === last.block; i--) {
    text = `${pieces[i]!.text}${joiner(pieces[i]!, pieces[i + 1]!)}${text}`;
  }
  return { ...last, text };
}

interface Section {
  headingPath: string[];
  anchor: string | null;
  blocks: ContentBlock[];
}

function sectionsOf(blocks: ContentBlock[]): Section[] {
  const sections: Section[] = [];
  let current: Section = { headingPath: [], anchor: null, blocks: [] };
  for (const b of blocks) {
    if (b.type === 'heading') {
      if (current.blocks.length > 0) sections.push(current);
      current = { headingPath: b.headingPath, anchor: b.anchor, blocks: [] };
    } else {
      current.blocks.push(b);
    }
  }
  if (current.blocks.length > 0) sections.push(current);
  return sections;
}

function clampPrefix(prefix: string, maxTokens: number): string {
  const limit = Math.floor(maxTokens / 3);
  if (estimateTokens(prefix) <= limit) return prefix;
  return `${sliceByTokens(prefix, Math.max(1, limit - 1))[0] ?? ''}…`;
}

interface PackedChunk {
  body: string;
  oversized: boolean;
  /** The body starts with running text (not a table, code or list line). */
  prose: boolean;
}

/**
 * Packs a section's pieces greedily into chunk bodies of at most `budget` tokens. Each chunk after the first starts
 * with an overlap from the end of the previous one (when it fits), except between parts of one table, whose header
 * rows are repeated instead.
 */
function packSection(pieces: Piece[], budget: number, overlapTokens: number, language: string | null | undefined): PackedChunk[] {
  const out: PackedChunk[] = [];
  let text = '';
  /** Pieces of the current chunk (its overlap excluded). */
  let own: Piece[] = [];
  let oversized = false;
  let prose = true;
  const close = (): void => {
    if (text) out.push({ body: text, oversized, prose });
    text = '';
    oversized = false;
  };
  const start = (piece: Piece, previous: Piece[]): void => {
    own = [piece];
    if (piece.indivisible) {
      prose = false;
      text = piece.header && estimateTokens(`${piece.header}\n${piece.text}`) <= budget ? `${piece.header}\n${piece.text}` : piece.text;
      oversized = estimateTokens(text) > budget;
      return;
    }
    let first = piece.text;
    // A chunk that starts inside a table repeats the caption and header rows.
    if (piece.kind === 'row' && piece.header && estimateTokens(`${piece.header}\n${first}`) <= budget) first = `${piece.header}\n${first}`;
    text = first;
    prose = piece.blockType === 'paragraph';
    const source = trailingText(previous);
    if (source && !(piece.kind === 'row' && source.block === piece.block)) {
      for (const overlap of overlapCandidates(source, overlapTokens, language)) {
        const candidate = `${overlap.text}${joiner(overlap, piece)}${first}`;
        if (estimateTokens(candidate) <= budget) {
          text = candidate;
          prose = overlap.blockType === 'paragraph';
          break;
        }
      }
    }
  };
  for (const piece of pieces) {
    const prev = own.at(-1);
    if (!prev) {
      start(piece, []);
      continue;
    }
    // The first rows of a table joining a chunk bring its caption and header rows along.
    const startsTable = piece.kind === 'row' && piece.header && !(prev.kind === 'row' && prev.block === piece.block);
    const candidate = `${text}${joiner(prev, piece)}${startsTable ? `${piece.header}\n` : ''}${piece.text}`;
    if (!piece.indivisible && !oversized && estimateTokens(candidate) <= budget) {
      text = candidate;
      own.push(piece);
    } else {
      const previous = own;
      close();
      start(piece, previous);
    }
  }
  close();
  return out;
}

/** Splits a parsed page into retrieval chunks (see Chunk). */
export function chunkPage(page: PageForChunking, options: ChunkOptions = {}): Chunk[] {
  const maxTokens = Math.max(16, Math.floor(options.maxTokens ?? 300));
  const overlapTokens = Math.max(0, Math.min(Math.floor(options.overlapTokens ?? 40), Math.floor(maxTokens / 2)));
  const chunks: Chunk[] = [];
  sectionsOf(page.blocks).forEach((section, sectionIndex) => {
    const rawPrefix = section.headingPath.length > 0 ? section.headingPath.join(' › ') : (page.title ?? '');
    const prefix = rawPrefix ? clampPrefix(rawPrefix, maxTokens) : '';
    const budget = maxTokens - (prefix ? estimateTokens(`${prefix}: `) : 0);
    const pieces = section.blocks.flatMap((b, i) => piecesOf(b, i, budget, page.language));
    for (const { body, oversized, prose } of packSection(pieces, budget, overlapTokens, page.language)) {
      const text = prefix ? `${prefix}:${prose ? ' ' : '\n'}${body}` : body;
      chunks.push({
        index: chunks.length,
        text,
        body,
        headingPath: section.headingPath,
        anchor: section.anchor,
        deepLink: section.anchor ? `${page.url}#${encodeURIComponent(section.anchor)}` : page.url,
        tokenEstimate: estimateTokens(text),
        url: page.url,
        section: sectionIndex,
        oversized,
      });
    }
  });
  return chunks;
}
