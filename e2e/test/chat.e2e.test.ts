import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  collect,
  GENEROUS_RATE_LIMITS,
  graphqlRequest,
  queryDatabase,
  registerAdmin,
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
import { buildAnswerPrompt, SYSTEM_PROMPT, SYSTEM_PROMPT_CANARY } from '../../subgraphs/chat/src/answering/prompt.js';

/**
 * The chat end to end, on the real stack: the fixture site crawled into the index, the local LLM
 * server (a tiny model, so nothing here asserts on its wording), two gateway instances, and
 * customers and agents talking over graphql-ws.
 */

const EVENT = `seq kind conversationId messageId text status confidence handoffSuggested conversationStatus
  citations { index title url pageUrl anchor snippet relevance referenced }
  images { imageUrl pageUrl alt }
  message { id role text status author { id displayName } }`;
const STREAM = `subscription($c: ID!, $after: Int) { messageStream(conversationId: $c, afterSeq: $after) { ${EVENT} } }`;
const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) {
  conversation { id status lastSeq } userMessage { id role status } assistantMessage { id role status } } }`;
const MESSAGE_FIELDS =
  'id role text status confidence handoffSuggested fromCache standaloneQuestion lastSeq citations { index url pageUrl title snippet referenced } feedback { rating comment }';
const FINAL = new Set(['COMPLETE', 'STOPPED', 'FAILED']);
const PROGRESS = 'sourceId runId status indexed';

type StreamEvent = {
  seq: number;
  kind: string;
  conversationId: string;
  messageId: string | null;
  text: string | null;
  status: string | null;
  confidence: number | null;
  handoffSuggested: boolean | null;
  conversationStatus: string | null;
  citations:
    | { index: number; title: string | null; url: string; pageUrl: string; anchor: string | null; snippet: string; relevance: number; referenced: boolean }[]
    | null;
  images: { imageUrl: string }[] | null;
  message: { id: string; role: string; text: string; status: string; author: { id: string; displayName: string } | null } | null;
};

describe('chat: streamed, cited answers through the gateway', { timeout: 300_000 }, () => {
  let site: FixtureSite;
  let llm: ServiceProcess;
  let system: Awaited<ReturnType<typeof startSystem>>;
  let chat: ServiceProcess;
  let worker: ServiceProcess;
  let embeddingWorker: ServiceProcess;
  let gatewayA: ServiceProcess;
  let gatewayB: ServiceProcess;
  let admin: Session;
  let curator: Session;
  let customer: Session;
  let otherCustomer: Session;
  let agent: Session;
  let foreignAdmin: Session;
  let foreignCustomer: Session;
  const sources: Record<string, string> = {};
  const clients: Client[] = [];
  let chatEnv: Record<string, string>;

  const url = (path: string) => `${site.baseUrl}${path}`;
  const gql = (session: Session, query: string, variables?: Record<string, unknown>, gateway = gatewayA) =>
    graphqlRequest(gateway.baseUrl, query, variables, session.headers);
  const socket = (session: Session, gateway = gatewayA) => {
    const client = wsClient(gateway.baseUrl, { authorization: `Bearer ${session.accessToken}` });
    clients.push(client);
    return client;
  };

  async function crawl(session: Session, input: Record<string, unknown>, existing?: string): Promise<string> {
    let sourceId = existing;
    if (!sourceId) {
      const added = await gql(session, 'mutation($i: AddSourceInput!) { addSource(input: $i) { id } }', {
        i: { jsRendering: 'NEVER', maxPages: 60, maxDepth: 4, ...input },
      });
      expect(added.body.errors, JSON.stringify(added.body.errors)).toBeUndefined();
      sourceId = added.body.data!.addSource.id as string;
    }
    const events = collect(socket(session), `subscription($s: ID!) { crawlProgress(sourceId: $s) { ${PROGRESS} } }`, { s: sourceId });
    await waitForChannelSubscribers(subscriptionTopic('crawlProgress', { sourceId }, session.orgId), 1);
    const started = await gql(session, 'mutation($s: ID!) { startCrawl(sourceId: $s) { runId } }', { s: sourceId });
    expect(started.body.errors, JSON.stringify(started.body.errors)).toBeUndefined();
    for (;;) {
      const progress = (await events.next(180_000)).data!.crawlProgress;
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(progress.status)) {
        expect(progress.status).toBe('COMPLETED');
        expect(progress.indexed).toBeGreaterThan(0);
        break;
      }
    }
    events.unsubscribe();
    return sourceId;
  }

  /** Sends a message; returns the payload. */
  async function send(session: Session, text: string, conversationId?: string, gateway = gatewayA) {
    const { body } = await gql(session, SEND, { i: { text, conversationId } }, gateway);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!.sendMessage as {
      conversation: { id: string; status: string; lastSeq: number };
      userMessage: { id: string };
      assistantMessage: { id: string; status: string } | null;
    };
  }

  /** Subscribes to a conversation's stream (from `afterSeq`, default: its beginning). */
  function stream(session: Session, conversationId: string, afterSeq: number | null = 0, gateway = gatewayA) {
    const client = socket(session, gateway);
    const events = collect<{ messageStream: StreamEvent }>(client, STREAM, { c: conversationId, after: afterSeq });
    return { client, events };
  }

  /** Reads events until the given answer's final STATUS; returns every event read. */
  async function untilAnswered(events: ReturnType<typeof stream>['events'], messageId: string, timeoutMs = 120_000): Promise<StreamEvent[]> {
    const read: StreamEvent[] = [];
    for (;;) {
      const next = await events.next(timeoutMs);
      expect(next.errors, JSON.stringify(next.errors)).toBeUndefined();
      const event = next.data!.messageStream;
      read.push(event);
      if (event.kind === 'STATUS' && event.messageId === messageId && FINAL.has(event.status!)) return read;
    }
  }

  async function message(session: Session, id: string) {
    const { body } = await gql(session, `query($id: ID!) { chatMessage(id: $id) { ${MESSAGE_FIELDS} } }`, { id });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!.chatMessage as Record<string, any> | null;
  }

  /** Asks in a new conversation and waits for the answer; returns the stored answer and the events. */
  async function ask(session: Session, question: string, gateway = gatewayA) {
    const sent = await send(session, question, undefined, gateway);
    const { client, events } = stream(session, sent.conversation.id, 0, gateway);
    const read = await untilAnswered(events, sent.assistantMessage!.id);
    // Closed, not just unsubscribed: the gateway allows a principal a handful of open sockets (WS_MAX_SOCKETS_PER_PRINCIPAL).
    await client.dispose();
    return { sent, events: read, answer: (await message(session, sent.assistantMessage!.id))! };
  }

  const deltasOf = (events: StreamEvent[], messageId: string) => events.filter((e) => e.kind === 'DELTA' && e.messageId === messageId);
  const chatLog = (messageId: string, msg: string) => chat.logLines().filter((l) => l.messageId === messageId && l.msg === msg);
  const retrievedUrls = (messageId: string) =>
    (chatLog(messageId, 'retrieved')[0]?.hits as { url: string }[] | undefined)?.map((h) => h.url.split('#')[0]!) ?? [];

  beforeAll(async () => {
    site = await startFixtureSite();
    llm = await startLlmServer();
    chatEnv = {
      ...GENEROUS_RATE_LIMITS,
      // The crawls take minutes; sessions must outlive them.
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      LOG_LEVEL: 'debug',
      KNOWLEDGE_SUBGRAPH_URL: `http://127.0.0.1:${TEST_PORTS.knowledge}/graphql`,
      OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
      CHAT_MAX_ANSWER_TOKENS: '120',
      CHAT_GENERATION_LEASE_MS: '3000',
      CHAT_SWEEP_INTERVAL_MS: '1000',
    };
    system = await startSystem(2, { ...chatEnv, CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port });
    chat = system.subgraphs.chat;
    [gatewayA, gatewayB] = system.gateways as [ServiceProcess, ServiceProcess];
    const crawlerEnv = { CRAWLER_ALLOWED_PORTS: new URL(site.baseUrl).port };
    worker = await startIngestionWorker(crawlerEnv);
    embeddingWorker = await startEmbeddingWorker();

    admin = await registerAdmin(gatewayA, 'Chat Admin');
    const users = system.subgraphs.users;
    curator = await addMember(gatewayA, users, admin, 'CURATOR');
    customer = await addMember(gatewayA, users, admin, 'CUSTOMER');
    otherCustomer = await addMember(gatewayA, users, admin, 'CUSTOMER');
    agent = await addMember(gatewayA, users, admin, 'AGENT');
    foreignAdmin = await registerAdmin(gatewayA, 'Foreign Chat Admin');
    foreignCustomer = await addMember(gatewayA, users, foreignAdmin, 'CUSTOMER');

    // Organization A: the account docs and the community pages for everyone, billing for agents only.
    sources.accounts = await crawl(curator, { startUrl: url('/docs/accounts/'), scope: 'PATH_PREFIX' });
    sources.community = await crawl(curator, { startUrl: url('/community/'), scope: 'PATH_PREFIX' });
    sources.billing = await crawl(curator, { startUrl: url('/billing/'), scope: 'PATH_PREFIX', accessRoles: ['AGENT'] });
    // Organization B: the troubleshooting docs, which A does not have.
    sources.foreign = await crawl(foreignAdmin, { startUrl: url('/docs/troubleshooting/'), scope: 'PATH_PREFIX' });
  }, 900_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await worker?.stop();
    await embeddingWorker?.stop();
    await system?.stop();
    if (chat && chat !== system?.subgraphs.chat) await chat.stop();
    await llm?.stop();
    await site?.stop();
  });

  describe('answers over the fixture site', () => {
    const questions = [
      { question: 'How long is the link to reset my password valid?', page: '/docs/accounts/password-reset' },
      { question: 'How many recovery codes do I get when I turn on two-factor authentication?', page: '/docs/accounts/two-factor-authentication' },
      { question: 'When do invitations to join my team expire?', page: '/docs/accounts/inviting-team-members' },
      { question: 'How long are backups kept after I delete my account?', page: '/docs/accounts/deleting-your-account' },
    ];

    it.each(questions)('retrieves and cites the right page: $question', async ({ question, page }) => {
      const { sent, events, answer } = await ask(customer, question);
      const id = sent.assistantMessage!.id;
      // Retrieval: the page holding the answer ranks first.
      expect(retrievedUrls(id)[0]).toBe(url(page));
      expect(answer).toMatchObject({ status: 'COMPLETE', role: 'ASSISTANT', handoffSuggested: false, fromCache: false });
      // Citations resolve to the page, with its title, an anchored URL and the quoted passage.
      const cited = answer.citations as { pageUrl: string; url: string; title: string; snippet: string; index: number }[];
      expect(cited.map((c) => c.pageUrl)).toContain(url(page));
      const citation = cited.find((c) => c.pageUrl === url(page))!;
      expect(citation.url.startsWith(url(page))).toBe(true);
      expect(citation.title).toBe(site.manifest.pages.find((p) => p.path === page)!.title);
      expect(citation.snippet.length).toBeGreaterThan(10);
      expect(answer.confidence).toBeGreaterThan(0);
      expect(answer.confidence).toBeLessThanOrEqual(1);
      // The stream carried the same citations and the same text.
      expect(events.find((e) => e.kind === 'CITATIONS')!.citations!.map((c) => c.url)).toEqual(cited.map((c) => c.url));
      expect(
        deltasOf(events, id)
          .map((e) => e.text)
          .join(''),
      ).toBe(answer.text);
    });

    it('streams tokens in order: consecutive seqs, and the deltas add up to the stored text', async () => {
      const { sent, events, answer } = await ask(customer, 'Which plans include single sign-on with SAML?');
      const id = sent.assistantMessage!.id;
      // The whole conversation from its first event: every seq once, in order.
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events[0]).toMatchObject({ kind: 'USER_MESSAGE', message: { id: sent.userMessage.id, role: 'USER', author: { id: customer.userId } } });
      expect(events[1]).toMatchObject({ kind: 'STATUS', messageId: id, status: 'GENERATING' });
      const deltas = deltasOf(events, id);
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltas.map((d) => d.text).join('')).toBe(answer.text);
      expect(events.at(-1)).toMatchObject({ kind: 'STATUS', status: 'COMPLETE', confidence: answer.confidence });
      expect(answer.lastSeq).toBe(deltas.at(-1)!.seq);
      // History: the conversation's messages, oldest first.
      const { body } = await gql(
        customer,
        'query($id: ID!) { conversation(id: $id) { status lastSeq messages(first: 10) { messages { id role } nextCursor } } }',
        { id: sent.conversation.id },
      );
      expect(body.data!.conversation).toEqual({
        status: 'OPEN',
        lastSeq: events.at(-1)!.seq,
        messages: {
          messages: [
            { id: sent.userMessage.id, role: 'USER' },
            { id, role: 'ASSISTANT' },
          ],
          nextCursor: null,
        },
      });
    });

    it('rewrites a follow-up into a standalone question and answers it in the same conversation', async () => {
      const first = await ask(customer, 'How do I reset my password?');
      const conversationId = first.sent.conversation.id;
      const { events } = stream(customer, conversationId, first.events.at(-1)!.seq);
      const followUp = await send(customer, 'And how long is that link valid?', conversationId);
      expect(followUp.conversation.id).toBe(conversationId);
      const read = await untilAnswered(events, followUp.assistantMessage!.id);
      expect(read[0]!.seq).toBe(first.events.at(-1)!.seq + 1);
      const answer = (await message(customer, followUp.assistantMessage!.id))!;
      expect(answer.status).toBe('COMPLETE');
      expect(typeof answer.standaloneQuestion).toBe('string');
      expect(answer.standaloneQuestion.length).toBeGreaterThan(2);
      const { body } = await gql(customer, 'query($id: ID!) { conversation(id: $id) { messages(first: 2) { messages { role } nextCursor } } }', {
        id: conversationId,
      });
      const page = body.data!.conversation.messages;
      expect(page.messages.map((m: { role: string }) => m.role)).toEqual(['USER', 'ASSISTANT']);
      const older = await gql(
        customer,
        'query($id: ID!, $b: String) { conversation(id: $id) { messages(first: 10, before: $b) { messages { role } nextCursor } } }',
        {
          id: conversationId,
          b: page.nextCursor,
        },
      );
      expect(older.body.data!.conversation.messages).toEqual({ messages: [{ role: 'USER' }, { role: 'ASSISTANT' }], nextCursor: null });
    });

    it('says it does not know, offers a person and calls no model when retrieval is weak', async () => {
      const { sent, events, answer } = await ask(customer, 'What is the boiling point of liquid nitrogen on Jupiter?');
      expect(answer).toMatchObject({ status: 'COMPLETE', handoffSuggested: true, citations: [] });
      expect(answer.confidence).toBeLessThan(0.35);
      expect(chatLog(sent.assistantMessage!.id, 'answer prompt built')).toEqual([]);
      expect(events.at(-1)).toMatchObject({ kind: 'STATUS', status: 'COMPLETE', handoffSuggested: true });
    });
  });

  describe('streaming control', () => {
    it('stop ends an answer as STOPPED, aborting the model call, keeping exactly the text streamed so far', async () => {
      let stopped: { id: string; events: StreamEvent[] } | undefined;
      // Stopped while the model works on the prompt; a model that finishes first gets another try.
      for (let attempt = 0; attempt < 3 && !stopped; attempt++) {
        const sent = await send(customer, `Explain in detail every step of setting up single sign-on, two-factor authentication and team roles (${attempt}).`);
        const id = sent.assistantMessage!.id;
        const { events } = stream(customer, sent.conversation.id, 0);
        await expect.poll(() => chatLog(id, 'answer prompt built').length, { timeout: 120_000, interval: 25 }).toBe(1);
        const { body } = await gql(customer, 'mutation($id: ID!) { stopGeneration(messageId: $id) { id } }', { id });
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        const read = await untilAnswered(events, id);
        if (read.at(-1)!.status === 'STOPPED') stopped = { id, events: read };
        else expect(read.at(-1)!.status).toBe('COMPLETE');
      }
      expect(stopped, 'no attempt was stopped before the model finished').toBeDefined();
      const answer = (await message(customer, stopped!.id))!;
      expect(answer.status).toBe('STOPPED');
      expect(
        deltasOf(stopped!.events, stopped!.id)
          .map((e) => e.text)
          .join(''),
      ).toBe(answer.text);
      // Stopping again is harmless; stopping someone else's answer is not possible.
      expect((await gql(customer, 'mutation($id: ID!) { stopGeneration(messageId: $id) { status } }', { id: stopped!.id })).body.data).toEqual({
        stopGeneration: { status: 'STOPPED' },
      });
      const foreign = await gql(otherCustomer, 'mutation($id: ID!) { stopGeneration(messageId: $id) { status } }', { id: stopped!.id });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('a client that reconnects mid-answer, to the other gateway, gets what it missed and then the live tokens: nothing missing or doubled', async () => {
      const sent = await send(customer, 'What are the roles in a workspace, and what may each of them do?', undefined, gatewayB);
      const id = sent.assistantMessage!.id;
      const first = stream(customer, sent.conversation.id, 0, gatewayA);
      const before: StreamEvent[] = [];
      for (;;) {
        const event = (await first.events.next(120_000)).data!.messageStream;
        before.push(event);
        const done = event.kind === 'STATUS' && event.messageId === id && FINAL.has(event.status!);
        if (deltasOf(before, id).length >= 2 || done) break;
      }
      // The connection drops mid-answer…
      await first.client.dispose();
      const lastSeen = before.at(-1)!.seq;
      // …and the client resumes on the other gateway instance after the last seq it saw.
      const second = stream(customer, sent.conversation.id, lastSeen, gatewayB);
      const after = before.at(-1)!.kind === 'STATUS' ? [] : await untilAnswered(second.events, id);
      const all = [...before, ...after];
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      const answer = (await message(customer, id))!;
      expect(answer.status).toBe('COMPLETE');
      expect(
        deltasOf(all, id)
          .map((e) => e.text)
          .join(''),
      ).toBe(answer.text);
    });

    it('a second gateway instance streams what was sent through the first', async () => {
      const sent = await send(customer, 'Can I use single sign-on?', undefined, gatewayA);
      const { events } = stream(customer, sent.conversation.id, 0, gatewayB);
      const read = await untilAnswered(events, sent.assistantMessage!.id);
      expect(read.at(-1)!.status).toBe('COMPLETE');
      expect(read.map((e) => e.seq)).toEqual(read.map((_, i) => i + 1));
    });

    it('an answer whose chat instance died is finished as FAILED by another instance, with the text streamed before', async () => {
      const sent = await send(customer, 'What happens to my data when I delete my account, and how long does it take?');
      process.kill(chat.pid, 'SIGKILL');
      await chat.exited;
      chat = await startSubgraph('chat', chatEnv);
      const { events } = stream(customer, sent.conversation.id, 0);
      const read = await untilAnswered(events, sent.assistantMessage!.id);
      expect(read.at(-1)).toMatchObject({ kind: 'STATUS', status: 'FAILED' });
      const answer = (await message(customer, sent.assistantMessage!.id))!;
      expect(answer.status).toBe('FAILED');
      expect(
        deltasOf(read, sent.assistantMessage!.id)
          .map((e) => e.text)
          .join(''),
      ).toBe(answer.text);
    });
  });

  describe('prompt injection', () => {
    it('a passage with injected instructions never reaches the prompt: same system prompt, the rest of the page still answers, no leak', async () => {
      const injection = site.manifest.pages.find((p) => p.promptInjection)!;
      const { sent, answer } = await ask(customer, 'What do the comments on the power-user tips say about the Business plan?');
      const id = sent.assistantMessage!.id;
      expect(retrievedUrls(id)).toContain(url(injection.path));
      // The passage holding the injected sentence was left out, and said so in the log.
      const [withheld] = chatLog(id, 'passages with instructions to the assistant were left out of the prompt');
      expect((withheld!.pages as string[]).some((u) => u.startsWith(url(injection.path)))).toBe(true);
      const [built] = chatLog(id, 'answer prompt built');
      if (built) {
        const prompt = built.prompt as { role: string; content: string }[];
        // The structure does not change: the fixed system prompt and examples (the shared prefix), then one user message.
        const fixed = buildAnswerPrompt('any question', []).slice(0, -1);
        expect(prompt.slice(0, -1)).toEqual(fixed);
        expect(prompt.at(-1)!.role).toBe('user');
        expect(prompt[0]!.content).toBe(SYSTEM_PROMPT);
        const user = prompt.at(-1)!.content;
        expect(user).not.toContain(injection.promptInjection!);
        expect(user).not.toContain('free forever');
        expect(user.match(/<document /g)!.length).toBe(user.match(/<\/document>/g)!.length);
      }
      // Neither the planted "fact" nor the system prompt reaches the answer.
      expect(answer.status).toBe('COMPLETE');
      expect(answer.text.toLowerCase()).not.toContain('free forever');
      expect(answer.text).not.toContain(SYSTEM_PROMPT_CANARY);
      for (const line of SYSTEM_PROMPT.split('\n').slice(1)) expect(answer.text).not.toContain(line.slice(3, 60));
    });
  });

  describe('access', () => {
    it('a customer never gets passages of a source restricted to agents; an agent does', async () => {
      const question = 'How much does the Pro plan cost per seat per month?';
      const asCustomer = await ask(customer, question);
      const customerUrls = [...retrievedUrls(asCustomer.sent.assistantMessage!.id), ...(asCustomer.answer.citations as { url: string }[]).map((c) => c.url)];
      expect(customerUrls.filter((u) => u.startsWith(url('/billing/')))).toEqual([]);
      const asAgent = await ask(agent, question);
      expect(retrievedUrls(asAgent.sent.assistantMessage!.id)).toContain(url('/billing/pricing'));
      // The cache is per role, so the agent's answer never reaches a customer either.
      const again = await ask(otherCustomer, question);
      expect((again.answer.citations as { url: string }[]).filter((c) => c.url.startsWith(url('/billing/')))).toEqual([]);
    });

    it('another organization’s content never appears', async () => {
      const question = 'Why do I see a blank box instead of my widget?';
      const ours = await ask(customer, question);
      const urls = [...retrievedUrls(ours.sent.assistantMessage!.id), ...(ours.answer.citations as { url: string }[]).map((c) => c.url)];
      expect(urls.filter((u) => u.startsWith(url('/docs/troubleshooting/')))).toEqual([]);
      // Control: in the organization that crawled it, the page is found.
      const theirs = await ask(foreignCustomer, question);
      expect(retrievedUrls(theirs.sent.assistantMessage!.id)[0]).toBe(url('/docs/troubleshooting/widget-not-loading'));
    });

    it('a customer can neither read nor stream another customer’s conversation; agents and the other organization see what they should', async () => {
      const sent = await send(customer, 'Hello, I need help with my account.');
      const read = (session: Session) => gql(session, 'query($id: ID!) { conversation(id: $id) { id } }', { id: sent.conversation.id });
      expect((await read(otherCustomer)).body.data!.conversation).toBeNull();
      expect((await read(foreignAdmin)).body.data!.conversation).toBeNull();
      expect((await read(agent)).body.data!.conversation).toEqual({ id: sent.conversation.id });
      const refused = stream(otherCustomer, sent.conversation.id);
      await expect(refused.events.next(10_000)).resolves.toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
      const listed = await gql(otherCustomer, '{ conversations(first: 100) { conversations { id } } }');
      expect(listed.body.data!.conversations.conversations.map((c: { id: string }) => c.id)).not.toContain(sent.conversation.id);
      const agents = await gql(agent, '{ conversations(first: 100) { conversations { id } } }');
      expect(agents.body.data!.conversations.conversations.map((c: { id: string }) => c.id)).toContain(sent.conversation.id);
      const intruder = await gql(otherCustomer, SEND, { i: { text: 'me too', conversationId: sent.conversation.id } });
      expect(intruder.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('hand-off, feedback and cache', () => {
    it('escalate: the agent sees it, replies, and the customer receives the reply on the same stream', async () => {
      const { sent } = await ask(customer, 'Can I get a refund for my annual plan?');
      const conversationId = sent.conversation.id;
      const inbox = collect(socket(agent, gatewayB), 'subscription { conversationUpdated { id status customer { id displayName } assignedAgent { id } } }');
      await waitForChannelSubscribers(subscriptionTopic('conversationUpdated', {}, agent.orgId), 1);
      const { events: customerStream } = stream(customer, conversationId, null, gatewayA);
      await waitForChannelSubscribers(subscriptionTopic('messageStream', { conversationId }, customer.orgId), 1);

      const escalated = await gql(customer, 'mutation($c: ID!) { escalate(conversationId: $c) { status escalatedAt } }', { c: conversationId });
      expect(escalated.body.data!.escalate).toMatchObject({ status: 'WAITING_FOR_AGENT' });
      expect((await inbox.next(10_000)).data!.conversationUpdated).toEqual({
        id: conversationId,
        status: 'WAITING_FOR_AGENT',
        customer: { id: customer.userId, displayName: 'CUSTOMER person' },
        assignedAgent: null,
      });
      expect((await customerStream.next(10_000)).data!.messageStream).toMatchObject({ kind: 'CONVERSATION_STATUS', conversationStatus: 'WAITING_FOR_AGENT' });
      const waiting = await gql(agent, '{ conversations(status: WAITING_FOR_AGENT, first: 100) { conversations { id } } }');
      expect(waiting.body.data!.conversations.conversations.map((c: { id: string }) => c.id)).toContain(conversationId);

      // The agent reads the history and follows the stream from where the history ends.
      const history = await gql(
        agent,
        'query($id: ID!) { conversation(id: $id) { lastSeq messages { messages { role } } } }',
        { id: conversationId },
        gatewayB,
      );
      expect(history.body.data!.conversation.messages.messages.map((m: { role: string }) => m.role)).toEqual(['USER', 'ASSISTANT']);
      const { events: agentStream } = stream(agent, conversationId, history.body.data!.conversation.lastSeq, gatewayB);
      await waitForChannelSubscribers(subscriptionTopic('messageStream', { conversationId }, agent.orgId), 2);

      const replied = await gql(
        agent,
        'mutation($i: AgentReplyInput!) { agentReply(input: $i) { id role author { id } } }',
        {
          i: { conversationId, text: 'Hi, I am Sam from support. Yes, within 30 days.' },
        },
        gatewayB,
      );
      expect(replied.body.errors).toBeUndefined();
      expect(replied.body.data!.agentReply).toMatchObject({ role: 'AGENT', author: { id: agent.userId } });
      const statusEvent = (await customerStream.next(10_000)).data!.messageStream;
      expect(statusEvent).toMatchObject({ kind: 'CONVERSATION_STATUS', conversationStatus: 'WITH_AGENT' });
      const agentMessage = (await customerStream.next(10_000)).data!.messageStream;
      expect(agentMessage).toMatchObject({
        kind: 'AGENT_MESSAGE',
        seq: statusEvent.seq + 1,
        message: { role: 'AGENT', text: 'Hi, I am Sam from support. Yes, within 30 days.', author: { id: agent.userId, displayName: 'AGENT person' } },
      });
      expect((await inbox.next(10_000)).data!.conversationUpdated).toMatchObject({ status: 'WITH_AGENT', assignedAgent: { id: agent.userId } });

      // The customer's next message goes to the agent, not to the assistant.
      const next = await send(customer, 'Great, how do I start it?', conversationId);
      expect(next.assistantMessage).toBeNull();
      expect(next.conversation.status).toBe('WITH_AGENT');
      const seen = [(await agentStream.next(10_000)).data!.messageStream];
      while (seen.at(-1)!.kind !== 'USER_MESSAGE') seen.push((await agentStream.next(10_000)).data!.messageStream);
      expect(seen.at(-1)!.message).toMatchObject({ text: 'Great, how do I start it?', author: { id: customer.userId } });
      // Customers cannot reply as agents.
      const forged = await gql(customer, 'mutation($i: AgentReplyInput!) { agentReply(input: $i) { id } }', { i: { conversationId, text: 'x' } });
      expect(forged.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('stores thumbs and a comment on an answer', async () => {
      const { sent } = await ask(customer, 'Is single sign-on available on the Starter plan?');
      const id = sent.assistantMessage!.id;
      const rated = await gql(customer, 'mutation($i: RateAnswerInput!) { rateAnswer(input: $i) { id feedback { rating comment createdAt } } }', {
        i: { messageId: id, rating: 'DOWN', comment: 'Not what I asked.' },
      });
      expect(rated.body.errors).toBeUndefined();
      expect(rated.body.data!.rateAnswer.feedback).toMatchObject({ rating: 'DOWN', comment: 'Not what I asked.' });
      await gql(customer, 'mutation($i: RateAnswerInput!) { rateAnswer(input: $i) { id } }', { i: { messageId: id, rating: 'UP' } });
      const rows = await queryDatabase<{ feedback_rating: string; feedback_comment: string | null }>(
        'select feedback_rating, feedback_comment from chat.messages where id = $1',
        [id],
      );
      expect(rows).toEqual([{ feedback_rating: 'up', feedback_comment: null }]);
      const agentView = await message(agent, id);
      expect(agentView!.feedback).toEqual({ rating: 'UP', comment: null });
      const foreign = await gql(otherCustomer, 'mutation($i: RateAnswerInput!) { rateAnswer(input: $i) { id } }', { i: { messageId: id, rating: 'DOWN' } });
      expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const userMessage = await gql(customer, 'mutation($i: RateAnswerInput!) { rateAnswer(input: $i) { id } }', {
        i: { messageId: sent.userMessage.id, rating: 'UP' },
      });
      expect(userMessage.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers an identical question from the cache, until a re-crawl changes the knowledge', async () => {
      const question = 'How long do I have to accept an invitation to a workspace?';
      const first = await ask(customer, question);
      expect(first.answer.fromCache).toBe(false);
      const second = await ask(otherCustomer, `  ${question.toLowerCase()}  `);
      expect(second.answer).toMatchObject({
        fromCache: true,
        status: 'COMPLETE',
        text: first.answer.text,
        citations: first.answer.citations,
        confidence: first.answer.confidence,
      });
      expect(chatLog(second.sent.assistantMessage!.id, 'answer prompt built')).toEqual([]);
      expect(
        deltasOf(second.events, second.sent.assistantMessage!.id)
          .map((e) => e.text)
          .join(''),
      ).toBe(first.answer.text);

      await crawl(curator, {}, sources.community);
      const third = await ask(customer, question);
      expect(third.answer.fromCache).toBe(false);
      expect(chatLog(third.sent.assistantMessage!.id, 'answer prompt built')).toHaveLength(1);
    });
  });
});
