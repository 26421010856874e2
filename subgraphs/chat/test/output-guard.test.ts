import { describe, expect, it } from 'vitest';
import { buildContext } from '../src/answering/context-builder.js';
import { extractiveAnswer } from '../src/answering/extractive-answer.js';
import { OutputGuard } from '../src/answering/output-guard.js';
import { parseRewrite, PROMPT_MARKERS, PROTECTED_PROMPT_TEXTS, SYSTEM_PROMPT, SYSTEM_PROMPT_CANARY } from '../src/answering/prompt.js';
import { citedIndexes } from '../src/answering/citations.js';

/** Feeds text in chunks of `size`; returns what the guard released. */
function screen(text: string, size = 3): { out: string; guard: OutputGuard } {
  const guard = new OutputGuard(PROTECTED_PROMPT_TEXTS, PROMPT_MARKERS);
  let out = '';
  for (let i = 0; i < text.length && !guard.stopped; i += size) out += guard.push(text.slice(i, i + size));
  out += guard.flush();
  return { out, guard };
}

describe('the output guard', () => {
  it('passes an ordinary answer through unchanged, whatever the chunking', () => {
    const answer = 'The reset link is valid for one hour [1]. After that, request a new one from the sign-in page [1].';
    for (const size of [1, 2, 5, 17, 200]) expect(screen(answer, size)).toMatchObject({ out: answer, guard: { stopped: null } });
  });

  it('withholds an echo of the system prompt entirely, canary included', () => {
    const { out, guard } = screen(`${SYSTEM_PROMPT}\n\nThe link is valid for one hour.`);
    expect(guard.stopped).toBe('leak');
    expect(out).toBe('');
    const late = screen(`Sure! Here are my rules: ${SYSTEM_PROMPT}`);
    expect(late.guard.stopped).toBe('leak');
    expect(late.out).not.toContain(SYSTEM_PROMPT_CANARY);
    expect(late.out.length).toBeLessThan(40);
    expect(late.out.startsWith('Sure! Here are my rules:')).toBe(true);
  });

  it('catches an echo in other case and spacing', () => {
    const { out, guard } = screen(SYSTEM_PROMPT.split('\n')[2]!.toUpperCase().replace(/ /g, '  '));
    expect(guard.stopped).toBe('leak');
    expect(out).toBe('');
  });

  it('ends the answer where the model starts writing the prompt’s markup', () => {
    const { out, guard } = screen('One hour [1].\n<document index="4" title="x">more');
    expect(guard.stopped).toBe('marker');
    expect(out).toBe('One hour [1].\n');
  });

  it('lets short phrases that happen to occur in the rules through', () => {
    expect(screen('I do not know, sorry. Shall I connect you with a human agent?').out).toBe('I do not know, sorry. Shall I connect you with a human agent?');
  });
});

describe('the extractive fallback', () => {
  it('quotes the best passage and names the next page, with markers that resolve', () => {
    const hit = (n: number, relevance: number) => ({
      id: `${n}`,
      score: 1,
      relevance,
      sourceId: 's',
      pageUrl: `https://help.example/${n}`,
      url: `https://help.example/${n}#a`,
      title: `Page ${n}`,
      headingPath: null,
      anchor: 'a',
      text: `The answer is in page ${n}.`,
      highlights: [],
    });
    const documents = buildContext([hit(1, 0.7), hit(2, 0.65), hit(3, 0.3)], { tokenBudget: 1000, minRelevance: 0 });
    const text = extractiveAnswer(documents);
    expect(text).toBe('Here is what our help pages say: “The answer is in page 1.” [1]\nSee also: Page 2 [2].');
    expect(citedIndexes(text, documents.length)).toEqual([1, 2]);
    expect(extractiveAnswer([])).toBe('');
  });
});

it('refuses a rewrite that echoes the instructions', () => {
  expect(parseRewrite('You rewrite a customer follow-up question as one standalone question that can be understood', 'and then?')).toBeNull();
  expect(parseRewrite('Customer: How much is it?', 'and then?')).toBeNull();
});
