import type { StoredCitation } from '../entities/message.entity.js';
import type { ContextDocument } from './context-builder.js';

/** The document numbers an answer refers to with markers like `[1]`, `[2, 3]` or `[1][4]`, in order of first mention. */
export function citedIndexes(text: string, documentCount: number): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(/\[(\s*\d{1,3}\s*(?:[,;]\s*\d{1,3}\s*)*)\]/g)) {
    for (const part of match[1]!.split(/[,;]/)) {
      const index = Number(part.trim());
      if (Number.isInteger(index) && index >= 1 && index <= documentCount && !found.includes(index)) found.push(index);
    }
  }
  return found;
}

/** The quoted snippet of a passage: its highlight when retrieval gave one (without the highlight tags), else its opening sentences. */
export function snippetOf(document: ContextDocument, maxChars = 280): string {
  const highlight = document.hit.highlights.find((h) => h.trim().length > 0);
  const source = (highlight ?? document.hit.text)
    .replace(/<\/?(em|mark|b|strong)>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (source.length <= maxChars) return source;
  const cut = source.slice(0, maxChars);
  const sentence = cut.lastIndexOf('. ');
  return sentence > maxChars / 2 ? cut.slice(0, sentence + 1) : `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.:,/$€%-]*[\p{L}\p{N}%]|[\p{L}\p{N}]/gu;
const FILLER = new Set('the and for are but not you your with can has have this that from our its was were will would per any all get one two'.split(' '));

/** The words of a text that carry its facts: three letters or more (or any number), lower case, no filler. */
function factWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => (w.length >= 3 || /\d/.test(w)) && !FILLER.has(w)));
}

/** The share of the claim's fact words that the document holds. */
function support(claim: ReadonlySet<string>, document: ReadonlySet<string>): number {
  if (claim.size === 0) return 0;
  let found = 0;
  for (const word of claim) if (document.has(word)) found++;
  return found / claim.size;
}

/**
 * Which document each `[n]` of the answer really draws on. A small model sometimes numbers the
 * right fact with the wrong number ("… 08:00 to 18:00 CET [2]" where document 1 says so): when
 * the words before a marker are mostly absent from the document it names (under half) and nearly
 * all in another one (four in five), the marker stands for that one. Returns marker → document.
 */
export function groundedIndexes(text: string, documents: readonly ContextDocument[]): Map<number, number> {
  const words = new Map(documents.map((d) => [d.index, factWords(d.text)]));
  const mapping = new Map<number, number>();
  let claimStart = 0;
  for (const match of text.matchAll(/\[(\s*\d{1,3}\s*(?:[,;]\s*\d{1,3}\s*)*)\]/g)) {
    const claim = factWords(text.slice(claimStart, match.index).replace(/\[[^\]]*\]/g, ' '));
    if (text.slice(claimStart, match.index).trim().length > 0) claimStart = match.index + match[0].length;
    for (const index of citedIndexes(match[0], documents.length)) {
      if (mapping.has(index)) continue;
      const own = support(claim, words.get(index)!);
      let best = index;
      let bestSupport = own;
      for (const [other, otherWords] of words) {
        const value = support(claim, otherWords);
        if (value > bestSupport) [best, bestSupport] = [other, value];
      }
      mapping.set(index, own < 0.5 && bestSupport >= 0.8 ? best : index);
    }
  }
  return mapping;
}

function citationOf(document: ContextDocument, referenced: boolean, index = document.index): StoredCitation {
  const { hit } = document;
  return {
    index,
    sourceId: hit.sourceId,
    title: hit.title,
    pageUrl: hit.pageUrl,
    url: hit.url,
    anchor: hit.anchor,
    headingPath: hit.headingPath,
    snippet: snippetOf(document),
    relevance: Math.round(hit.relevance * 1000) / 1000,
    referenced,
  };
}

/**
 * The citations of an answer: every document its text refers to, numbered as in the text (each
 * marker standing for the document its words come from, see groundedIndexes). The
 * best-matching passage is always among the sources shown: a model that cited nothing (small
 * models often do not) gets the documents whose relevance is within `fallbackMargin` of the best
 * one (at most `fallbackCount`), and one that cited others gets the best one added; these are
 * marked `referenced: false`.
 */
export function resolveCitations(text: string, documents: readonly ContextDocument[], fallbackCount = 2, fallbackMargin = 0.1): StoredCitation[] {
  if (documents.length === 0) return [];
  const byIndex = new Map(documents.map((d) => [d.index, d]));
  const grounded = groundedIndexes(text, documents);
  const cited = citedIndexes(text, documents.length).map((i) => citationOf(byIndex.get(grounded.get(i) ?? i)!, true, i));
  const bestRelevance = Math.max(...documents.map((d) => d.hit.relevance));
  if (cited.length > 0) {
    const best = documents.find((d) => d.hit.relevance === bestRelevance)!;
    if (cited.some((c) => c.url === best.hit.url)) return cited;
    // its own number, unless a marker of that number stands for another document now
    const index = cited.some((c) => c.index === best.index) ? Math.max(...cited.map((c) => c.index)) + 1 : best.index;
    return [...cited, citationOf(best, false, index)];
  }
  return documents
    .filter((d) => d.hit.relevance >= bestRelevance - fallbackMargin)
    .slice(0, fallbackCount)
    .map((d) => citationOf(d, false));
}

/**
 * How sure the answer is, 0..1: the relevance of the best passage it cites (the best passage of
 * the context, discounted, when it cites none). Relevance is the retrieval's cosine similarity.
 */
export function confidenceOf(citations: readonly StoredCitation[], topRelevance: number): number {
  const referenced = citations.filter((c) => c.referenced);
  const value = referenced.length > 0 ? Math.max(...referenced.map((c) => c.relevance)) : topRelevance * 0.8;
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/**
 * Checks the model's citation markers against the documents it was given, as the text streams:
 * `[n]` markers naming a document that was not in the prompt are dropped (a marker naming several
 * keeps the valid ones), so an answer never cites a source that does not exist. Text that might
 * still become a marker (`[`, `[1`, `[1,`) is held back until the next piece decides.
 */
export class CitationFilter {
  private pending = '';
  /** Markers dropped because they named no document given. */
  dropped = 0;

  constructor(private readonly documentCount: number) {}

  push(chunk: string): string {
    this.pending += chunk;
    return this.drain(false);
  }

  flush(): string {
    return this.drain(true);
  }

  private drain(final: boolean): string {
    let out = '';
    for (;;) {
      const open = this.pending.indexOf('[');
      if (open < 0) {
        out += this.pending;
        this.pending = '';
        return out;
      }
      out += this.pending.slice(0, open);
      this.pending = this.pending.slice(open);
      const close = this.pending.indexOf(']');
      if (close < 0) {
        if (!final && this.pending.length < 16 && /^\[[\d\s,;]*$/.test(this.pending)) {
          // Hold the spaces before it too: a dropped marker takes them along.
          const spaces = /( +)$/.exec(out)?.[1] ?? '';
          this.pending = spaces + this.pending;
          return out.slice(0, out.length - spaces.length);
        }
        out += this.pending[0];
        this.pending = this.pending.slice(1);
        continue;
      }
      const inner = this.pending.slice(1, close);
      if (/^\s*\d{1,3}\s*(?:[,;]\s*\d{1,3}\s*)*$/.test(inner)) {
        const valid = [...new Set(inner.split(/[,;]/).map((x) => Number(x.trim())))].filter((n) => n >= 1 && n <= this.documentCount);
        if (valid.length > 0) out += `[${valid.join(', ')}]`;
        else {
          this.dropped++;
          out = out.replace(/ +$/, '');
        }
      } else {
        out += this.pending.slice(0, close + 1);
      }
      this.pending = this.pending.slice(close + 1);
    }
  }
}
