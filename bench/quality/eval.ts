// The answer-quality eval: the fixture help centre crawled through the public API, every question
// asked by a customer with sendMessage and read back from messageStream over graphql-ws, exactly
// as the web app does, then scored. Used by `npm run eval` (bench/quality.bench.test.ts, all
// questions, any model) and by CI's smoke (e2e/test/answer-quality.e2e.test.ts).
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
  type ServiceProcess,
  type Session,
} from '@scs/test-support';
import { startFixtureSite, type FixtureSite } from '../../workflows/test/fixture-site/site.js';
import type { EvalQuestion } from './questions.js';
import type { EvalAnswer } from './score.js';

export * from './score.js';

export interface EvalEnvironment {
  gateway: ServiceProcess;
  chat: ServiceProcess;
  customer: Session;
  admin: Session;
  site: FixtureSite;
  llmModel: string;
  stop: () => Promise<void>;
}

/** Copies that must count as the page itself (canonical and byte-identical duplicates). */
const SAME_PAGE: Record<string, string> = { '/guides/install': '/docs/getting-started/installation', '/support/billing-questions': '/billing/faq' };
const pathOf = (url: string): string => {
  const path = new URL(url).pathname;
  return SAME_PAGE[path] ?? path;
};

/** The fixture site crawled (JavaScript pages rendered) into a new organization, the LLM server with `llmEnv`, and a customer. */
export async function startEvalEnvironment(llmEnv: Record<string, string> = {}, chatEnv: Record<string, string> = {}): Promise<EvalEnvironment> {
  const site = await startFixtureSite();
  let llm: ServiceProcess;
  try {
    llm = await startLlmServer(llmEnv);
  } catch (error) {
    await site.stop();
    throw error;
  }
  const models = (await (await fetch(`${llm.baseUrl}/v1/models`)).json()) as { data: { id: string }[] };
  const env = {
    ...GENEROUS_RATE_LIMITS,
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
    OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
    CHAT_ANSWER_CACHE_TTL_SECONDS: '0',
    // knowledge checks a source's start URL with the crawler's own policy when it is added
    CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port,
    ...chatEnv,
  };
  let started: Awaited<ReturnType<typeof startSystem>> | undefined;
  const workers: ServiceProcess[] = [];
  try {
    started = await startSystem(1, env);
    workers.push(await startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port }), await startEmbeddingWorker());
  } catch (error) {
    for (const worker of workers) await worker.stop();
    await started?.stop();
    await llm.stop();
    await site.stop();
    throw error;
  }
  const system = started;
  const gateway = system.gateways[0]!;
  const stop = async () => {
    if (process.env.EVAL_LOG_DIR) {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(process.env.EVAL_LOG_DIR, { recursive: true });
      writeFileSync(`${process.env.EVAL_LOG_DIR}/chat.log`, system.subgraphs.chat.output());
      writeFileSync(`${process.env.EVAL_LOG_DIR}/knowledge.log`, system.subgraphs.knowledge.output());
      writeFileSync(`${process.env.EVAL_LOG_DIR}/llm.log`, llm.output());
    }
    for (const worker of workers) await worker.stop();
    await system.stop();
    await llm.stop();
    await site.stop();
  };
  try {
    const admin = await registerAdmin(gateway, 'Quality Eval');
    await addAndCrawlSource(gateway, admin, { startUrl: `${site.baseUrl}/`, maxPages: 150, jsRendering: 'AUTO' }, 600_000);
    // The asker is a customer; should the invitation mail not show up in the users log (a busy machine), the admin asks.
    const customer = await addMember(gateway, system.subgraphs.users, admin, 'CUSTOMER').catch((error: unknown) => {
      console.warn(`no customer (${(error as Error).message}); the admin asks instead`);
      return admin;
    });
    return { gateway, chat: system.subgraphs.chat, customer, admin, site, llmModel: models.data[0]?.id ?? '?', stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { conversation { id lastSeq } assistantMessage { id } } }`;
const STREAM = `subscription($c: ID!, $after: Int) { messageStream(conversationId: $c, afterSeq: $after) {
  seq kind messageId text status confidence handoffSuggested fallback citations { pageUrl referenced } } }`;

/** Asks every question (a follow-up in the conversation of the question before it), one at a time. */
export async function askAll(env: EvalEnvironment, questions: readonly EvalQuestion[], onAnswer?: (a: EvalAnswer) => void): Promise<EvalAnswer[]> {
  const client = wsClient(env.gateway.baseUrl, { authorization: `Bearer ${env.customer.accessToken}` });
  const answers: EvalAnswer[] = [];
  let conversationId: string | null = null;
  try {
    for (const q of questions) {
      if (!q.followUp) conversationId = null;
      const started = performance.now();
      const { body } = await graphqlRequest(
        env.gateway.baseUrl,
        SEND,
        { i: { text: q.question, ...(conversationId ? { conversationId } : {}) } },
        env.customer.headers,
      );
      if (body.errors) throw new Error(`sendMessage failed for ${q.id}: ${JSON.stringify(body.errors)}`);
      const sent = body.data!.sendMessage;
      conversationId = sent.conversation.id as string;
      const messageId = sent.assistantMessage.id as string;
      const events = collect(client, STREAM, { c: conversationId, after: Math.max(0, (sent.conversation.lastSeq as number) - 2) });
      let text = '';
      let deltas = 0;
      let firstWordMs: number | null = null;
      let cited: string[] = [];
      let final: Record<string, any> | null = null;
      while (!final) {
        const event = (await events.next(600_000)).data!.messageStream as Record<string, any>;
        if (event.messageId !== messageId) continue;
        if (event.kind === 'DELTA' && event.text) {
          firstWordMs ??= performance.now() - started;
          deltas++;
          text += event.text;
        }
        if (event.kind === 'CITATIONS')
          cited = (event.citations as { pageUrl: string; referenced: boolean }[]).filter((c) => c.referenced).map((c) => pathOf(c.pageUrl));
        if (event.kind === 'STATUS' && ['COMPLETE', 'STOPPED', 'FAILED'].includes(event.status)) {
          final = event;
          // The answer was withdrawn after its check: the customer sees this text instead.
          if (typeof event.text === 'string') text = event.text;
        }
      }
      const completeMs = performance.now() - started;
      events.unsubscribe();
      const stored = await graphqlRequest(
        env.gateway.baseUrl,
        'query($c: ID!) { conversation(id: $c) { messages { id standaloneQuestion } } }',
        { c: conversationId },
        env.customer.headers,
      );
      const standalone =
        (stored.body.data?.conversation?.messages as { id: string; standaloneQuestion: string | null }[] | undefined)?.find((m) => m.id === messageId)
          ?.standaloneQuestion ?? null;
      const search = await graphqlRequest(
        env.gateway.baseUrl,
        'query($i: SearchInput!) { search(input: $i) { hits { pageUrl } } }',
        { i: { query: standalone ?? q.question, limit: 5 } },
        env.admin.headers,
      );
      const searchPages = ((search.body.data?.search?.hits ?? []) as { pageUrl: string }[]).map((h) => pathOf(h.pageUrl));
      const answer: EvalAnswer = {
        q,
        text,
        declined: final.handoffSuggested === true,
        fallback: final.fallback ?? null,
        confidence: final.confidence ?? null,
        citedPages: [...new Set(cited)],
        deltas,
        firstWordMs,
        completeMs,
        status: final.status,
        standaloneQuestion: standalone,
        searchPages,
      };
      answers.push(answer);
      onAnswer?.(answer);
    }
  } finally {
    await client.dispose();
  }
  return answers;
}
