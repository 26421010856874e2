#!/usr/bin/env node
// Tokens per second of the local LLM server (infra/llm-server) over HTTP, as a client sees it:
// non-streaming and streaming, 1 and 2 concurrent clients; time to first token for streams.
// Starts its own server on a spare port with the default model (or measures LLM_SERVER_URL when set).
//
//   npx tsc -b && node bench/llm-server.bench.mjs [--rounds 3] [--max-tokens 128] [--clients 1,2] [--markdown]
//
// LLM_GPU, LLM_THREADS, LLM_PARALLEL, LLM_MODEL_PATH are passed to the server it starts, as the stack does.
// Every request is greedy (temperature 0) with the same support-style prompt; the base model rarely ends
// early, so each completion is close to --max-tokens (the table shows the actual mean).
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'max-tokens': { type: 'string', default: '128' },
    clients: { type: 'string', default: '1,2' },
    port: { type: 'string', default: '4499' },
    markdown: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const maxTokens = Number(values['max-tokens']);
const CLIENTS = values.clients.split(',').map(Number);

const messages = [
  { role: 'system', content: 'You are the support assistant of an online shop. Answer briefly and only from the context.' },
  {
    role: 'user',
    content:
      'Context: Orders above 50 euros ship for free within the European Union. Returns are free within 30 days; ' +
      'keep the original packaging until the return is complete. Refunds reach the original payment method within 5 business days.\n\n' +
      'Question: I returned a jacket last week. When do I get my money back, and do I pay for the return?',
  },
];

let server;
let baseUrl = process.env.LLM_SERVER_URL?.replace(/\/+$/, '');
const headers = {
  'content-type': 'application/json',
  ...(process.env.LLM_SERVER_API_KEY ? { authorization: `Bearer ${process.env.LLM_SERVER_API_KEY}` } : {}),
};

async function startServer() {
  const modelPath =
    process.env.LLM_MODEL_PATH ??
    execFileSync('bash', [`${ROOT}infra/models/provision-llm-model`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .pop();
  const parallel = String(Math.max(...CLIENTS));
  server = spawn(process.execPath, ['infra/llm-server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, LLM_MODEL_PATH: modelPath, LLM_SERVER_PORT: values.port, LLM_PARALLEL: process.env.LLM_PARALLEL ?? parallel, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  baseUrl = `http://127.0.0.1:${values.port}/v1`;
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`llm-server exited with ${server.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${values.port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('llm-server did not get ready');
}

async function models() {
  const res = await fetch(`${baseUrl}/models`, { headers });
  if (!res.ok) throw new Error(`GET /models: ${res.status}`);
  return (await res.json()).data[0].id;
}

/** One request; returns completion tokens, total ms, and for streams ms to the first content and between first and last. */
async function complete(model, stream) {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ model, messages, temperature: 0, max_tokens: maxTokens, stream, ...(stream ? { stream_options: { include_usage: true } } : {}) }),
  });
  if (!res.ok) throw new Error(`POST /chat/completions: ${res.status} ${await res.text()}`);
  if (!stream) {
    const body = await res.json();
    return { tokens: body.usage.completion_tokens, ms: performance.now() - t0 };
  }
  let first = null;
  let last = null;
  let tokens = 0;
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const bytes of res.body) {
    buffer += decoder.decode(bytes, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
      const chunk = JSON.parse(event.slice(6));
      if (chunk.usage) tokens = chunk.usage.completion_tokens;
      if (chunk.choices[0]?.delta?.content) {
        last = performance.now();
        first ??= last;
      }
    }
  }
  return { tokens, ms: performance.now() - t0, firstMs: first - t0, decodeMs: last - first };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const loadBefore = os.loadavg()[0];
try {
  if (!baseUrl) await startServer();
  const model = await models();
  await complete(model, false); // warm up
  const rows = [];
  for (const stream of [false, true]) {
    for (const clients of CLIENTS) {
      const perRound = [];
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        const results = await Promise.all(Array.from({ length: clients }, () => complete(model, stream)));
        const wall = performance.now() - t0;
        const tokens = results.reduce((s, x) => s + x.tokens, 0);
        perRound.push({
          aggregate: (tokens / wall) * 1000,
          perClient: median(results.map((x) => (x.tokens / x.ms) * 1000)),
          tokens: tokens / clients,
          firstMs: stream ? median(results.map((x) => x.firstMs)) : null,
          decode: stream ? median(results.map((x) => ((x.tokens - 1) / x.decodeMs) * 1000)) : null,
        });
      }
      rows.push({
        mode: stream ? 'streaming' : 'non-streaming',
        clients,
        aggregate: median(perRound.map((p) => p.aggregate)),
        perClient: median(perRound.map((p) => p.perClient)),
        tokens: median(perRound.map((p) => p.tokens)),
        firstMs: stream ? median(perRound.map((p) => p.firstMs)) : null,
        decode: stream ? median(perRound.map((p) => p.decode)) : null,
      });
    }
  }
  const ready = server ? await fetch(`http://127.0.0.1:${values.port}/readyz`).then((r) => r.json()) : null;
  const conditions = `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), model ${model}${ready ? `, gpu ${ready.engine.gpu}, ${ready.engine.threads} threads, ${ready.engine.parallel} sequences, context ${ready.engine.contextSize}` : ''}; max_tokens ${maxTokens}, temperature 0, median of ${rounds} rounds; 1-min load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after (other processes on the machine skew the numbers badly: llama.cpp's threads spin on every core)`;
  const fmt = (x, d = 1) => (x === null ? '–' : x.toFixed(d));
  if (values.markdown) {
    console.log(conditions + '\n');
    console.log('| mode | clients | tokens/s (all clients) | tokens/s per client | time to first token | decode tokens/s (stream) | completion tokens |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows)
      console.log(
        `| ${r.mode} | ${r.clients} | ${fmt(r.aggregate)} | ${fmt(r.perClient)} | ${r.firstMs === null ? '–' : `${fmt(r.firstMs, 0)} ms`} | ${fmt(r.decode)} | ${fmt(r.tokens, 0)} |`,
      );
  } else {
    console.log(conditions);
    console.table(
      rows.map((r) => ({
        ...r,
        aggregate: fmt(r.aggregate),
        perClient: fmt(r.perClient),
        firstMs: fmt(r.firstMs, 0),
        decode: fmt(r.decode),
        tokens: fmt(r.tokens, 0),
      })),
    );
  }
} finally {
  server?.kill('SIGTERM');
}
