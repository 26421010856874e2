import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, startSystem, type ServiceProcess } from '@scs/test-support';

describe('federated queries through the gateway', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    system = await startSystem(1);
    gateway = system.gateways[0]!;
  });
  afterAll(() => system?.stop());

  it('one query reaches all four subgraphs, each reporting its real dependencies', async () => {
    const { status, body } = await graphqlRequest(
      gateway.baseUrl,
      `{ systemStatus { id
          users { service ready dependencies { name ok detail } }
          knowledge { service ready dependencies { name ok detail } }
          chat { service ready dependencies { name ok detail } }
          analytics { service ready dependencies { name ok detail } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const s = body.data!.systemStatus;
    const details = (service: { dependencies: { name: string; detail: string }[] }) =>
      Object.fromEntries(service.dependencies.map((d) => [d.name, d.detail]));
    expect(s.users).toMatchObject({ service: 'users', ready: true });
    expect(details(s.users).postgresql).toMatch(/^PostgreSQL 15\./);
    expect(s.chat).toMatchObject({ service: 'chat', ready: true });
    expect(details(s.chat).redis).toMatch(/^Redis 7\./);
    expect(s.knowledge).toMatchObject({ service: 'knowledge', ready: true });
    expect(details(s.knowledge).opensearch).toMatch(/^OpenSearch 2\.19/);
    expect(details(s.knowledge).temporal).toMatch(/^Temporal server /);
    expect(s.analytics).toMatchObject({ service: 'analytics', ready: true });
  });

  it('resolves an entity across subgraphs: a chat message and its author from users', async () => {
    const email = `ada-${randomUUID()}@example.com`;
    const created = await graphqlRequest(gateway.baseUrl, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id email } }', {
      i: { email: email.toUpperCase(), displayName: 'Ada Lovelace' },
    });
    expect(created.body.errors).toBeUndefined();
    const user = created.body.data!.createUser;
    expect(user.email).toBe(email);

    const conversationId = randomUUID();
    const posted = await graphqlRequest(gateway.baseUrl, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', {
      i: { conversationId, authorId: user.id, text: 'How do I reset my password?' },
    });
    expect(posted.body.errors).toBeUndefined();

    const { body } = await graphqlRequest(
      gateway.baseUrl,
      'query($c: ID!) { chatMessages(conversationId: $c) { text author { id displayName email } } }',
      { c: conversationId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.chatMessages).toEqual([
      { text: 'How do I reset my password?', author: { id: user.id, displayName: 'Ada Lovelace', email } },
    ]);
  });

  it('rejects bad input with BAD_USER_INPUT and stores nothing', async () => {
    const count = async () => {
      const { body } = await graphqlRequest(gateway.baseUrl, '{ users(first: 100) { id } }');
      return (body.data!.users as unknown[]).length;
    };
    const before = await count();
    const invalid = await graphqlRequest(gateway.baseUrl, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { email: 'not-an-email', displayName: '' },
    });
    expect(invalid.body.data).toBeNull();
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid.body)).not.toMatch(/stacktrace|at \w+ \(/);

    const email = `dup-${randomUUID()}@example.com`;
    const first = await graphqlRequest(gateway.baseUrl, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { email, displayName: 'First' },
    });
    expect(first.body.errors).toBeUndefined();
    const duplicate = await graphqlRequest(gateway.baseUrl, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { email: email.toUpperCase(), displayName: 'Second' },
    });
    expect(duplicate.body.errors?.[0]).toMatchObject({ message: 'A user with this email already exists.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await count()).toBe(before + 1);
  });

  it('carries one correlation id from the gateway to the subgraphs and into their JSON logs', async () => {
    const correlationId = `test-${randomUUID()}`;
    const { headers, body } = await graphqlRequest(gateway.baseUrl, '{ systemStatus { users { ready } chat { ready } } }', undefined, {
      'x-correlation-id': correlationId,
    });
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-correlation-id')).toBe(correlationId);
    for (const service of [gateway, system.subgraphs.users, system.subgraphs.chat]) {
      // Log lines travel through a pipe after the response; give them a moment.
      const lines = () => service.logLines().filter((line) => line.correlationId === correlationId);
      await expect.poll(() => lines().length, { timeout: 5_000, message: `${service.name} logged the request` }).toBeGreaterThan(0);
      expect(lines()[0]).toMatchObject({ level: 'info', service: service.name.split(':')[0], path: '/graphql' });
    }
  });
});
