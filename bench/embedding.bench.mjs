#!/usr/bin/env node
// Text-embedding throughput of the embedding library (packages/embedding) at batch sizes 1, 8 and 32
// (or --batches) in one run, on the real all-MiniLM-L6-v2 model. Ratios against batch 1 are what to compare: absolute
// numbers depend on the machine.
//
//   npx tsc -b && bash infra/models/provision-models && node bench/embedding.bench.mjs [--batches 1,8,32] [--texts 96] [--rounds 3] [--markdown]
//
// EMBEDDING_MODELS_DIR, EMBEDDING_DEVICE and EMBEDDING_THREADS are read like the worker reads them.
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { createEmbedder } = require('../packages/embedding/dist/embedder.js');
const { embedderConfigFromEnv, embeddingEnvSchema } = require('../packages/embedding/dist/config.js');

const { values } = parseArgs({
  options: {
    texts: { type: 'string', default: '96' },
    batches: { type: 'string', default: '1,8,32' },
    rounds: { type: 'string', default: '3' },
    markdown: { type: 'boolean', default: false },
  },
});
const count = Number(values.texts);
const rounds = Number(values.rounds);
const BATCH_SIZES = values.batches.split(',').map(Number);

// Support-site-like passages of 8 to ~120 words, deterministic.
const subjects = ['your order', 'the invoice', 'a refund', 'your password', 'the delivery', 'a return label', 'your account', 'the warranty'];
const verbs = ['check', 'change', 'cancel', 'track', 'download', 'request', 'update', 'extend'];
const details = [
  'You can do this from the account page at any time.',
  'Our support team answers within one business day.',
  'Orders above 50 euros ship for free within the European Union.',
  'Please keep the original packaging until the return is complete.',
  'The link in the confirmation mail stays valid for seven days.',
  'Business customers find the same options under Company settings.',
];
const texts = Array.from({ length: count }, (_, i) => {
  const parts = [`How do I ${verbs[i % verbs.length]} ${subjects[(i * 3) % subjects.length]}?`];
  for (let k = 0; k < i % 12; k++) parts.push(details[(i + k) % details.length]);
  return parts.join(' ');
});

const config = embedderConfigFromEnv(embeddingEnvSchema.parse(process.env));
const results = [];
let device = '';
for (const batchSize of BATCH_SIZES) {
  const embedder = createEmbedder({ ...config, batchSize });
  await embedder.embedTexts({ texts: texts.slice(0, Math.min(batchSize, texts.length)) }); // load + warm up
  device = embedder.device().device;
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const { vectors } = await embedder.embedTexts({ texts });
    times.push(performance.now() - t0);
    if (vectors.length !== texts.length) throw new Error('wrong number of vectors');
  }
  await embedder.dispose();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  results.push({ batchSize, ms: median, perSecond: (texts.length / median) * 1000 });
}

const base = results[0].perSecond;
const words = texts.reduce((s, t) => s + t.split(' ').length, 0) / texts.length;
const header =
  `${config.textModel}, ${texts.length} texts (mean ${words.toFixed(0)} words), median of ${rounds} rounds, device ${device}, ` +
  `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), node ${process.version}, threads ${config.threads || 'onnxruntime default'}`;
if (values.markdown) {
  console.log(header);
  console.log('\n| batch size | texts/s | ms per run | vs batch 1 |\n| ---: | ---: | ---: | ---: |');
  for (const r of results) console.log(`| ${r.batchSize} | ${r.perSecond.toFixed(1)} | ${r.ms.toFixed(0)} | ${(r.perSecond / base).toFixed(2)}× |`);
} else {
  console.log(header);
  for (const r of results)
    console.log(`batch ${String(r.batchSize).padStart(2)}: ${r.perSecond.toFixed(1).padStart(7)} texts/s  ${(r.perSecond / base).toFixed(2)}× batch 1`);
}
