import nlp from 'compromise';
import { eng as ENGLISH_STOPWORDS } from 'stopword';
import stem from 'wink-porter2-stemmer';
import type { ContextDocument } from './context-builder.js';

/**
 * A second answerability signal, after the model's own decline: an answer that repeats a term of
 * the question which none of its documents contains is the model talking about something the help
 * pages never mention ("No, the agent does not run on a Raspberry Pi" with no page about a
 * Raspberry Pi; "Yes, the Pro plan will get more expensive" with no page about prices going up),
 * unless it brings facts of the documents beside it ("No, express delivery is not free: it costs
 * $12" is an inference from the pages). Only a missing *thing* counts (a noun: "Raspberry Pi",
 * "iPhone app", "data protection officer"): a missing quality or action ("possible", "cheaper")
 * is as often a fair paraphrase of the pages ("Yes, cancelling is possible" of "you can cancel")
 * as a guess, and words alone cannot tell the two apart, so those answers stand.
 */
export interface GroundingVerdict {
  /** Question terms the answer repeats that no document contains (stems, in question order). */
  unsupported: string[];
  /** Terms of the answer, beyond the question's, that the documents contain. */
  supportedFacts: number;
  /** True when the answer should give way to a decline. */
  ungrounded: boolean;
}

/** Supported facts an answer needs beside a thing (noun) of the question that no document mentions. */
const FACTS_BESIDE_A_MISSING_THING = 2;

const QUESTION_WORDS = [
  'what',
  'when',
  'where',
  'which',
  'who',
  'whom',
  'whose',
  'why',
  'how',
  'does',
  'did',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
];
const ANSWER_WORDS = ['yes', 'no', 'not', 'you', 'your', 'yours', 'we', 'our', 'ours', 'us', 'they', 'them', 'there', 'here', 'please', 'also', 'only', 'just'];
const FILLER = new Set([...ENGLISH_STOPWORDS, ...QUESTION_WORDS, ...ANSWER_WORDS]);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Words of a text, lower case, possessives and contractions cut off. */
function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/['’].*$/, ''));
}

/** The stems of the words that carry meaning: no filler, three letters or more, or a number. */
function terms(text: string): string[] {
  return words(text)
    .filter((w) => !FILLER.has(w) && (w.length >= 3 || /\d/.test(w)))
    .map((w) => (/\d/.test(w) ? w : stem(w)));
}

/** Everything a document says, as stems: single words, and neighbours joined ("any time" also covers "anytime"). */
function vocabulary(documents: readonly ContextDocument[]): Set<string> {
  const known = new Set<string>();
  for (const document of documents) {
    const list = words([document.hit.title ?? '', document.hit.headingPath ?? '', document.text, document.hit.text].join(' \n '));
    list.forEach((word, i) => {
      known.add(/\d/.test(word) ? word : stem(word));
      const next = list[i + 1];
      if (next !== undefined) known.add(stem(word + next));
    });
  }
  return known;
}

/** The question's meaningful terms (stems) and whether each names a thing (a noun that is no pronoun). */
function questionTerms(question: string): Map<string, boolean> {
  const tagged = new Map<string, boolean>();
  for (const { terms: parts } of nlp(question).terms().json() as { terms: { text: string; tags: string[] }[] }[]) {
    for (const part of parts) {
      const thing = part.tags.includes('Noun') && !part.tags.includes('Pronoun');
      for (const term of terms(part.text)) tagged.set(term, (tagged.get(term) ?? false) || thing);
    }
  }
  // Words the tagger split differently still count (as non-nouns).
  for (const term of terms(question)) if (!tagged.has(term)) tagged.set(term, false);
  return tagged;
}

/** Judges an answer against the question it answers and the documents it was given. */
export function judgeGrounding(question: string, answer: string, documents: readonly ContextDocument[]): GroundingVerdict {
  const known = vocabulary(documents);
  const asked = questionTerms(question);
  const said = terms(answer.replace(/\[[^\]]*\]/g, ' '));
  const unsupported = [...asked.keys()].filter((term) => said.includes(term) && !known.has(term));
  const supportedFacts = new Set(said.filter((term) => !asked.has(term) && known.has(term))).size;
  const missingThing = unsupported.some((term) => asked.get(term));
  return { unsupported, supportedFacts, ungrounded: missingThing && supportedFacts < FACTS_BESIDE_A_MISSING_THING };
}
