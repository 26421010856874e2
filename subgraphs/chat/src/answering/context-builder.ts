import type { RetrievedHit } from './types.js';

/** A rough token count (about four characters per token for English text); errs on the safe side. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A passage chosen for the prompt, numbered as the answer will cite it. */
export interface ContextDocument {
  index: number;
  hit: RetrievedHit;
  /** The passage text, shortened when the budget ran out. */
  text: string;
}

export interface ContextOptions {
  /** Tokens the documents may take in all (their text and the wrapping around each). */
  tokenBudget: number;
  /** Passages less relevant than this are left out, so a small model is not distracted by them. */
  minRelevance: number;
  /** At most this many documents. */
  maxDocuments?: number;
}

/** Wrapping of one document (tag, index, title, URL) in tokens, on top of its text. */
const OVERHEAD_TOKENS = 40;

/**
 * Picks passages for the prompt in the order retrieval ranked them, numbering them from 1, until
 * the token budget is spent. The first passage is always taken (shortened to the budget if need
 * be), so a relevant answer never lacks its best source; later ones only if they fit or can be
 * shortened to at least a useful part of their text. Passages whose text is already in the
 * context (the same chunk indexed twice) are skipped.
 */
export function buildContext(hits: readonly RetrievedHit[], options: ContextOptions): ContextDocument[] {
  const documents: ContextDocument[] = [];
  const seen = new Set<string>();
  let remaining = options.tokenBudget;
  for (const hit of hits) {
    if (documents.length >= (options.maxDocuments ?? 8)) break;
    if (hit.relevance < options.minRelevance) continue;
    const key = hit.text.trim().replace(/\s+/g, ' ');
    if (key.length === 0 || seen.has(key)) continue;
    const available = remaining - OVERHEAD_TOKENS;
    if (available <= 0) break;
    let text = hit.text.trim();
    if (estimateTokens(text) > available) {
      // Shorten at a sentence or word boundary; skip a later passage that would keep too little.
      if (documents.length > 0 && available < 60) break;
      text = shorten(text, available * 4);
    }
    seen.add(key);
    documents.push({ index: documents.length + 1, hit, text });
    remaining -= estimateTokens(text) + OVERHEAD_TOKENS;
  }
  return documents;
}

function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  if (sentence > maxChars * 0.5) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.5 ? cut.slice(0, space) : cut} …`;
}
