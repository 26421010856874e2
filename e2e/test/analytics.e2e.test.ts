import { randomUUID } from 'node:crypto';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAndCrawlSource,
  addMember,
  collect,
  createApiKey,
  GENEROUS_RATE_LIMITS,
  graphqlRequest,
  registerAdmin,
  stackEnv,
  startEmbeddingWorker,
  startIngestionWorker,
  startLlmServer,
  startSubgraph,
  startSystem,
  TEST_PORTS,
  waitForChannelSubscribers,
  wsClient,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';
import { startFixtureSite, type FixtureSite } from '../../workflows/test/fixture-site/site.js';

/**
 * Analytics end to end, on the real stack: a scripted chat session over the crawled fixture site
 * (questions the site answers and questions it cannot, paraphrases, thumbs, a hand-off, a cached
 * answer), a partner key's requests and a crawl run, then the dashboard queries through the
 * gateway as an admin, with exact numbers taken from what chat stored. The analytics subgraph is
 * stopped while events are produced, and one event is left pending with a consumer that never
 * acknowledges it: nothing is lost, nothing counted twice. Nothing here depends on wall-clock time.
 */

const RELEVANCE_FLOOR = 0.35;
/** This run's own stream, so no other analytics instance on the machine (the dev stack, another test run) takes its events. */
const STREAM = `scs:analytics:events:test:${randomUUID()}`;
const GROUP = 'analytics';

const OVERVIEW = `query($p: AnalyticsPeriod!, $s: ID) { analyticsOverview(period: $p, sourceId: $s) {
  questions answered unanswered failed answerRate cacheHits conversations thumbsUp thumbsDown satisfaction handoffs averageConfidence
  timeToFirstTokenMs { p50 p95 } totalTimeMs { p50 p95 } } }`;

type Answer = {
  id: string;
  status: string;
  handoffSuggested: boolean;
  fromCache: boolean;
  confidence: number | null;
  citations: { pageUrl: string }[];
  conversationId: string;
  question: string;
};

