// Time to first token of a customer's answer through the public path (sendMessage on the gateway →
// chat → knowledge retrieval → the LLM server → the answer's first text event on messageStream over
// graphql-ws) against a direct streaming call to the LLM server with the very same prompt, in one run:
// the ratio and the absolute overhead in ms.
//
//   npx tsc -b && SCS_TEST_PORT_BASE=4700 npx vitest run --config bench/vitest.config.ts chat-ttft
//
// Writes bench/results/chat-ttft.md (not committed) and prints it.
import { mkdirSync, writeFileSync } from 'node:fs';
import OpenAI from 'openai';
import { expect, it } from 'vitest';
import {
  addAndCrawlSource,
  addMember,
  collect,
  GENEROUS_RATE_LIMITS,
  graphqlRequest,
  registerAdmin,
  startEmbeddingWorker,
  startIngestionWorker,
  startLlmServer,
  startSystem,
  TEST_PORTS,
  wsClient,
} from '@scs/test-support';
import { startFixtureSite } from '../workflows/test/fixture-site/site.js';
import { EVALUATION_QUESTIONS } from '../workflows/test/fixture-site/questions.js';

const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

it('chat: time to first token through gateway and subscription vs the LLM server directly', async () => {
  const site = await startFixtureSite();
  const llm = await startLlmServer();
  const env = {
    ...GENEROUS_RATE_LIMITS,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    LOG_LEVEL: 'debug',
    KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
    OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
    CHAT_MAX_ANSWER_TOKENS: '64',
  };
  const system = await startSystem(1, { ...env, CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port });
  const gateway = system.gateways[0]!;
  const workers = [await startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port }), await startEmbeddingWorker()];
  const openai = new OpenAI({ baseURL: `${llm.baseUrl}/v1`, apiKey: 'unused' });
  try {
    const admin = await registerAdmin(gateway, 'Ttft');
    await addAndCrawlSource(gateway, admin, { startUrl: `${site.baseUrl}/`, maxPages: 120 });
    const customer = await addMember(gateway, system.subgraphs.users, admin, 'CUSTOMER');
    const client = wsClient(gateway.baseUrl, { authorization: `Bearer ${customer.accessToken}` });

    const viaGateway: number[] = [];
    const direct: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { question }] of EVALUATION_QUESTIONS.slice(0, 6).entries()) {
        // A different wording each round, so no answer comes from the cache.
        const text = `${question}${' Thanks!'.repeat(round)}`;
        const started = performance.now();
        const { body } = await graphqlRequest(
          gateway.baseUrl,
          'mutation($i: SendMessageInput!) { sendMessage(input: $i) { conversation { id } assistantMessage { id } } }',
          { i: { text } },
          customer.headers,
        );
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        const { conversation, assistantMessage } = body.data!.sendMessage;
        const events = collect(client, 'subscription($c: ID!) { messageStream(conversationId: $c, afterSeq: 0) { kind messageId text status } }', {
          c: conversation.id,
        });
        let first: number | undefined;
        for (;;) {
          const event = (await events.next(120_000)).data!.messageStream;
          if (first === undefined && event.kind === 'DELTA' && event.messageId === assistantMessage.id && event.text) first = performance.now() - started;
          if (event.kind === 'STATUS' && event.messageId === assistantMessage.id && ['COMPLETE', 'STOPPED', 'FAILED'].includes(event.status)) break;
        }
        events.unsubscribe();
        if (first === undefined) continue; // answered without text deltas (don't-know): nothing to compare
        viaGateway.push(first);

        // The same prompt, straight to the LLM server.
        const logged = system.subgraphs.chat.logLines().filter((l) => l.msg === 'answer prompt built' && l.messageId === assistantMessage.id)[0];
        expect(logged, `prompt of question ${i}`).toBeDefined();
        const t0 = performance.now();
        const stream = await openai.chat.completions.create({
          model: (await openai.models.list()).data[0]!.id,
          messages: logged!.prompt as never,
          stream: true,
          max_tokens: 64,
          temperature: 0.2,
        });
        let directFirst: number | undefined;
        for await (const chunk of stream) {
          if (directFirst === undefined && chunk.choices[0]?.delta?.content) directFirst = performance.now() - t0;
        }
        direct.push(directFirst ?? Number.NaN);
      }
    }
    await client.dispose();
    const g = median(viaGateway);
    const d = median(direct.filter((x) => !Number.isNaN(x)));
    const report = [
      `Answers measured: ${viaGateway.length} (6 questions × ${ROUNDS} rounds, whole fixture site indexed, 64 answer tokens at most).`,
      '',
      '| path | median time to first token |',
      '| --- | ---: |',
      `| customer: sendMessage → first answer text on messageStream (gateway, chat, retrieval, LLM) | ${g.toFixed(0)} ms |`,
      `| the same prompt, streamed from the LLM server directly | ${d.toFixed(0)} ms |`,
      '',
      `Ratio ${(g / d).toFixed(2)}×; overhead ${(g - d).toFixed(0)} ms (median of the differences per answer: ${median(viaGateway.map((v, i) => v - direct[i]!).filter((x) => !Number.isNaN(x))).toFixed(0)} ms).`,
    ].join('\n');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/chat-ttft.md', `${report}\n`);
    console.log(report);
  } finally {
    for (const worker of workers) await worker.stop();
    await system.stop();
    await llm.stop();
    await site.stop();
  }
});
