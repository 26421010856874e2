import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, registerAdmin, startSystem, TEST_PASSWORD, type ServiceProcess, type Session } from '@scs/test-support';

describe('federated queries through the gateway', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;
  let admin: Session;

  beforeAll(async () => {
    system = await startSystem(1);
    gateway = system.gateways[0]!;
    admin = await registerAdmin(gateway, 'Federation');
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
      undefined,
      admin.headers,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const s = body.data!.systemStatus;
    const details = (service: { dependencies: { name: string; detail: string }[] }) => Object.fromEntries(service.dependencies.map((d) => [d.name, d.detail]));
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
    const conversationId = randomUUID();
    const posted = await graphqlRequest(
      gateway.baseUrl,
      'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }',
      { i: { conversationId, text: 'How do I reset my password?' } },
      admin.headers,
    );
    expect(posted.body.errors).toBeUndefined();

    const { body } = await graphqlRequest(
      gateway.baseUrl,
      'query($c: ID!) { chatMessages(conversationId: $c) { text author { id displayName email } } }',
      { c: conversationId },
      admin.headers,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.chatMessages).toEqual([
      { text: 'How do I reset my password?', author: { id: admin.userId, displayName: 'Federation', email: admin.email } },
    ]);
  });

  it('rejects bad input with BAD_USER_INPUT and stores nothing', async () => {
    const register = (email: string, displayName: string) =>
      graphqlRequest(gateway.baseUrl, 'mutation($i: RegisterInput!) { register(input: $i) { user { id } } }', {
        i: { email, displayName, password: TEST_PASSWORD, organizationName: 'Bad Input Inc' },
      });
    const invalid = await register('not-an-email', '');
    expect(invalid.body.data).toBeNull();
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid.body)).not.toMatch(/stacktrace|at \w+ \(/);

    const duplicate = await register(admin.email.toUpperCase(), 'Second');
    expect(duplicate.body.errors?.[0]).toMatchObject({ message: 'A user with this email already exists.', extensions: { code: 'BAD_USER_INPUT' } });
    const { body } = await graphqlRequest(gateway.baseUrl, '{ members { user { email } } }', undefined, admin.headers);
    expect(body.data!.members).toEqual([{ user: { email: admin.email } }]);
  });

  it('carries one correlation id from the gateway to the subgraphs and into their JSON logs', async () => {
    const correlationId = `test-${randomUUID()}`;
    const { headers, body } = await graphqlRequest(gateway.baseUrl, '{ systemStatus { users { ready } chat { ready } } }', undefined, {
      'x-correlation-id': correlationId,
      ...admin.headers,
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