describe('analytics: events from chat, crawls and partner keys, through the gateway', { timeout: 600_000 }, () => {
  let site: FixtureSite;
  let llm: ServiceProcess;
  let system: Awaited<ReturnType<typeof startSystem>>;
  let analytics: ServiceProcess;
  let worker: ServiceProcess;
  let embeddingWorker: ServiceProcess;
  let gateway: ServiceProcess;
  let admin: Session;
  let customer: Session;
  let otherCustomer: Session;
  let foreignAdmin: Session;
  let sourceId: string;
  let crawlProgress: Record<string, number>;
  let env: Record<string, string>;
  let redis: Redis;
  const clients: Client[] = [];
  const answers: Answer[] = [];
  let partnerKey: { id: string; secret: string };
  /** Stream entries captured while they were still in the stream (the consumer trims what it has stored). */
  let replay: [string, string[]][] = [];
  /** The chosen week: from the start of yesterday (UTC), seven days. */
  const dayMs = 86_400_000;
  const from = new Date(Math.floor(Date.now() / dayMs) * dayMs - dayMs);
  const period = { from: from.toISOString(), to: new Date(from.getTime() + 7 * dayMs).toISOString() };

  const gql = (session: Session, query: string, variables?: Record<string, unknown>) => graphqlRequest(gateway.baseUrl, query, variables, session.headers);
  const data = async <T = any>(session: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const { body } = await gql(session, query, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as T;
  };
  const overview = async (session: Session, sourceId?: string) => (await data(session, OVERVIEW, { p: period, s: sourceId ?? null })).analyticsOverview;

  /** Asks in a new conversation and waits until the answer is stored. */
  async function ask(session: Session, question: string): Promise<Answer> {
    const sent = await data(session, 'mutation($i: SendMessageInput!) { sendMessage(input: $i) { conversation { id } assistantMessage { id } } }', {
      i: { text: question },
    });
    const id = sent.sendMessage.assistantMessage.id as string;
    // Polled by hand: expect.poll is not allowed in hooks, where the session is scripted.
    const deadline = Date.now() + 120_000;
    let message: Record<string, any> | null;
    for (;;) {
      message = (
        await data(session, 'query($id: ID!) { chatMessage(id: $id) { id status handoffSuggested fromCache confidence citations { pageUrl } } }', { id })
      ).chatMessage;
      if (message && message.status !== 'GENERATING') break;
      if (Date.now() > deadline) throw new Error(`no answer to "${question}" within 120 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const answer = { ...(message as unknown as Answer), conversationId: sent.sendMessage.conversation.id, question };
    answers.push(answer);
    return answer;
  }

  const rate = (session: Session, messageId: string, rating: 'UP' | 'DOWN') =>
    data(session, 'mutation($i: RateAnswerInput!) { rateAnswer(input: $i) { id } }', { i: { messageId, rating } });

  /** What the overview must say, computed from what chat stored. */
  function expected() {
    const questions = answers.length;
    const answered = answers.filter((a) => a.status === 'COMPLETE' && !a.handoffSuggested).length;
    const unanswered = answers.filter((a) => a.status === 'COMPLETE' && a.handoffSuggested).length;
    return { questions, answered, unanswered, failed: questions - answered - unanswered, cacheHits: answers.filter((a) => a.fromCache).length };
  }

  /** The chat log's retrieved passages of one answer (chat logs them at debug level). */
  const retrieved = (messageId: string) =>
    (system.subgraphs.chat.logLines().find((l) => l.messageId === messageId && l.msg === 'retrieved')?.hits as
      { url: string; relevance: number }[] | undefined) ?? [];

  /** Waits until the analytics group has read and acknowledged everything in the stream. */
  async function drained(): Promise<void> {
    await expect
      .poll(
        async () => {
          const groups = (await redis.call('XINFO', 'GROUPS', STREAM)) as unknown[][];
          const info = groups.map((g) => Object.fromEntries(g.flatMap((v, i) => (i % 2 === 0 ? [[String(v), g[i + 1]]] : [])))).find((g) => g.name === GROUP);
          return info ? `lag=${String(info.lag)} pending=${String(info.pending)}` : 'no group';
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBe('lag=0 pending=0');
  }

  beforeAll(async () => {
    redis = new Redis(stackEnv().REDIS_URL!);
    site = await startFixtureSite();
    llm = await startLlmServer();
    env = {
      ...GENEROUS_RATE_LIMITS,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      LOG_LEVEL: 'debug',
      KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
      OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
      CHAT_MAX_ANSWER_TOKENS: '24',
      CHAT_CONTEXT_TOKEN_BUDGET: '600',
      CHAT_RELEVANCE_FLOOR: String(RELEVANCE_FLOOR),
      ANALYTICS_STREAM: STREAM,
      ANALYTICS_BLOCK_MS: '200',
      ANALYTICS_CLAIM_IDLE_MS: '1500',
      ANALYTICS_API_USAGE_FLUSH_MS: '200',
    };
    system = await startSystem(1, { ...env, CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port });
    gateway = system.gateways[0]!;
    analytics = system.subgraphs.analytics;
    worker = await startIngestionWorker({ CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port, ANALYTICS_STREAM: STREAM });
    embeddingWorker = await startEmbeddingWorker();

    admin = await registerAdmin(gateway, 'Analytics Admin');
    customer = await addMember(gateway, system.subgraphs.users, admin, 'CUSTOMER');
    otherCustomer = await addMember(gateway, system.subgraphs.users, admin, 'CUSTOMER');
    foreignAdmin = await registerAdmin(gateway, 'Foreign Analytics Admin');
    const crawled = await addAndCrawlSource(gateway, admin, { startUrl: `${site.baseUrl}/docs/accounts/`, scope: 'PATH_PREFIX', maxPages: 40, maxDepth: 3 });
    sourceId = crawled.sourceId;
    crawlProgress = crawled.progress;
    // Temporal's task queues are shared by every test run on the machine: a worker of another run refuses this run's
    // fixture port and skips its pages. Say so, rather than fail later for want of answers.
    if (crawlProgress.indexed === 0)
      throw new Error(`the crawl indexed no page (${JSON.stringify(crawlProgress)}); is another test run's ingestion worker polling the same Temporal?`);
  }, 900_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await worker?.stop();
    await embeddingWorker?.stop();
    await system?.stop();
    if (analytics && analytics !== system?.subgraphs.analytics) await analytics.stop();
    await llm?.stop();
    await site?.stop();
    await redis?.del(STREAM);
    redis?.disconnect();
  });

  describe('a scripted chat session', () => {
    const paraphrases = [
      'How long is the link to reset my password valid?',
      'How long does the password reset link stay valid?',
      'When does my password reset link expire?',
    ];
    /** Questions the site cannot answer: off-topic ones retrieve nothing; the last one is a near miss, whose closest passages stay below the floor. */
    const offTopic = [
      'What is the boiling point of liquid nitrogen on Jupiter?',
      "What's the boiling point of liquid nitrogen on the planet Jupiter?",
      'Who won the football world cup in 1954?',
    ];
    const nearMiss = 'Do you support passkeys?';
    const unanswerable = [...offTopic, nearMiss];

    beforeAll(async () => {
      for (const question of paraphrases) await ask(customer, question);
      await ask(customer, 'How many recovery codes do I get when I turn on two-factor authentication?');
      for (const question of unanswerable) await ask(customer, question);
      // The same question again, by someone else: answered from the cache.
      await ask(otherCustomer, paraphrases[0]!);
      const [reset, paraphrase, , codes, jupiter] = answers as [Answer, Answer, Answer, Answer, Answer];
      await rate(customer, reset.id, 'UP');
      await rate(customer, codes.id, 'DOWN');
      // A second rating replaces the first: this one counts as a thumbs up.
      await rate(customer, paraphrase.id, 'DOWN');
      await rate(customer, paraphrase.id, 'UP');
      await data(customer, 'mutation($c: ID!) { escalate(conversationId: $c) { status } }', { c: jupiter.conversationId });

      partnerKey = await createApiKey(gateway, admin, 'PARTNER', ['search:query']);
      for (let i = 0; i < 3; i++) {
        const { body } = await graphqlRequest(gateway.baseUrl, '{ me { apiKeyId } }', undefined, { authorization: `ApiKey ${partnerKey.secret}` });
        expect(body.errors).toBeUndefined();
      }
    }, 600_000);

    it('the script behaved as intended: off-topic questions unanswered, questions the site answers mostly answered, one from the cache', () => {
      // Which questions clear the relevance floor is retrieval's business (tested in search and chat); the expected
      // numbers below come from what chat stored, so only what cannot vary is pinned here.
      expect(answers).toHaveLength(9);
      expect(answers.every((a) => a.status === 'COMPLETE')).toBe(true);
      expect(answers.slice(4, 7).map((a) => a.handoffSuggested)).toEqual([true, true, true]);
      expect(answers.slice(0, 4).filter((a) => !a.handoffSuggested).length, 'retrieval answered none of the questions the site answers').toBeGreaterThanOrEqual(
        1,
      );
      expect(answers.map((a) => a.fromCache)).toEqual([false, false, false, false, false, false, false, false, true]);
      expect(answers[8]!.handoffSuggested).toBe(answers[0]!.handoffSuggested);
    });

    it('the overview of the week has the exact counts, answer rate, satisfaction and hand-offs, and ordered latency percentiles', async () => {
      const want = expected();
      await expect.poll(async () => (await overview(admin)).questions, { timeout: 30_000, interval: 200 }).toBe(want.questions);
      await expect.poll(async () => (await overview(admin)).handoffs, { timeout: 30_000, interval: 200 }).toBe(1);
      await expect.poll(async () => (await overview(admin)).thumbsUp + (await overview(admin)).thumbsDown, { timeout: 30_000, interval: 200 }).toBe(3);
      const o = await overview(admin);
      expect(want.answered + want.unanswered).toBe(9);
      expect(o).toMatchObject({
        questions: 9,
        answered: want.answered,
        unanswered: want.unanswered,
        failed: 0,
        cacheHits: 1,
        conversations: 9,
        thumbsUp: 2,
        thumbsDown: 1,
        handoffs: 1,
      });
      expect(o.answerRate).toBeCloseTo(want.answered / 9, 4);
      expect(o.satisfaction).toBeCloseTo(2 / 3, 4);
      for (const latency of [o.timeToFirstTokenMs, o.totalTimeMs]) {
        expect(latency.p50).toEqual(expect.any(Number));
        expect(latency.p95).toEqual(expect.any(Number));
        expect(latency.p50).toBeLessThanOrEqual(latency.p95);
      }
      expect(o.timeToFirstTokenMs.p50).toBeLessThanOrEqual(o.totalTimeMs.p95);
      const confidences = answers.map((a) => a.confidence!).filter((c) => c !== null);
      expect(o.averageConfidence).toBeCloseTo(confidences.reduce((s, c) => s + c, 0) / confidences.length, 2);
    });

    it('filters by source: the questions that retrieved or cited its pages', async () => {
      const o = await overview(admin, sourceId);
      // A cached answer retrieves nothing but cites the source; an off-topic question counts if it retrieved anything from it.
      const touching = answers.filter((a) => a.citations.length > 0 || retrieved(a.id).length > 0);
      expect(o.questions).toBe(touching.length);
      expect(o.answered).toBe(expected().answered);
      const unknown = await gql(admin, OVERVIEW, { p: period, s: randomUUID() });
      expect(unknown.body.data!.analyticsOverview).toMatchObject({ questions: 0, answered: 0, handoffs: 0, thumbsUp: 0, answerRate: null, satisfaction: null });
    });

    it('volume over time: every day of the week, the questions in today’s bucket', async () => {
      const { questionVolume } = await data(
        admin,
        'query($p: AnalyticsPeriod!) { questionVolume(period: $p, interval: DAY) { start questions answered unanswered handoffs } }',
        { p: period },
      );
      expect(questionVolume).toHaveLength(7);
      expect(questionVolume[0].start).toBe(period.from);
      const total = questionVolume.reduce((sum: number, b: { questions: number }) => sum + b.questions, 0);
      expect(total).toBe(9);
      expect(questionVolume.reduce((s: number, b: { answered: number }) => s + b.answered, 0)).toBe(expected().answered);
      expect(questionVolume.reduce((s: number, b: { handoffs: number }) => s + b.handoffs, 0)).toBe(1);
      const hourly = await data(admin, 'query($p: AnalyticsPeriod!) { questionVolume(period: $p, interval: HOUR) { questions } }', { p: period });
      expect(hourly.questionVolume).toHaveLength(7 * 24);
    });

    it('top questions: the paraphrases of one question form one cluster with the right count', async () => {
      const { topQuestions } = await data(
        admin,
        'query($p: AnalyticsPeriod!) { topQuestions(period: $p, limit: 10) { representative count answered examples lastAskedAt } }',
        { p: period },
      );
      const reset = topQuestions.find((c: { examples: string[] }) => c.examples.includes(paraphrases[0]!));
      // Three wordings, the first asked twice (once answered from the cache).
      const resetAnswers = [answers[0]!, answers[1]!, answers[2]!, answers[8]!];
      expect(reset).toMatchObject({ count: 4, answered: resetAnswers.filter((a) => !a.handoffSuggested).length });
      expect([...reset.examples].sort()).toEqual([...paraphrases].sort());
      expect(paraphrases).toContain(reset.representative);
      expect(topQuestions[0]).toEqual(reset);
      // The others stay apart: recovery codes, the world cup and passkeys alone, the two Jupiter questions together.
      const total = topQuestions.reduce((sum: number, c: { count: number }) => sum + c.count, 0);
      expect(total).toBe(9);
      const jupiter = topQuestions.find((c: { examples: string[] }) => c.examples.includes(offTopic[0]!));
      expect(jupiter).toMatchObject({ count: 2, answered: 0 });
      expect(topQuestions).toHaveLength(5);
    });

    it('content gaps: the unanswered questions, grouped, with the best pages retrieval found below the floor', async () => {
      const { contentGaps } = await data(
        admin,
        'query($p: AnalyticsPeriod!) { contentGaps(period: $p) { representative count examples suggestedPages { pageUrl url title sourceId bestRelevance retrievals } } }',
        { p: period },
      );
      const unanswered = answers.filter((a) => a.handoffSuggested);
      expect(contentGaps.reduce((sum: number, g: { count: number }) => sum + g.count, 0)).toBe(unanswered.length);
      expect(contentGaps.flatMap((g: { examples: string[] }) => g.examples).sort()).toEqual([...new Set(unanswered.map((a) => a.question))].sort());
      const counts = contentGaps.map((g: { count: number }) => g.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(contentGaps.find((g: { examples: string[] }) => g.examples.includes(offTopic[0]!))).toMatchObject({ count: 2 });
      let expectedSuggestions = 0;
      let suggested = 0;
      for (const gap of contentGaps as { examples: string[]; suggestedPages: { pageUrl: string; bestRelevance: number; sourceId: string }[] }[]) {
        // The pages retrieval returned for these questions (chat's log), by their best relevance: the top three, best first.
        const best = new Map<string, number>();
        for (const hit of answers.filter((a) => gap.examples.includes(a.question)).flatMap((a) => retrieved(a.id))) {
          const page = hit.url.split('#')[0]!;
          best.set(page, Math.max(best.get(page) ?? -1, hit.relevance));
        }
        const expectedPages = [...best.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
        expectedSuggestions += expectedPages.length;
        expect(gap.suggestedPages.map((p) => p.pageUrl)).toEqual(expectedPages.map(([page]) => page));
        gap.suggestedPages.forEach((p, i) => expect(p.bestRelevance).toBeCloseTo(expectedPages[i]![1], 2));
        suggested += gap.suggestedPages.length;
        for (const page of gap.suggestedPages) {
          expect(page.bestRelevance).toBeLessThan(RELEVANCE_FLOOR);
          expect(page.sourceId).toBe(sourceId);
        }
      }
      expect(suggested).toBe(expectedSuggestions);
      // The near miss retrieved passages below the floor: those are the pages that should have answered it.
      if (answers[7]!.handoffSuggested && retrieved(answers[7]!.id).length > 0) expect(suggested).toBeGreaterThan(0);
    });

    it('source coverage: pages cited, against the pages the crawl indexed', async () => {
      const { sourceCoverage } = await data(
        admin,
        'query($s: ID!, $p: AnalyticsPeriod) { sourceCoverage(sourceId: $s, period: $p) { sourceId pagesIndexed pagesCited pagesRetrieved coverage pages { pageUrl citations retrievals } } }',
        { s: sourceId, p: period },
      );
      expect(sourceCoverage.pagesIndexed).toBe(crawlProgress.indexed);
      // Each page with the number of answers citing it, as chat stored them (the cached answer cites too).
      const citing = new Map<string, number>();
      for (const answer of answers) for (const page of new Set(answer.citations.map((c) => c.pageUrl))) citing.set(page, (citing.get(page) ?? 0) + 1);
      const cited = sourceCoverage.pages.filter((p: { citations: number }) => p.citations > 0);
      expect(new Map(cited.map((p: { pageUrl: string; citations: number }) => [p.pageUrl, p.citations]))).toEqual(citing);
      expect(citing.size).toBeGreaterThan(0);
      expect(sourceCoverage.pagesCited).toBe(citing.size);
      expect(sourceCoverage.coverage).toBeCloseTo(sourceCoverage.pagesCited / crawlProgress.indexed!, 3);
    });

    it('crawl history: the run with its pages, failures and duration', async () => {
      await expect
        .poll(
          async () =>
            (await data(admin, 'query($p: AnalyticsPeriod!, $s: ID) { crawlHistory(period: $p, sourceId: $s) { runId } }', { p: period, s: sourceId }))
              .crawlHistory.length,
          { timeout: 30_000 },
        )
        .toBe(1);
      const { crawlHistory } = await data(
        admin,
        'query($p: AnalyticsPeriod!, $s: ID) { crawlHistory(period: $p, sourceId: $s) { sourceId status startedAt finishedAt durationMs discovered indexed skipped failed imagesIndexed failedByReason { reason count } } }',
        { p: period, s: sourceId },
      );
      expect(crawlHistory[0]).toMatchObject({
        sourceId,
        status: 'completed',
        indexed: crawlProgress.indexed,
        failed: crawlProgress.failed,
        skipped: crawlProgress.skipped,
        imagesIndexed: crawlProgress.imagesIndexed,
      });
      expect(crawlHistory[0].durationMs).toBeGreaterThan(0);
      expect(new Date(crawlHistory[0].finishedAt).getTime() - new Date(crawlHistory[0].startedAt).getTime()).toBe(crawlHistory[0].durationMs);
    });

    it('partner API usage: the key’s requests are counted', async () => {
      await expect
        .poll(
          async () =>
            (await data(admin, 'query($p: AnalyticsPeriod!) { apiUsage(period: $p) { apiKeyId role requests rateLimited } }', { p: period })).apiUsage,
          { timeout: 30_000, interval: 200 },
        )
        .toEqual([{ apiKeyId: partnerKey.id, role: 'partner', requests: 3, rateLimited: 0 }]);
    });

    it('CSV export: a header and one row per question; other reports too', async () => {
      const { exportAnalyticsCsv } = await data(admin, 'query($p: AnalyticsPeriod!) { exportAnalyticsCsv(report: QUESTIONS, period: $p) }', { p: period });
      const lines = (exportAnalyticsCsv as string).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'asked_at,conversation_id,message_id,asker_role,question,standalone_question,status,answered,handoff_suggested,confidence,from_cache,time_to_first_token_ms,total_ms,answer_chars,rating',
      );
      expect(lines).toHaveLength(1 + 9);
      const rows = lines.slice(1).map((l) => parseCsvLine(l));
      expect(rows.map((r) => r[2]).sort()).toEqual(answers.map((a) => a.id).sort());
      expect(rows.filter((r) => r[7] === 'true')).toHaveLength(expected().answered);
      expect(rows.find((r) => r[2] === answers[0]!.id)!.slice(4, 5)).toEqual([paraphrases[0]]);
      // The rating column holds each answer's latest rating.
      expect(
        rows
          .filter((r) => r[14] === 'up')
          .map((r) => r[2])
          .sort(),
      ).toEqual([answers[0]!.id, answers[1]!.id].sort());
      expect(rows.filter((r) => r[14] === 'down').map((r) => r[2])).toEqual([answers[3]!.id]);
      // An apostrophe in a question is kept as it is, quoting only where CSV needs it.
      expect(rows.map((r) => r[4])).toContain(offTopic[1]);

      const volume = (await data(admin, 'query($p: AnalyticsPeriod!) { exportAnalyticsCsv(report: DAILY_VOLUME, period: $p) }', { p: period }))
        .exportAnalyticsCsv as string;
      expect(volume.split('\r\n')[0]).toBe('day,questions,answered,unanswered,handoffs');
      expect(volume.trimEnd().split('\r\n')).toHaveLength(1 + 7);
      for (const report of ['TOP_QUESTIONS', 'CONTENT_GAPS', 'API_USAGE', 'CRAWL_HISTORY']) {
        const csv = (await data(admin, `query($p: AnalyticsPeriod!) { exportAnalyticsCsv(report: ${report}, period: $p) }`, { p: period }))
          .exportAnalyticsCsv as string;
        expect(csv.split('\r\n').length, report).toBeGreaterThan(2);
      }
    });

    it('live counters: the subscription ticks with today’s counts when new events are stored', async () => {
      const client = wsClient(gateway.baseUrl, { authorization: `Bearer ${admin.accessToken}` });
      clients.push(client);
      const counters = collect(client, 'subscription { analyticsCounters { day questions answered unanswered handoffs thumbsUp thumbsDown } }');
      await waitForChannelSubscribers(subscriptionTopic('analyticsCounters', {}, admin.orgId), 1);
      const before = (await data(admin, '{ analyticsCounters { questions answered } }')).analyticsCounters;
      await ask(customer, 'When do invitations to join my team expire?');
      let tick = (await counters.next(30_000)).data!.analyticsCounters;
      while (tick.questions < before.questions + 1) tick = (await counters.next(30_000)).data!.analyticsCounters;
      expect(tick.questions).toBe(before.questions + 1);
      expect(tick).toEqual({
        ...(await data(admin, '{ analyticsCounters { day questions answered unanswered handoffs thumbsUp thumbsDown } }')).analyticsCounters,
      });
      counters.unsubscribe();
    });

    it('another organization sees none of it', async () => {
      expect(await overview(foreignAdmin)).toMatchObject({ questions: 0, answered: 0, handoffs: 0, thumbsUp: 0, thumbsDown: 0, cacheHits: 0 });
      const other = await data(
        foreignAdmin,
        'query($p: AnalyticsPeriod!, $s: ID!) { topQuestions(period: $p) { count } contentGaps(period: $p) { count } apiUsage(period: $p) { requests } crawlHistory(period: $p) { runId } sourceCoverage(sourceId: $s) { pagesIndexed pagesCited pages { pageUrl } } exportAnalyticsCsv(report: QUESTIONS, period: $p) }',
        { p: period, s: sourceId },
      );
      expect(other).toEqual({
        topQuestions: [],
        contentGaps: [],
        apiUsage: [],
        crawlHistory: [],
        sourceCoverage: { pagesIndexed: null, pagesCited: 0, pages: [] },
        exportAnalyticsCsv: expect.stringMatching(/^asked_at,[^\r\n]*\r\n$/),
      });
      // And a customer may not read analytics at all.
      const { body } = await gql(customer, OVERVIEW, { p: period });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('durability', () => {
    const usage = async () =>
      (await data(admin, 'query($p: AnalyticsPeriod!) { apiUsage(period: $p) { apiKeyId requests } }', { p: period })).apiUsage as { requests: number }[];

    it('a stopped analytics service loses nothing: events produced meanwhile, and one left pending by a dead consumer, are stored once it runs again', async () => {
      await drained();
      const before = await overview(admin);
      const usageBefore = await usage();
      const [last] = await redis.xrevrange(STREAM, '+', '-', 'COUNT', 1);
      await analytics.stop();

      const answerable = await ask(customer, 'How do I turn on two-factor authentication?');
      const unanswerable = await ask(customer, 'What is the best recipe for banana bread?');
      await rate(customer, answerable.id, 'UP');
      await data(customer, 'mutation($c: ID!) { escalate(conversationId: $c) { status } }', { c: unanswerable.conversationId });
      for (let i = 0; i < 2; i++) await graphqlRequest(gateway.baseUrl, '{ me { apiKeyId } }', undefined, { authorization: `ApiKey ${partnerKey.secret}` });
      // Every kind of event is in the stream, unread (workers share Temporal's task queues with other test runs on this
      // machine, so an event of another organization may show up here too: only this organization's are looked at)…
      const ours = (entries: [string, string[]][]) => entries.filter(([, f]) => f[f.indexOf('org') + 1] === admin.orgId);
      const typesOf = (entries: [string, string[]][]) => entries.map(([, f]) => f[f.indexOf('type') + 1]).sort();
      await expect
        .poll(async () => typesOf((replay = ours(await redis.xrange(STREAM, `(${last![0]}`, '+')))), { timeout: 30_000, interval: 200 })
        .toEqual(['api_usage', 'feedback', 'handoff', 'question', 'question']);
      // …and a consumer that is about to "die" takes the first one and never acknowledges it.
      const taken = (await redis.call('XREADGROUP', 'GROUP', GROUP, 'doomed-consumer', 'COUNT', 1, 'STREAMS', STREAM, '>')) as [string, [string, string[]][]][];
      expect(taken[0]![1]).toHaveLength(1);

      analytics = await startSubgraph('analytics', env);
      await drained();
      const handedOff = [answerable, unanswerable].filter((a) => a.handoffSuggested).length;
      expect(await overview(admin)).toMatchObject({
        questions: before.questions + 2,
        answered: before.answered + 2 - handedOff,
        unanswered: before.unanswered + handedOff,
        thumbsUp: before.thumbsUp + 1,
        handoffs: before.handoffs + 1,
      });
      expect((await usage())[0]!.requests).toBe(usageBefore[0]!.requests + 2);
      // The dead consumer's entry was taken over (XAUTOCLAIM) by the new instance.
      expect(analytics.logLines().some((l) => l.msg === 'took over analytics events another instance left unacknowledged')).toBe(true);
    });

    it('events delivered again are not counted twice', async () => {
      await drained();
      const before = await overview(admin);
      const usageBefore = await usage();
      const { topQuestions: topBefore } = await data(admin, 'query($p: AnalyticsPeriod!) { topQuestions(period: $p) { representative count } }', { p: period });
      // The events of the restart, and whatever else is still in the stream, appended once more with the same event ids.
      const entries = [...replay, ...(await redis.xrange(STREAM, '-', '+'))];
      expect(entries.length).toBeGreaterThanOrEqual(5);
      const pipeline = redis.pipeline();
      for (const [, fields] of entries) pipeline.xadd(STREAM, '*', ...fields);
      await pipeline.exec();
      await drained();
      expect(await overview(admin)).toEqual(before);
      expect(await usage()).toEqual(usageBefore);
      expect((await data(admin, 'query($p: AnalyticsPeriod!) { topQuestions(period: $p) { representative count } }', { p: period })).topQuestions).toEqual(
        topBefore,
      );
    });
  });
});

/** One CSV line (no line breaks inside fields in these rows). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}
