import { looksLikeInjection } from './injection.js';
import { splitSentences } from './sentences.js';
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

/** How many of retrieval's best passages always give their best sentence to the context (see selectContext). */
const LEADING_PASSAGES = 2;

/** Scores sentences against the question (the knowledge subgraph's sentence model, see RetrievalClient.rankSentences). */
export type SentenceRanker = (query: string, sentences: string[]) => Promise<number[]>;

export interface SelectionOptions {
  /** Passages less relevant than this are left out. */
  minRelevance: number;
  /** At most this many documents. */
  maxDocuments: number;
  /** Characters of document text in all (about four per token): the prompt's length is the time to the first word on a CPU. */
  charBudget: number;
  /** A sentence scoring this much below the best one is left out. */
  sentenceMargin: number;
}

export interface SelectedContext {
  documents: ContextDocument[];
  /** Passages left out because they hold instructions to the assistant (see looksLikeInjection). */
  withheld: RetrievedHit[];
  /** Their text, which the answer must never repeat. */
  withheldTexts: string[];
  /** How the sentences were scored: by the sentence model, or by retrieval order when it failed. */
  ranking: 'sentences' | 'order';
}

/**
 * The context of an answer, small enough for a small model on a CPU: the best passages (by
 * retrieval), and inside them only the sentences that matter to the question (by the sentence
 * model, each scored with its page title and heading for context), in page order, numbered as the
 * answer cites them. A passage that holds instructions to the assistant is left out whole, with
 * any "facts" it plants. The best sentence is always kept; others while they score within
 * `sentenceMargin` of it and fit the budget.
 */
export async function selectContext(
  hits: readonly RetrievedHit[],
  question: string,
  rank: SentenceRanker,
  options: SelectionOptions,
): Promise<SelectedContext> {
  const withheld: RetrievedHit[] = [];
  const withheldTexts: string[] = [];
  const candidates: { hit: RetrievedHit; sentences: string[] }[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    if (candidates.length >= options.maxDocuments + 4) break;
    if (hit.relevance < options.minRelevance) continue;
    const key = hit.text.trim().replace(/\s+/g, ' ');
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const sentences = splitSentences(withoutHeadingPrefix(hit));
    if (sentences.some(looksLikeInjection) || looksLikeInjection(hit.text)) {
      withheld.push(hit);
      withheldTexts.push(...sentences);
      continue;
    }
    // A lone heading or table label ("Settings") says nothing on its own.
    const useful = sentences.filter((s) => s.split(' ').length >= 3 || /\d/.test(s));
    if (useful.length > 0) candidates.push({ hit, sentences: useful });
  }
  const flat = candidates.flatMap((c, doc) => c.sentences.map((text, position) => ({ doc, position, text })));
  let ranking: SelectedContext['ranking'] = 'sentences';
  let scores: number[];
  try {
    scores = await rank(
      question,
      flat.map((s) => `${contextLabel(candidates[s.doc]!.hit)}: ${s.text}`.slice(0, 1000)),
    );
  } catch {
    ranking = 'order';
    scores = flat.map((s) => candidates[s.doc]!.hit.relevance - s.doc * 0.05 - s.position * 0.01);
  }
  // A sentence's score blends its own similarity with its passage's (retrieval saw the whole passage in context) and
  // the question's words it contains (names, numbers, "Fedora"). The best sentence of each of retrieval's
  // LEADING_PASSAGES best passages comes first whatever the sentence model thinks of it: retrieval ranks whole
  // passages well (the right page is its first or second hit for most questions) and the sentence model alone
  // misjudges short labelled facts — a price table row for "is the Business plan free?".
  const words = contentWords(question);
  const blended = flat.map((s, i) => {
    const hit = candidates[s.doc]!.hit;
    const lower = s.text.toLowerCase();
    const matches = words.filter((w) => lower.includes(w)).length;
    return { ...s, score: 0.6 * (scores[i] ?? 0) + 0.4 * hit.relevance + 0.04 * Math.min(matches, 3) };
  });
  const leaders = [...Array(Math.min(LEADING_PASSAGES, candidates.length)).keys()]
    .map((doc) => blended.filter((s) => s.doc === doc).sort((a, b) => b.score - a.score)[0])
    .filter((s) => s !== undefined);
  const order = [...leaders, ...blended.filter((s) => !leaders.includes(s)).sort((a, b) => b.score - a.score)];
  const best = Math.max(...blended.map((s) => s.score), 0);
  const chosen = new Map<number, Set<number>>();
  let used = 0;
  for (const s of order) {
    const isFirst = used === 0;
    const isLeader = leaders.includes(s);
    if (!isLeader && s.score < best - options.sentenceMargin) break;
    if (!isFirst && used + s.text.length > options.charBudget) continue;
    if (!chosen.has(s.doc) && chosen.size >= options.maxDocuments) continue;
    const text = isFirst && s.text.length > options.charBudget ? shorten(s.text, options.charBudget) : s.text;
    const set = chosen.get(s.doc) ?? new Set<number>();
    set.add(s.position);
    chosen.set(s.doc, set);
    used += text.length + 1;
  }
  const documents: ContextDocument[] = [];
  candidates.forEach((c, doc) => {
    const positions = chosen.get(doc);
    if (!positions) return;
    const text = [...positions]
      .sort((a, b) => a - b)
      .map((p) => c.sentences[p]!)
      .join(' ');
    documents.push({ index: documents.length + 1, hit: c.hit, text: shorten(text, Math.max(options.charBudget, 200)) });
  });
  return { documents, withheld, withheldTexts, ranking };
}

const STOPWORDS = new Set(
  'the and for are but not you your with can how what when where which who why does did have has had this that from into out our about any all get got use using there their them they its was were will would should could may might much many more most some such than then too very just also only own same each other like want need make does doing done able of to in on at by an or is it be as if so do we my me i a'.split(
    ' ',
  ),
);

/** The words of a question worth finding in a sentence: no stop words, at least three letters (or a number). */
function contentWords(question: string): string[] {
  return [...new Set(question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}._-]*/gu) ?? [])].filter((w) => (w.length >= 3 || /\d/.test(w)) && !STOPWORDS.has(w));
}

/** The passage text without the heading path the chunker puts in front of it ("Page › Section: …"): the label says it once. */
function withoutHeadingPrefix(hit: RetrievedHit): string {
  const text = hit.text.trim();
  const prefix = hit.headingPath?.trim();
  if (prefix && text.startsWith(prefix)) return text.slice(prefix.length).replace(/^\s*[:\-–—]\s*/, '');
  return text;
}

/** A passage's page title and heading, for scoring and showing its sentences in context. */
export function contextLabel(hit: RetrievedHit): string {
  const heading = hit.headingPath?.split(/[›>]/).pop()?.trim();
  const title = hit.title?.trim();
  if (title && heading && !title.toLowerCase().includes(heading.toLowerCase())) return `${title} – ${heading}`;
  return title ?? heading ?? '';
}
