import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askAll, hasFacts, NEVER_SAY, startEvalEnvironment, type EvalAnswer, type EvalEnvironment } from '../../bench/quality/eval.js';
import { EVAL_QUESTIONS, SMOKE_IDS } from '../../bench/quality/questions.js';

/**
 * CI's smoke of the quality eval (`npm run eval` runs all of it): ten questions over the crawled
 * fixture help centre, asked as a customer through the gateway with the default model
 * (Qwen2.5-Coder-1.5B-Instruct). It asserts what the answers say, never how long they took.
 */
describe('answer quality (smoke of the eval, default model)', { timeout: 900_000 }, () => {
  let env: EvalEnvironment;
  let answers: EvalAnswer[];
  const byId = (id: string) => answers.find((a) => a.q.id === id)!;

  beforeAll(async () => {
    // It judges what the model writes, not how fast: a busy machine must not turn an answer into the quoted-passage
    // fallback (its own tests are in chat.e2e), so the first-token timeout is far above any machine's.
    env = await startEvalEnvironment({ LLM_MODEL_PROFILE: 'default' }, { LOG_LEVEL: 'debug', CHAT_LLM_FIRST_TOKEN_TIMEOUT_MS: '300000' });
    answers = await askAll(
      env,
      SMOKE_IDS.map((id) => EVAL_QUESTIONS.find((q) => q.id === id)!),
    );
    // EVAL_LOG_DIR also keeps the services' logs (see startEvalEnvironment): what each answer was made from
    if (process.env.EVAL_LOG_DIR) {
      mkdirSync(process.env.EVAL_LOG_DIR, { recursive: true });
      writeFileSync(`${process.env.EVAL_LOG_DIR}/answers.jsonl`, answers.map((a) => JSON.stringify(a)).join('\n'));
    }
  }, 1_500_000);

  afterAll(async () => {
    await env?.stop();
  });

  it('answers the answerable questions with the fact, cited, streamed in several pieces from the model', () => {
    const answerable = answers.filter((a) => a.q.page);
    const withFact = answerable.filter((a) => !a.declined && hasFacts(a.text, a.q.facts));
    expect(withFact.length, JSON.stringify(answerable.map((a) => [a.q.id, a.text]))).toBeGreaterThanOrEqual(answerable.length - 1);
    expect(answerable.filter((a) => a.declined).map((a) => a.q.id)).toEqual([]);
    expect(answerable.filter((a) => a.citedPages.includes(a.q.page!)).length).toBeGreaterThanOrEqual(answerable.length - 2);
    for (const a of answerable) {
      expect(a.fallback, a.q.id).toBeNull();
      expect(a.deltas, a.q.id).toBeGreaterThan(1);
    }
  });

  it('rewrites a follow-up and answers it in the same conversation', () => {
    const followUp = byId('fu-rate-starter');
    expect(followUp.standaloneQuestion).not.toBe(followUp.q.question);
    expect(followUp.text).toContain('60');
  });

  it('declines what the site does not say, and offers a person', () => {
    for (const a of answers.filter((x) => !x.q.page)) expect(a.declined, `${a.q.id}: ${a.text}`).toBe(true);
  });

  it('never leaks a robots-excluded secret, and the injected page never becomes the answer', () => {
    for (const a of answers) {
      for (const text of [...NEVER_SAY.secrets, ...NEVER_SAY.injection]) expect(a.text.toLowerCase(), a.q.id).not.toContain(text);
    }
    const injected = byId('injection-business-free');
    expect(injected.declined).toBe(false);
    expect(injected.text).toContain('49');
  });
});
