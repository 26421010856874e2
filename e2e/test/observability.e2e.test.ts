import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  TEST_TASK_QUEUES,
  waitForChannelSubscribers,
  wsClient,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';
import { startFixtureSite, type FixtureSite } from '../../workflows/test/fixture-site/site.js';

/**
 * Observability on the real stack: every service's `/metrics` exposes the named series once the
 * thing they measure has happened, and one chat question is one trace across the gateway, chat,
 * knowledge and the LLM server, exported over OTLP/HTTP (JSON) to a receiver inside this test.
 */

// ---- a minimal OTLP/HTTP (JSON) trace receiver -------------------------------------------------

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type OtlpAttribute = { key: string; value: OtlpValue };
type OtlpExport = {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
};

const attributesOf = (list: OtlpAttribute[] | undefined) =>
  Object.fromEntries((list ?? []).map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue]));

async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; requests: () => number; stop: () => Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests++;
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !String(req.headers['content-type']).startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              attributes: attributesOf(span.attributes),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    requests: () => requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- Prometheus text format ---------------------------------------------------------------------

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(service: ServiceProcess): Promise<Sample[]> {
  const response = await fetch(`${service.baseUrl}/metrics`);
  expect(response.status, `${service.name} /metrics`).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return parseMetrics(await response.text());
}

/** The samples named `name` whose labels include `labels`. */
const matching = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const total = (samples: Sample[], name: string, labels: Record<string, string> = {}) => matching(samples, name, labels).reduce((sum, s) => sum + s.value, 0);

/** Polls until `check` passes (it throws otherwise) or the attempts run out; then throws its last error. */
async function eventually<T>(check: () => Promise<T>, attempts = 100, pauseMs = 200): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await check();
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
  throw last;
}

