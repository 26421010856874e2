// Scores the answers of an eval run from its per-answer lines (also of a run cut short):
//   npx vite-node bench/quality/report.ts bench/results/quality-<model>.jsonl [label]
import { readFileSync } from 'node:fs';
import { score, table, type EvalAnswer } from './score.js';

const [file, label] = process.argv.slice(2);
if (!file) throw new Error('usage: report.ts <answers.jsonl> [label]');
const answers = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as EvalAnswer);
const result = score(answers);
console.log(table(result, label ?? file));
console.log('\nFailures:');
for (const f of result.failures) console.log(`- ${f.id}: ${f.why} — ${f.text.replace(/\s+/g, ' ')}`);
