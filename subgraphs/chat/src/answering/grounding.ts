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

/**
 * Supported facts an answer needs beside a thing (noun) of the question that no document mentions:
 * one ("The first row is used for the column names" of "the first row is used as column headers").
 */
const FACTS_BESIDE_A_MISSING_THING = 1;

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
const PRONOUNS = ['anyone', 'anybody', 'everyone', 'everybody', 'someone', 'somebody', 'nobody', 'anything', 'everything', 'something', 'nothing'];
const ANSWER_WORDS = ['yes', 'no', 'not', 'you', 'your', 'yours', 'we', 'our', 'ours', 'us', 'they', 'them', 'there', 'here', 'please', 'also', 'only', 'just'];
const FILLER = new Set([...ENGLISH_STOPWORDS, ...QUESTION_WORDS, ...PRONOUNS, ...ANSWER_WORDS]);

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

/**
 * Everything the documents say, as stems: single words and neighbours joined ("any time" also
 * covers "anytime"); and apart, the initials of two to four neighbours ("single sign-on" covers
 * "SSO"), which only count for a term written as an acronym (common short words would match too).
 */
function vocabulary(documents: readonly ContextDocument[]): { known: Set<string>; initials: Set<string>; surface: Set<string> } {
  const known = new Set<string>();
  const initials = new Set<string>();
  const surface = new Set<string>();
  for (const document of documents) {
    const list = words([document.hit.title ?? '', document.hit.headingPath ?? '', document.text, document.hit.text].join(' \n '));
    list.forEach((word, i) => {
      surface.add(word);
      known.add(/\d/.test(word) ? word : stem(word));
      const next = list[i + 1];
      if (next !== undefined) known.add(stem(word + next));
      for (let n = 2; n <= 4 && i + n <= list.length; n++)
        initials.add(
          list
            .slice(i, i + n)
            .map((w) => w[0])
            .join(''),
        );
    });
  }
  return { known, initials, surface };
}

interface TaggedTerm {
  /** A noun that is no pronoun, nor a word that could be a verb. */
  thing: boolean;
  /** Written in capitals ("SSO", "API"). */
  acronym: boolean;
}

/**
 * True for a word compromise's lexicon knows as a verb on its own ("work", "support", "price"):
 * in a short question the tagger reads "Does SSO work with Okta?" as a noun phrase.
 */
function couldBeAVerb(word: string): boolean {
  const lone = nlp(word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''))
    .terms()
    .json() as { terms: { tags: string[] }[] }[];
  return lone[0]?.terms[0]?.tags.includes('Verb') ?? false;
}

/** A text's meaningful terms (stems), tagged by compromise. */
function taggedTerms(text: string): Map<string, TaggedTerm> {
  const tagged = new Map<string, TaggedTerm>();
  for (const { terms: parts } of nlp(text).terms().json() as { terms: { text: string; tags: string[] }[] }[]) {
    for (const part of parts) {
      const thing = part.tags.includes('Noun') && !part.tags.includes('Pronoun') && !couldBeAVerb(part.text);
      const acronym = /^[A-Z][A-Z0-9]+s?$/.test(part.text.replace(/[^\p{L}\p{N}]/gu, ''));
      for (const term of terms(part.text)) {
        const known = tagged.get(term);
        tagged.set(term, { thing: (known?.thing ?? false) || thing, acronym: (known?.acronym ?? false) || acronym });
      }
    }
  }
  // Words the tagger split differently still count (as no things).
  for (const term of terms(text)) if (!tagged.has(term)) tagged.set(term, { thing: false, acronym: false });
  return tagged;
}

/** Judges an answer against the question it answers and the documents it was given. */
export function judgeGrounding(question: string, answer: string, documents: readonly ContextDocument[]): GroundingVerdict {
  const { known, initials, surface } = vocabulary(documents);
  const asked = taggedTerms(question);
  const said = taggedTerms(answer.replace(/\[[^\]]*\]/g, ' '));
  // The start of a word the documents use counts too ("Mac" of "macOS", "SDK" of "SDKs").
  const startsAWord = (term: string) => [...surface].some((word) => word.length > term.length && word.startsWith(term));
  const covered = (term: string) => known.has(term) || (asked.get(term)?.acronym === true && initials.has(term)) || startsAWord(term);
  const unsupported = [...asked.keys()].filter((term) => said.has(term) && !covered(term));
  const supportedFacts = [...said.keys()].filter((term) => !asked.has(term) && known.has(term)).length;
  // A thing in the question and in the answer alike ("SSO work with" reads as a noun, "SSO works with" does not).
  const missingThing = unsupported.some((term) => asked.get(term)!.thing && said.get(term)!.thing);
  return { unsupported, supportedFacts, ungrounded: missingThing && supportedFacts < FACTS_BESIDE_A_MISSING_THING };
}
