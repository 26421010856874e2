// The answer-quality eval (`npm run eval`): the fixture help centre crawled through the public API,
// every question of bench/quality/questions.ts asked as a customer over graphql-ws, and the table
// of docs/quality.md printed and written to bench/results/quality-<model>.md (not committed).
//
//   npm run eval                                   # the default model, every question
//   EVAL_MODEL_PROFILE=fast npm run eval           # or tiny; EVAL_LIMIT=20 for the first 20 questions
//   EVAL_CHAT_ENV='{"CHAT_RELEVANCE_FLOOR":"0.25"}' npm run eval   # another chat configuration
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { askAll, score, startEvalEnvironment, table } from './quality/eval.js';
import { EVAL_QUESTIONS } from './quality/questions.js';

it('answer quality over the fixture help centre', { timeout: 6 * 3600_000 }, async () => {
  const profile = process.env.EVAL_MODEL_PROFILE ?? 'default';
  const limit = Number(process.env.EVAL_LIMIT ?? EVAL_QUESTIONS.length);
  const chatEnv = JSON.parse(process.env.EVAL_CHAT_ENV ?? '{}') as Record<string, string>;
  // Conversations (a question and its follow-ups) in a fixed interleaved order, so the first N of them (EVAL_LIMIT, or a
  // run cut short) mix every topic, the unanswerable questions and the follow-ups.
  const units: (typeof EVAL_QUESTIONS)[number][][] = [];
  for (const q of EVAL_QUESTIONS) (q.followUp && units.length > 0 ? units[units.length - 1]! : units[units.push([]) - 1]!).push(q);
  const order = units.map((_, i) => i).sort((a, b) => ((a * 37) % units.length) - ((b * 37) % units.length));
  // EVAL_OFFSET skips the first conversations (to continue a run cut short; its answers go to a file of their own).
  const offset = Number(process.env.EVAL_OFFSET ?? 0);
  const questions: (typeof EVAL_QUESTIONS)[number][] = [];
  for (const i of order.slice(offset)) if (questions.length < limit) questions.push(...units[i]!);
  const env = await startEvalEnvironment(
    { LLM_MODEL_PROFILE: profile, ...(process.env.EVAL_LLM_THREADS ? { LLM_THREADS: process.env.EVAL_LLM_THREADS } : {}) },
    { LOG_LEVEL: 'debug', ...chatEnv },
  );
  mkdirSync('bench/results', { recursive: true });
  // One line per answer as it comes, so a run cut short can still be scored (bench/quality/report.ts).
  const partial = `bench/results/quality-${env.llmModel}${offset ? `-from-${offset}` : ''}.jsonl`;
  writeFileSync(partial, '');
  try {
    const answers = await askAll(env, questions, (a) => {
      appendFileSync(partial, `${JSON.stringify(a)}\n`);
      console.log(
        `${a.q.id}\t${a.declined ? 'DECLINED' : 'answered'}\t${a.firstWordMs?.toFixed(0) ?? '-'} ms\t${a.completeMs.toFixed(0)} ms\t${a.citedPages.join(',')}\t${a.text.replace(/\s+/g, ' ').slice(0, 160)}`,
      );
    });
    const result = score(answers);
    const label = `${env.llmModel}${Object.keys(chatEnv).length ? `, ${JSON.stringify(chatEnv)}` : ''}`;
    const report = [
      table(result, label),
      '',
      'Failures:',
      ...result.failures.map((f) => `- ${f.id}: ${f.why} — ${f.text.replace(/\s+/g, ' ')}`),
      '',
      'Per question (id, declined, confidence, first word ms):',
      ...answers.map((a) => `- ${a.q.id}: ${a.declined ? 'declined' : 'answered'} ${a.confidence ?? '-'} ${a.firstWordMs?.toFixed(0) ?? '-'}`),
    ].join('\n');
    writeFileSync(`bench/results/quality-${env.llmModel}.md`, `${report}\n`);
    writeFileSync(`bench/results/quality-${env.llmModel}.json`, JSON.stringify(answers, null, 1));
    console.log(report);
  } finally {
    await env.stop();
  }
});