describe('observability: metrics on every service, one trace per question', { timeout: 300_000 }, () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let site: FixtureSite;
  let llm: ServiceProcess;
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;
  let ingestionWorker: ServiceProcess;
  let embeddingWorker: ServiceProcess;
  let admin: Session;
  let customer: Session;
  let sourceId: string;
  const clients: Client[] = [];

  const gql = (session: Session | undefined, query: string, variables?: Record<string, unknown>) =>
    graphqlRequest(gateway.baseUrl, query, variables, session?.headers ?? {});
  const services = () => ({
    gateway,
    users: system.subgraphs.users,
    knowledge: system.subgraphs.knowledge,
    chat: system.subgraphs.chat,
    analytics: system.subgraphs.analytics,
    'ingestion-worker': ingestionWorker,
    'embedding-worker': embeddingWorker,
    'llm-server': llm,
  });

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '200' };
    site = await startFixtureSite();
    llm = await startLlmServer(otel);
    system = await startSystem(1, {
      ...GENEROUS_RATE_LIMITS,
      CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port,
      ...otel,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      LOG_LEVEL: 'debug',
      KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
      OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
      CHAT_MAX_ANSWER_TOKENS: '40',
      CHAT_CONTEXT_TOKEN_BUDGET: '900',
    });
    gateway = system.gateways[0]!;
    ingestionWorker = await startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port, ...otel });
    embeddingWorker = await startEmbeddingWorker(otel);
    admin = await registerAdmin(gateway, 'Observability Admin');
    customer = await addMember(gateway, system.subgraphs.users, admin, 'CUSTOMER');
    // A small prefix of the fixture site: a handful of pages through both workers.
    sourceId = (await addAndCrawlSource(gateway, admin, { startUrl: `${site.baseUrl}/docs/accounts/`, scope: 'PATH_PREFIX' })).sourceId;
  }, 600_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await ingestionWorker?.stop();
    await embeddingWorker?.stop();
    await system?.stop();
    await llm?.stop();
    await site?.stop();
    await receiver?.stop();
  });

  it('every service serves /metrics with its service label and the Node.js defaults', async () => {
    for (const [name, service] of Object.entries(services())) {
      const samples = await scrape(service);
      expect(matching(samples, 'process_cpu_user_seconds_total', { service: name }), name).toHaveLength(1);
      expect(matching(samples, 'nodejs_eventloop_lag_seconds', { service: name }), name).toHaveLength(1);
      // Every series of the process carries the label.
      expect(
        samples.filter((s) => s.labels.service !== name),
        name,
      ).toEqual([]);
    }
  });

  it('GraphQL operation latency by operation name, on the gateway and on the subgraph that served it', async () => {
    const { body } = await gql(admin, 'query ObservabilityProbe { me { role permissions } }');
    expect(body.errors).toBeUndefined();
    const gatewaySamples = await scrape(gateway);
    expect(
      total(gatewaySamples, 'graphql_operation_duration_seconds_count', { operation: 'ObservabilityProbe', type: 'query', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(matching(gatewaySamples, 'graphql_operation_duration_seconds_bucket', { operation: 'ObservabilityProbe', le: '+Inf' })).toHaveLength(1);
    // The query planner names the subgraph's operation after the client's.
    const users = await scrape(system.subgraphs.users);
    const served = matching(users, 'graphql_operation_duration_seconds_count').filter((s) => s.labels.operation!.startsWith('ObservabilityProbe__users'));
    expect(served.reduce((sum, s) => sum + s.value, 0)).toBeGreaterThanOrEqual(1);
  });

  it('errors by extensions.code: refused inside GraphQL, and refused before it (a bad token)', async () => {
    const refused = await gql(undefined, 'query ObservabilityRefused { sources { id } }');
    const code = refused.body.errors?.[0]?.extensions?.code as string;
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code);
    expect(total(await scrape(gateway), 'graphql_errors_total', { operation: 'ObservabilityRefused', code })).toBeGreaterThanOrEqual(1);

    const before = total(await scrape(gateway), 'graphql_errors_total', { operation: 'ObservabilityBadToken', code: 'UNAUTHENTICATED' });
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: 'query ObservabilityBadToken { me { role } }', operationName: 'ObservabilityBadToken' }),
    });
    expect(response.status).toBe(401);
    expect(total(await scrape(gateway), 'graphql_errors_total', { operation: 'ObservabilityBadToken', code: 'UNAUTHENTICATED' })).toBe(before + 1);
  });

  it('counts active subscriptions by field while one runs, and drops it when it ends', async () => {
    const client = wsClient(gateway.baseUrl, { authorization: `Bearer ${admin.accessToken}` });
    clients.push(client);
    const events = collect(client, 'subscription($s: ID!) { crawlProgress(sourceId: $s) { status } }', { s: sourceId });
    await waitForChannelSubscribers(subscriptionTopic('crawlProgress', { sourceId }, admin.orgId), 1);
    const during = await scrape(gateway);
    expect(total(during, 'graphql_subscriptions_active', { field: 'crawlProgress' })).toBe(1);
    expect(total(during, 'graphql_subscriptions_started_total', { field: 'crawlProgress' })).toBeGreaterThanOrEqual(1);
    expect(total(during, 'graphql_ws_connections_active')).toBeGreaterThanOrEqual(1);
    events.unsubscribe();
    await eventually(async () => expect(total(await scrape(gateway), 'graphql_subscriptions_active', { field: 'crawlProgress' })).toBe(0));
  });

  it('Temporal activity durations on both workers, task-queue backlog, and embedding throughput after the crawl', async () => {
    const ingestion = await scrape(ingestionWorker);
    expect(total(ingestion, 'temporal_activity_duration_seconds_count', { task_queue: TEST_TASK_QUEUES.ingestion, outcome: 'completed' })).toBeGreaterThan(0);
    expect(matching(ingestion, 'temporal_activity_failures_total').every((s) => s.labels.activity_type && s.labels.error_type)).toBe(true);
    expect(matching(ingestion, 'temporal_task_queue_backlog', { task_queue: TEST_TASK_QUEUES.ingestion, task_type: 'workflow' })).toHaveLength(1);
    expect(matching(ingestion, 'temporal_task_queue_backlog', { task_queue: TEST_TASK_QUEUES.ingestion, task_type: 'activity' })).toHaveLength(1);

    const embedding = await scrape(embeddingWorker);
    expect(total(embedding, 'temporal_activity_duration_seconds_count', { task_queue: TEST_TASK_QUEUES.embedding, outcome: 'completed' })).toBeGreaterThan(0);
    expect(matching(embedding, 'temporal_task_queue_backlog', { task_queue: TEST_TASK_QUEUES.embedding, task_type: 'activity' })).toHaveLength(1);
    expect(total(embedding, 'embedding_inputs_total', { kind: 'text' })).toBeGreaterThan(0);
    expect(total(embedding, 'embedding_duration_seconds_count', { kind: 'text', outcome: 'ok' })).toBeGreaterThan(0);
  });

  it('OpenSearch query latency on the knowledge service after a search', async () => {
    const { body } = await gql(admin, 'query ObservabilitySearch($i: SearchInput!) { search(input: $i) { hits { url } } }', {
      i: { query: 'reset my password', limit: 3, includeImages: true },
    });
    expect(body.errors).toBeUndefined();
    const knowledge = await scrape(system.subgraphs.knowledge);
    expect(total(knowledge, 'opensearch_query_duration_seconds_count', { operation: 'search_chunks', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(total(knowledge, 'opensearch_query_duration_seconds_count', { operation: 'search_images', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('one question: LLM token metrics, and one trace spanning gateway, chat, knowledge and the LLM server', async () => {
    const sent = await gql(customer, 'mutation ObservabilityAsk($i: SendMessageInput!) { sendMessage(input: $i) { assistantMessage { id } } }', {
      i: { text: 'How long is the link to reset my password valid?' },
    });
    expect(sent.body.errors, JSON.stringify(sent.body.errors)).toBeUndefined();
    const messageId = sent.body.data!.sendMessage.assistantMessage.id as string;
    const final = await eventually(
      async () => {
        const { body } = await gql(customer, 'query($id: ID!) { chatMessage(id: $id) { status } }', { id: messageId });
        const status = body.data?.chatMessage?.status as string;
        expect(['COMPLETE', 'STOPPED', 'FAILED']).toContain(status);
        return status;
      },
      600,
      200,
    );
    expect(final).toBe('COMPLETE');
    // The answer came from the model (not the cache, not "I don't know"): retrieval found the page.
    const retrieved = system.subgraphs.chat.logLines().find((l) => l.messageId === messageId && l.msg === 'retrieved');
    expect((retrieved?.top as number) ?? 0, JSON.stringify(retrieved)).toBeGreaterThanOrEqual(0.35);

    const llmSamples = await scrape(llm);
    expect(total(llmSamples, 'llm_generated_tokens_total')).toBeGreaterThan(0);
    expect(total(llmSamples, 'llm_prompt_tokens_total')).toBeGreaterThan(0);
    expect(total(llmSamples, 'llm_tokens_per_second_count')).toBeGreaterThanOrEqual(1);
    expect(total(llmSamples, 'llm_requests_total')).toBeGreaterThanOrEqual(1);
    expect(matching(llmSamples, 'llm_slots_active')).toHaveLength(1);

    // The gateway's server span of the mutation names the trace; wait until every service exported its part.
    const trace = await eventually(
      async () => {
        const root = receiver.spans.find((s) => s.service === 'gateway' && s.attributes['graphql.operation.name'] === 'ObservabilityAsk');
        expect(root, 'the gateway span of ObservabilityAsk').toBeDefined();
        const spans = receiver.spans.filter((s) => s.traceId === root!.traceId);
        for (const service of ['gateway', 'chat', 'knowledge', 'llm-server'])
          expect(
            spans.map((s) => s.service),
            service,
          ).toContain(service);
        return { traceId: root!.traceId, spans };
      },
      150,
      200,
    );
    // The parts are linked: chat's server span is a child of a gateway span, the LLM server's of a chat span.
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    const parentService = (s: ReceivedSpan) => (s.parentSpanId ? byId.get(s.parentSpanId)?.service : undefined);
    const chatServer = trace.spans.find((s) => s.service === 'chat' && s.attributes['graphql.operation.name']);
    expect(chatServer && parentService(chatServer)).toBe('gateway');
    const llmServer = trace.spans.find(
      (s) => s.service === 'llm-server' && !trace.spans.some((c) => c.spanId === s.parentSpanId && c.service === 'llm-server'),
    );
    expect(llmServer && parentService(llmServer)).toBe('chat');
    expect(trace.spans.some((s) => s.service === 'knowledge' && s.name === 'opensearch search_chunks')).toBe(true);

    // Logs: chat's lines about this answer carry the trace id next to the correlation id.
    const chatLines = system.subgraphs.chat.logLines().filter((l) => l.traceId === trace.traceId);
    expect(chatLines.length).toBeGreaterThan(0);
    expect(chatLines.every((l) => typeof l.correlationId === 'string')).toBe(true);
  });

  it('the crawl (started in beforeAll) is one trace from startCrawl through the workflow into both workers', async () => {
    const trace = await eventually(
      async () => {
        const start = receiver.spans.find((s) => s.service === 'knowledge' && s.name.startsWith('StartWorkflow:'));
        expect(start, 'a StartWorkflow span from knowledge').toBeDefined();
        const services = new Set(receiver.spans.filter((s) => s.traceId === start!.traceId).map((s) => s.service));
        expect([...services]).toEqual(expect.arrayContaining(['gateway', 'knowledge', 'ingestion-worker', 'embedding-worker']));
        return start!.traceId;
      },
      150,
      200,
    );
    expect(receiver.spans.some((s) => s.traceId === trace && s.name.startsWith('RunActivity:'))).toBe(true);
  });
});
