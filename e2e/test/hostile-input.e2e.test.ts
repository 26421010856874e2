import { randomUUID } from 'node:crypto';
import { signAccessToken } from '@scs/graphql-kit/auth/access-token';
import { signIdentity } from '@scs/graphql-kit/auth/identity';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import { serverAudits } from 'graphql-http';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createApiKey,
  graphqlRequest,
  registerAdmin,
  startGateway,
  startSystem,
  TEST_PASSWORD,
  TEST_PORTS,
  TEST_SECRETS,
  waitForChannelSubscribers,
  wsClient,
  type GraphQLResponse,
  type ServiceProcess,
  type Session,
  GENEROUS_RATE_LIMITS,
} from '@scs/test-support';

/**
 * Hostile input through the public gateway: each attempt gets a clear, documented error, reveals
 * nothing internal, and changes nothing (checked by re-reading the organization's state).
 */

const SQL = "' OR 1=1 --";
const SQL_VARIANTS = [SQL, "admin'--", "'; DROP TABLE users.users; --", '1; SELECT pg_sleep(5)', '" OR ""="'];

/** Nothing in a response may reveal stacks, file paths, SQL or the services behind the gateway. */
function expectNoInternals(raw: string, context = ''): void {
  // Error messages may quote the caller's own input back; only what the service adds counts.
  let text = raw;
  for (const echo of SQL_VARIANTS) text = text.split(JSON.stringify(echo).slice(1, -1)).join('<input>').split(echo).join('<input>');
  expect(text, context).not.toMatch(/stack/i);
  expect(text, context).not.toMatch(/\bat \/|\bat \w[\w.<>]* \(|node_modules|\/work\/|dist\/|\.[jt]s:\d+/);
  expect(text, context).not.toMatch(/insert into|delete from|update \S+ set|\bselect\b[^"]*\bfrom\b|syntax error at or near|violates|relation "|pg_|postgres/i);
  expect(text, context).not.toMatch(/127\.0\.0\.1:\d+|localhost:\d+|x-scs-identity/i);
}

interface RawResponse {
  status: number;
  text: string;
  json?: GraphQLResponse;
  headers: Headers;
}

/** POSTs an arbitrary body (already serialised) and returns the raw answer. */
async function post(baseUrl: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let json: GraphQLResponse | undefined;
  try {
    json = JSON.parse(text) as GraphQLResponse;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** The first answer to one operation on a fresh WebSocket connection: a result, an error, the socket closing, or (after `waitMs`) nothing. */
async function overSocket(
  baseUrl: string,
  params: Record<string, unknown> | undefined,
  query: string,
  waitMs = 2_000,
): Promise<{ kind: 'next' | 'error' | 'closed' | 'none'; payload: unknown; text: string }> {
  let closed: { code: number; reason: string } | undefined;
  const client = wsClient(baseUrl, params, (event) => (closed = { code: event.code, reason: event.reason }));
  try {
    const answer = await new Promise<{ kind: 'next' | 'error' | 'closed' | 'none'; payload: unknown }>((resolve) => {
      client.subscribe(
        { query },
        {
          next: (payload) => resolve({ kind: 'next', payload }),
          error: (payload) =>
            resolve(
              Array.isArray(payload)
                ? { kind: 'error', payload }
                : payload instanceof Error
                  ? { kind: 'error', payload: { message: payload.message } }
                  : { kind: 'closed', payload: closed ?? { code: (payload as { code?: number }).code, reason: (payload as { reason?: string }).reason } },
            ),
          complete: () => undefined,
        },
      );
      // A subscription that passes validation just waits for events: no answer is an answer too.
      setTimeout(() => resolve({ kind: 'none', payload: null }), waitMs);
    });
    return { ...answer, text: JSON.stringify(answer.payload) };
  } finally {
    await client.dispose();
  }
}

interface RawSocket {
  ws: WebSocket;
  /** Raw frames received, as text. */
  received: string[];
  send: (message: Record<string, unknown>) => void;
  /** The next message not yet read (parsed). */
  message: (timeoutMs?: number) => Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  readonly closedWith: { code: number; reason: string } | undefined;
}

/** A graphql-transport-ws socket without a client library, to send what a library would not. */
async function rawSocket(baseUrl: string): Promise<RawSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const received: string[] = [];
  let cursor = 0;
  let closedWith: { code: number; reason: string } | undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve((closedWith = { code, reason: reason.toString() }))),
  );
  ws.on('message', (data) => received.push(data.toString()));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return {
    ws,
    received,
    send: (message) => ws.send(JSON.stringify(message)),
    async message(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length <= cursor) {
        if (Date.now() > deadline) throw new Error(`no message within ${timeoutMs} ms (closed: ${JSON.stringify(closedWith)})`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return JSON.parse(received[cursor++]!) as Record<string, unknown>;
    },
    closed,
    get closedWith() {
      return closedWith;
    },
  };
}

describe('hostile input through the gateway', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;
  let admin: Session;
  let customer: Session;
  let partnerKey: { id: string; secret: string };

  beforeAll(async () => {
    system = await startSystem(1, GENEROUS_RATE_LIMITS);
    gateway = system.gateways[0]!;
    admin = await registerAdmin(gateway, 'Hostile Admin');
    customer = await addMember(gateway, system.subgraphs.users, admin, 'CUSTOMER');
    partnerKey = await createApiKey(gateway, admin, 'PARTNER', ['schema:introspect', 'search:query']);
  });
  afterAll(() => system?.stop());

  const gql = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    graphqlRequest(gateway.baseUrl, query, variables, headers);

  /** What the organization looks like to its admin: members, keys, role mapping, audit trail, messages. */
  async function snapshot() {
    const { body } = await gql(
      `{ members(first: 100) { user { id email displayName } role }
         apiKeys { id revokedAt scopes }
         rolePermissions { role permissions }
         me { user { displayName } role } }`,
      undefined,
      admin.headers,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    let audit = 0;
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof gql>> = await gql(
        'query($after: String) { auditLog(first: 100, after: $after) { entries { id } nextCursor } }',
        { after },
        admin.headers,
      );
      expect(page.body.errors).toBeUndefined();
      audit += page.body.data!.auditLog.entries.length;
      after = page.body.data!.auditLog.nextCursor;
      if (!after) break;
    }
    return { ...body.data, audit };
  }

  /** Runs `attempt`, then checks the organization's state is exactly as before. */
  async function changesNothing(attempt: () => Promise<void>): Promise<void> {
    const before = await snapshot();
    await attempt();
    expect(await snapshot()).toEqual(before);
  }

  describe('oversized input', () => {
    it('a 1 MB body is refused with 413 and no internals', async () => {
      await changesNothing(async () => {
        const huge = JSON.stringify({
          query: 'mutation($i: RegisterInput!) { register(input: $i) { user { id } } }',
          variables: {
            i: { email: `big-${randomUUID()}@example.com`, password: TEST_PASSWORD, displayName: 'x'.repeat(1024 * 1024), organizationName: 'Big Inc' },
          },
        });
        const response = await post(gateway.baseUrl, huge, admin.headers);
        expect(response.status).toBe(413);
        expectNoInternals(response.text, response.text.slice(0, 500));
      });
    });

    it('a 100 kB displayName is refused (over the body limit) and a 50 kB one with BAD_USER_INPUT', async () => {
      await changesNothing(async () => {
        const register = (displayName: string) =>
          post(
            gateway.baseUrl,
            JSON.stringify({
              query: 'mutation($i: RegisterInput!) { register(input: $i) { user { id } } }',
              variables: { i: { email: `long-${randomUUID()}@example.com`, password: TEST_PASSWORD, displayName, organizationName: 'Long Inc' } },
            }),
          );
        const hundred = await register('x'.repeat(100 * 1024));
        expect(hundred.status).toBe(413);
        expectNoInternals(hundred.text, hundred.text.slice(0, 500));

        const fifty = await register('x'.repeat(50 * 1024));
        expect(fifty.json?.data ?? null).toBeNull();
        expect(fifty.json?.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
        expect(fifty.json?.errors?.[0]?.message).toMatch(/displayName must be 1 to 100 characters/);
        expectNoInternals(fifty.text);
      });
    });

    it('a 20 kB token and display name on acceptInvitation, a 50 kB email on login and a 10 kB password are refused cleanly', async () => {
      await changesNothing(async () => {
        const login = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
          i: { email: `${'a'.repeat(50_000)}@example.com`, password: 'x'.repeat(10_000) },
        });
        expect(login.body.data ?? null).toBeNull();
        expect(['BAD_USER_INPUT', 'UNAUTHENTICATED']).toContain(login.body.errors?.[0]?.extensions?.code);
        expectNoInternals(JSON.stringify(login.body));

        const accept = await gql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { accessToken } }', {
          i: { token: 'x'.repeat(20_000), displayName: 'y'.repeat(20_000), password: TEST_PASSWORD },
        });
        expect(accept.body.data ?? null).toBeNull();
        expect(accept.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expectNoInternals(JSON.stringify(accept.body));
      });
    });

    it('malformed JSON is refused with 400 and no internals', async () => {
      const response = await post(gateway.baseUrl, '{"query": "{ me { role } }", ');
      expect(response.status).toBe(400);
      expectNoInternals(response.text, response.text.slice(0, 500));
    });
  });

  describe('operation limits', () => {
    const limitError = (body: GraphQLResponse | undefined, pattern: RegExp) => {
      expect(body?.data ?? null).toBeNull();
      expect(body?.errors?.length).toBeGreaterThan(0);
      expect(body?.errors?.[0]?.message).toMatch(pattern);
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']).toContain(body?.errors?.[0]?.extensions?.code);
      expectNoInternals(JSON.stringify(body));
    };

    it('the schema has no recursive path, so depth is tested with nested inline fragments (limit 12)', async () => {
      // Deepest real selection: me.memberships.organization.id (4 levels) — far below the limit.
      const real = await gql('{ me { memberships { organization { id } } } }', undefined, admin.headers);
      expect(real.body.errors).toBeUndefined();

      const nested = (levels: number) => `{ ${'... on Query { '.repeat(levels)}__typename${' }'.repeat(levels)} }`;
      // Depth counts the fragments: `levels` fragments + the field itself.
      const ok = await gql(nested(11), undefined, admin.headers);
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data).toEqual({ __typename: 'Query' });

      const deep = await gql(nested(12), undefined, admin.headers);
      limitError(deep.body, /depth limit of 12 exceeded, found 13/i);
      const anonymous = await gql(nested(12));
      limitError(anonymous.body, /depth limit of 12 exceeded/i);
      // Far deeper nesting also trips the cost limit; either way nothing runs.
      const deeper = await gql(nested(40), undefined, admin.headers);
      limitError(deeper.body, /depth limit of 12 exceeded|cost limit of \d+ exceeded/i);
    });

    it('named fragment spreads count towards depth too', async () => {
      const fragments = Array.from({ length: 13 }, (_, i) => `fragment F${i} on Query { ${i === 12 ? '__typename' : `...F${i + 1}`} }`).join('\n');
      const { body } = await gql(`{ ...F0 }\n${fragments}`, undefined, admin.headers);
      // Chained spreads multiply the estimated cost too, so the cost limit may be the first to say no.
      limitError(body, /depth limit of 12 exceeded|cost limit of \d+ exceeded/i);
    });

    it('more than 15 aliases are refused, 15 are fine (__typename aliases count like any other)', async () => {
      const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
      expect((await gql(typenames(15), undefined, admin.headers)).body.errors).toBeUndefined();
      // 500 aliases are ~1,500 tokens, under the token limit: the alias limit is what refuses them.
      for (const headers of [{}, admin.headers]) limitError((await gql(typenames(500), undefined, headers)).body, /aliases limit of 15 exceeded, found 500/i);
      const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { role }`).join(' ')} }`;
      const ok = await gql(aliases(15), undefined, admin.headers);
      expect(ok.body.errors).toBeUndefined();
      const tooMany = await gql(aliases(16), undefined, admin.headers);
      limitError(tooMany.body, /aliases limit of 15 exceeded/i);
      // Aliased expensive fields, the classic amplification.
      const amplified = await gql(`{ ${Array.from({ length: 50 }, (_, i) => `s${i}: systemStatus { id }`).join(' ')} }`, undefined, admin.headers);
      limitError(amplified.body, /aliases limit of 15 exceeded/i);
    });

    it('lists nested in lists are refused by their estimated cost, whatever their depth', async () => {
      // 200 conversations × 200 messages × their citations: a few levels deep, but millions of objects.
      const { body } = await gql(
        '{ conversations(first: 200) { conversations { id messages(first: 200) { messages { id text citations { url snippet } } } } } }',
        undefined,
        admin.headers,
      );
      limitError(body, /cost limit of \d+ exceeded/i);
    });

    it('more than 2000 tokens are refused, as a 400 syntax error', async () => {
      const { status, body } = await gql(`{ ${'__typename '.repeat(2_100)}}`, undefined, admin.headers);
      expect(status).toBe(400);
      limitError(body, /contains more th(an|at) 2000 tokens/i);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('more than 30 directives are refused', async () => {
      const { body } = await gql(`{ __typename ${'@include(if: true) '.repeat(40)}}`, undefined, admin.headers);
      limitError(body, /directives limit of 30 exceeded/i);
    });

    it('a batched request (JSON array body) is refused and runs nothing', async () => {
      await changesNothing(async () => {
        const operation = {
          query: 'mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }',
          variables: { i: { email: `batch-${randomUUID()}@example.com`, role: 'CUSTOMER' } },
        };
        const response = await post(gateway.baseUrl, JSON.stringify([operation, operation]), admin.headers);
        expect(response.status).toBe(400);
        expect(response.text).toMatch(/batch/i);
        expectNoInternals(response.text);
      });
    });
  });

  describe('malformed credentials', () => {
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeAll(async () => {
      before = await snapshot();
    });
    const expectUnauthenticated = (response: { status: number; body?: GraphQLResponse; json?: GraphQLResponse }, message: RegExp | string) => {
      const body = response.body ?? response.json;
      expect(response.status).toBe(401);
      expect(body?.data ?? null).toBeNull();
      expect(body?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      if (typeof message === 'string') expect(body?.errors?.[0]?.message).toBe(message);
      else expect(body?.errors?.[0]?.message).toMatch(message);
      expectNoInternals(JSON.stringify(body));
    };
    const INVALID_TOKEN = 'The access token is malformed or its signature is invalid.';

    it('a garbage bearer token', async () => {
      for (const token of ['garbage', 'a.b.c', `${'x'.repeat(5_000)}`, SQL.replace(/ /g, '')]) {
        expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization: `Bearer ${token}` }), INVALID_TOKEN);
      }
    });

    it('a token with alg=none', async () => {
      const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claimsOf(admin.accessToken), role: 'admin' })}.`;
      expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization: `Bearer ${none}` }), INVALID_TOKEN);
    });

    it('a token signed with another secret, and a customer token with its payload changed to admin', async () => {
      const claims = claimsOf(customer.accessToken);
      const forged = await signAccessToken(
        { userId: String(claims.sub), orgId: String(claims.org), role: 'admin', sessionId: String(claims.sid) },
        'another-secret-that-is-long-enough-0123456789',
        600,
      );
      expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization: `Bearer ${forged.token}` }), INVALID_TOKEN);

      const [header, , signature] = customer.accessToken.split('.');
      const tampered = `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
      expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization: `Bearer ${tampered}` }), INVALID_TOKEN);
    });

    it('the gateway’s signed identity presented as an access token', async () => {
      const identity = await signIdentity(
        { kind: 'user', userId: admin.userId, orgId: admin.orgId, role: 'admin', permissions: [], sessionId: randomUUID(), ip: '1.2.3.4' },
        TEST_SECRETS.IDENTITY_SIGNING_SECRET,
      );
      expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization: `Bearer ${identity}` }), INVALID_TOKEN);
    });

    it('an expired token', async () => {
      const claims = claimsOf(admin.accessToken);
      const expired = await signAccessToken(
        { userId: String(claims.sub), orgId: String(claims.org), role: 'admin', sessionId: String(claims.sid) },
        TEST_SECRETS.AUTH_JWT_SECRET,
        -60,
      );
      expectUnauthenticated(
        await gql('{ me { role } }', undefined, { authorization: `Bearer ${expired.token}` }),
        'The access token has expired; refresh the session.',
      );
    });

    it('a malformed Authorization header', async () => {
      for (const authorization of ['Basic dXNlcjpwYXNz', `Bearer ${admin.accessToken} extra`, 'Bearer', 'Token abc']) {
        expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization }), /Authorization header must be/);
      }
    });

    it('malformed, forged, overlong and SQL-looking API keys', async () => {
      const [, prefix] = /^scs_([a-z0-9]+)_/.exec(partnerKey.secret)!;
      const keys = [
        'garbage',
        `scs_${prefix}_${'A'.repeat(43)}`,
        `${partnerKey.secret.slice(0, -1)}${partnerKey.secret.endsWith('A') ? 'B' : 'A'}`,
        SQL.replace(/ /g, '+'),
        `scs_${prefix}_'OR'1'='1`,
      ];
      for (const key of keys) {
        expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization: `ApiKey ${key}` }), 'The API key is not valid, revoked or expired.');
        expectUnauthenticated(await gql('{ me { role } }', undefined, { 'x-api-key': key }), 'The API key is not valid, revoked or expired.');
      }
      expectUnauthenticated(await gql('{ me { role } }', undefined, { authorization: `ApiKey ${'k'.repeat(5_000)}` }), /The API key is not valid/);
      // The real key still works.
      const ok = await gql('{ me { apiKeyId } }', undefined, { authorization: `ApiKey ${partnerKey.secret}` });
      expect(ok.body.data).toEqual({ me: { apiKeyId: partnerKey.id } });
    });

    it('bad credentials on a WebSocket close the connection with 4401 and a clear reason', async () => {
      const claims = claimsOf(admin.accessToken);
      const expired = await signAccessToken(
        { userId: String(claims.sub), orgId: String(claims.org), role: 'admin', sessionId: String(claims.sid) },
        TEST_SECRETS.AUTH_JWT_SECRET,
        -60,
      );
      for (const [params, reason] of [
        [{ authorization: 'Bearer garbage' }, /Unauthorized: The access token is malformed/],
        [{ authorization: `Bearer ${expired.token}` }, /Unauthorized: The access token has expired/],
        [{ authorization: 'ApiKey garbage' }, /Unauthorized: The API key is not valid/],
        [{ apiKey: SQL }, /Unauthorized: The API key is not valid/],
      ] as const) {
        const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
          const client = wsClient(gateway.baseUrl, params, resolve);
          client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
        });
        expect(closed.code).toBe(4401);
        expect(closed.reason).toMatch(reason);
        expectNoInternals(closed.reason);
      }
    });

    it('and all of it changed nothing', async () => {
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('SQL-looking input', () => {
    const ALLOWED = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'NOT_FOUND'];
    const clean = (body: GraphQLResponse, context: string) => {
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      expect(codes, context).not.toContain('INTERNAL_SERVER_ERROR');
      for (const code of codes) expect(ALLOWED, `${context}: ${JSON.stringify(body.errors)}`).toContain(code);
      expectNoInternals(JSON.stringify(body), context);
    };

    it('as email and password on login and register', async () => {
      await changesNothing(async () => {
        for (const value of SQL_VARIANTS) {
          const login = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: value, password: value } });
          expect(login.body.data ?? null).toBeNull();
          expect(login.body.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } });
          clean(login.body, `login ${value}`);

          const withOrg = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
            i: { email: `${value}@example.com`, password: value, organizationId: value },
          });
          expect(withOrg.body.errors?.length).toBeGreaterThan(0);
          clean(withOrg.body, `login+org ${value}`);

          const register = await gql('mutation($i: RegisterInput!) { register(input: $i) { user { id } } }', {
            i: { email: value, password: `${value}${value}`, displayName: value, organizationName: value },
          });
          expect(register.body.data ?? null).toBeNull();
          expect(register.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
          clean(register.body, `register ${value}`);
        }
        // The admin's own account is unaffected.
        const again = await gql('mutation($i: LoginInput!) { login(input: $i) { role } }', { i: { email: admin.email, password: TEST_PASSWORD } });
        expect(again.body.data).toEqual({ login: { role: 'ADMIN' } });
      });
    });

    it('as ids, tokens, cursors and filters', async () => {
      await changesNothing(async () => {
        for (const value of SQL_VARIANTS) {
          const cases: [string, string, Record<string, unknown>][] = [
            ['user', 'query($v: ID!) { user(id: $v) { id } }', { v: value }],
            ['chatMessage', 'query($v: ID!) { chatMessage(id: $v) { id } }', { v: value }],
            ['chatMessages', 'query($v: ID!) { chatMessages(conversationId: $v) { id } }', { v: value }],
            ['auditLog after', 'query($v: String) { auditLog(after: $v) { entries { id } } }', { v: value }],
            [
              'auditLog filter',
              'query($f: AuditLogFilter) { auditLog(filter: $f) { entries { id } } }',
              { f: { action: value, actorId: value, targetType: value, targetId: value, outcome: value.slice(0, 20) } },
            ],
            ['changeRole', 'mutation($v: ID!) { changeRole(userId: $v, role: CUSTOMER) { role } }', { v: value }],
            ['removeMember', 'mutation($v: ID!) { removeMember(userId: $v) }', { v: value }],
            ['revokeApiKey', 'mutation($v: ID!) { revokeApiKey(id: $v) { id } }', { v: value }],
            ['switchOrganization', 'mutation($v: ID!) { switchOrganization(organizationId: $v) { role } }', { v: value }],
            ['setRolePermissions', 'mutation($v: String!) { setRolePermissions(role: CUSTOMER, permissions: [$v]) { role } }', { v: value }],
            ['inviteUser', 'mutation($v: String!) { inviteUser(input: { email: $v, role: CUSTOMER }) { id } }', { v: value }],
            ['createApiKey', 'mutation($v: String!) { createApiKey(input: { name: "k", role: PARTNER, scopes: [$v] }) { secret } }', { v: value }],
            ['verifyEmail', 'mutation($v: String!) { verifyEmail(token: $v) }', { v: value }],
            ['resetPassword', 'mutation($v: String!) { resetPassword(token: $v, newPassword: "long enough password") }', { v: value }],
            ['refreshSession', 'mutation($v: String!) { refreshSession(refreshToken: $v) { accessToken } }', { v: value }],
            ['acceptInvitation', 'mutation($v: String!) { acceptInvitation(input: { token: $v }) { accessToken } }', { v: value }],
          ];
          for (const [name, query, variables] of cases) {
            const { body } = await gql(query, variables, admin.headers);
            clean(body, `${name} ${value}`);
            // Nothing is found by an injected condition.
            const found = Object.values(body.data ?? {}).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0));
            if (!['auditLog after', 'auditLog filter'].includes(name)) expect(found, `${name} ${value}`).toEqual([]);
          }
          const filtered = await gql('query($f: AuditLogFilter) { auditLog(filter: $f) { entries { id } } }', { f: { actorId: value } }, admin.headers);
          expect(filtered.body.data?.auditLog?.entries ?? [], `auditLog actorId ${value}`).toEqual([]);
        }
      });
    });

    it('stored as text, never executed: a chat message with SQL comes back verbatim', async () => {
      const conversationId = randomUUID();
      const text = "'); DROP TABLE chat.messages; --";
      const posted = await gql('mutation($i: PostMessageInput!) { postMessage(input: $i) { id text } }', { i: { conversationId, text } }, customer.headers);
      expect(posted.body.errors).toBeUndefined();
      expect(posted.body.data!.postMessage.text).toBe(text);
      const { body } = await gql('query($c: ID!) { chatMessages(conversationId: $c) { text } }', { c: conversationId }, customer.headers);
      expect(body.data!.chatMessages).toEqual([{ text }]);
    });
  });

  describe('strings PostgreSQL cannot store', () => {
    // A NUL character passes GraphQL's String but PostgreSQL text refuses it ("invalid byte sequence
    // for encoding UTF8: 0x00"): it must be refused as bad input, not fail as an internal error.
    const NUL = 'nul\u0000byte';
    it.each([
      ['postMessage text', 'mutation($v: String!) { postMessage(input: { conversationId: "%CONV%", text: $v }) { id } }', 'customer'],
      [
        'register displayName',
        'mutation($v: String!) { register(input: { email: "nul-%UUID%@example.com", password: "correct horse battery staple", displayName: $v, organizationName: "Nul Inc" }) { role } }',
        'anonymous',
      ],
      ['createOrganization name', 'mutation($v: String!) { createOrganization(name: $v) { id } }', 'admin'],
      ['login email', 'mutation($v: String!) { login(input: { email: $v, password: "correct horse battery staple" }) { role } }', 'anonymous'],
      ['auditLog filter action', 'query($v: String) { auditLog(filter: { action: $v }) { entries { id } } }', 'admin'],
    ])('%s with a NUL character → a clear error, not INTERNAL_SERVER_ERROR', async (name, template, who) => {
      const query = template.replace('%CONV%', randomUUID()).replace('%UUID%', randomUUID());
      const headers = who === 'customer' ? customer.headers : who === 'admin' ? admin.headers : {};
      await changesNothing(async () => {
        const { body } = await gql(query, { v: NUL }, headers);
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        expect(codes, `${name}: ${JSON.stringify(body.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
        expect(codes.length, `${name}: ${JSON.stringify(body)}`).toBeGreaterThan(0);
        expect(['BAD_USER_INPUT', 'UNAUTHENTICATED']).toContain(codes[0]);
        expectNoInternals(JSON.stringify(body), name);
      });
    });
  });

  describe('unknown fields and schema discovery', () => {
    let before: Awaited<ReturnType<typeof snapshot>>;
    beforeAll(async () => {
      before = await snapshot();
    });
    const validationFailed = (body: GraphQLResponse | undefined, context: string) => {
      expect(body?.data ?? null, context).toBeNull();
      expect(body?.errors?.length, context).toBeGreaterThan(0);
      for (const error of body?.errors ?? []) {
        expect(error.extensions?.code, `${context}: ${JSON.stringify(error)}`).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(error.message, context).not.toMatch(/did you mean/i);
      }
      expectNoInternals(JSON.stringify(body), context);
    };

    it.each([
      ['unknown root field', '{ mee { role } }'],
      ['unknown nested field', '{ me { rol } }'],
      ['unknown argument', '{ user(idd: "x") { id } }'],
      ['unknown input field', 'mutation { register(input: { emial: "a@b.c", password: "0123456789", displayName: "d", organizationName: "org" }) { role } }'],
      ['unknown type', 'query($r: Rol!) { __typename }'],
      ['misspelt enum value', 'mutation { changeRole(userId: "00000000-0000-0000-0000-000000000000", role: ADMN) { role } }'],
      ['internal field', '{ _gatewayRolePermissions(orgId: "x", role: "admin") }'],
    ])('%s → GRAPHQL_VALIDATION_FAILED without suggestions', async (name, query) => {
      for (const headers of [{}, admin.headers]) {
        const { status, body } = await gql(query, undefined, headers);
        expect(status, name).toBe(400);
        validationFailed(body, name);
      }
    });

    it('a misspelt enum value in variables gets no suggestion either', async () => {
      const { body } = await gql(
        'mutation($r: Role!) { changeRole(userId: "00000000-0000-0000-0000-000000000000", role: $r) { role } }',
        { r: 'ADMN' },
        admin.headers,
      );
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).not.toMatch(/did you mean/i);
      expectNoInternals(JSON.stringify(body));
    });

    it('unknown fields in a subscription over WebSocket get no suggestions', async () => {
      const answer = await overSocket(
        gateway.baseUrl,
        { authorization: `Bearer ${admin.accessToken}` },
        `subscription { messageAdded(conversationId: "${randomUUID()}") { txt } }`,
      );
      expect(answer.kind).toBe('error');
      expect(answer.text).toMatch(/txt/);
      expect(answer.text).not.toMatch(/did you mean/i);
      expectNoInternals(answer.text);
    });

    const INTROSPECTION = [
      '{ __schema { types { name } } }',
      '{ __type(name: "User") { fields { name } } }',
      '{ me { role } __schema { queryType { name } } }',
    ];

    it.each(INTROSPECTION.map((q) => [q]))('introspection %s is FORBIDDEN for anonymous and a customer', async (query) => {
      for (const [who, headers] of [
        ['anonymous', {}],
        ['customer', customer.headers],
      ] as const) {
        const { body } = await gql(query, undefined, headers);
        expect(body.data ?? null, who).toBeNull();
        expect(body.errors?.[0], who).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
        expect(body.errors?.[0]?.message, who).toMatch(/schema:introspect/);
        expectNoInternals(JSON.stringify(body), who);
      }
    });

    it('introspection is FORBIDDEN for a customer over WebSocket too', async () => {
      const answer = await overSocket(gateway.baseUrl, { authorization: `Bearer ${customer.accessToken}` }, '{ __schema { types { name } } }');
      expect(answer.kind, answer.text).toBe('next');
      expect(answer.text).toMatch(/FORBIDDEN/);
      expect(answer.text).toMatch(/schema:introspect/);
      expect(answer.text).not.toMatch(/"types"\s*:\s*\[/);
      expectNoInternals(answer.text);
    });

    it('introspection is allowed for a PARTNER API key, and shows no internal fields', async () => {
      const { body } = await gql('{ __schema { queryType { fields { name } } types { name } } }', undefined, { authorization: `ApiKey ${partnerKey.secret}` });
      expect(body.errors).toBeUndefined();
      const types = body.data!.__schema.types.map((t: { name: string }) => t.name);
      expect(types).toEqual(expect.arrayContaining(['Query', 'Mutation', 'User', 'ChatMessage']));
      expect(types).not.toContain('GatewayApiKeyPrincipal');
      const fields = body.data!.__schema.queryType.fields.map((f: { name: string }) => f.name);
      expect(fields).toContain('me');
      expect(fields.filter((f: string) => f.startsWith('_'))).toEqual([]);
    });

    it('with NODE_ENV=development too: introspection and suggestions follow the same rule over HTTP and WebSocket', async () => {
      const development = await startGateway(TEST_PORTS.gatewayB, { ...GENEROUS_RATE_LIMITS, NODE_ENV: 'development' });
      try {
        for (const [who, headers] of [
          ['anonymous', {}],
          ['customer', customer.headers],
        ] as const) {
          const introspection = await graphqlRequest(development.baseUrl, '{ __schema { types { name } } }', undefined, headers);
          expect(introspection.body.errors?.[0], who).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/schema:introspect/) });
          const misspelt = await graphqlRequest(development.baseUrl, '{ me { rol } }', undefined, headers);
          validationFailed(misspelt.body, `${who}: { me { rol } }`);
        }
        const overWs = await overSocket(development.baseUrl, { authorization: `Bearer ${customer.accessToken}` }, '{ __schema { types { name } } }');
        expect(overWs.text).toMatch(/FORBIDDEN/);
        expect(overWs.text).not.toMatch(/"types"\s*:\s*\[/);
        const misspeltWs = await overSocket(
          development.baseUrl,
          { authorization: `Bearer ${admin.accessToken}` },
          'subscription { conversationUpdated { statu } }',
        );
        expect(misspeltWs.text).toMatch(/statu/);
        expect(misspeltWs.text).not.toMatch(/did you mean/i);
        // The partner key still introspects there, as everywhere.
        const partner = await graphqlRequest(development.baseUrl, '{ __schema { queryType { name } } }', undefined, {
          authorization: `ApiKey ${partnerKey.secret}`,
        });
        expect(partner.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      } finally {
        await development.stop();
      }
    });

    it('and all of it changed nothing', async () => {
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('client errors are 4xx with a code, never 500', () => {
    it.each([
      ['a syntax error', JSON.stringify({ query: '{' }), 'GRAPHQL_PARSE_FAILED'],
      ['the token limit', JSON.stringify({ query: `{ ${'__typename '.repeat(2_100)}}` }), 'GRAPHQL_PARSE_FAILED'],
      ['NUL characters', JSON.stringify({ query: '{ user(id: "a\u0000b") { id } }' }), 'BAD_USER_INPUT'],
      ['NUL characters in variables', JSON.stringify({ query: 'query($i: ID!) { user(id: $i) { id } }', variables: { i: 'a\u0000b' } }), 'BAD_USER_INPUT'],
      ['an unknown operationName', JSON.stringify({ query: 'query A { me { role } }', operationName: 'B' }), 'OPERATION_RESOLUTION_FAILURE'],
      ['a subscription sent over HTTP', JSON.stringify({ query: 'subscription { conversationUpdated { id } }' }), 'BAD_REQUEST'],
      [
        'a variable of the wrong type',
        JSON.stringify({ query: 'query($f: Int) { conversations(first: $f) { conversations { id } } }', variables: { f: 'many' } }),
        'BAD_USER_INPUT',
      ],
    ])('%s → 400', async (_name, body, code) => {
      await changesNothing(async () => {
        const response = await post(gateway.baseUrl, body, admin.headers);
        expect(response.status, response.text).toBe(400);
        expect(response.json?.data ?? null).toBeNull();
        expect(response.json?.errors?.[0]?.extensions?.code, response.text).toBe(code);
        expectNoInternals(response.text);
      });
    });

    it('a client asking for application/json alone gets 200 for a syntax error (GraphQL over HTTP’s legacy rule), with the same code', async () => {
      const response = await post(gateway.baseUrl, JSON.stringify({ query: '{' }), { ...admin.headers, accept: 'application/json' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      const modern = await post(gateway.baseUrl, JSON.stringify({ query: '{' }), { ...admin.headers, accept: 'application/graphql-response+json' });
      expect(modern.status).toBe(400);
      expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    });

    it('graphql-http’s server audits pass with no failures and no warnings', async () => {
      // As a partner key: several audits read the schema (`__type`), which needs schema:introspect.
      const asPartner = (url: string, init: RequestInit = {}) =>
        fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `ApiKey ${partnerKey.secret}` } });
      const results = await Promise.all(serverAudits({ url: `${gateway.baseUrl}/graphql`, fetchFn: asPartner }).map((audit) => audit.fn()));
      // Notices are the spec's MAYs (GET with form-encoded queries, which CSRF prevention refuses); warnings and errors fail.
      const failed = results
        .filter((r) => r.status === 'warn' || r.status === 'error')
        .map((r) => `${r.status}: ${r.name}${'reason' in r ? ` — ${r.reason}` : ''}`);
      expect(results.length).toBeGreaterThan(30);
      expect(failed).toEqual([]);
    });
  });

  describe('graphql-ws limits: frames, ids, subscriptions and sockets', () => {
    // A gateway with small limits, so each is reached within the test.
    const LIMITS = {
      WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
      WS_MAX_SUBSCRIPTIONS_PER_PRINCIPAL: '5',
      WS_MAX_SOCKETS_PER_PRINCIPAL: '3',
      WS_MAX_SOCKETS_PER_IP: '6',
    };
    let limited: ServiceProcess;
    const open: RawSocket[] = [];
    beforeAll(async () => {
      limited = await startGateway(TEST_PORTS.gatewayB, { ...GENEROUS_RATE_LIMITS, ...LIMITS });
    });
    afterEach(async () => {
      const closing = open.splice(0);
      for (const socket of closing) socket.ws.close();
      await Promise.all(closing.map((socket) => socket.closed));
      // The gateway counts a socket until its own close event, a moment after the client's.
      await new Promise((r) => setTimeout(r, 200));
    });
    afterAll(() => limited?.stop());
    const socketTo = async (baseUrl: string, params?: Record<string, unknown>) => {
      const socket = await rawSocket(baseUrl);
      open.push(socket);
      if (params !== undefined) {
        socket.send({ type: 'connection_init', payload: params });
        expect(await socket.message()).toEqual({ type: 'connection_ack' });
      }
      return socket;
    };
    const live = 'subscription { conversationUpdated { id } }';

    it('an 8 MB connection_init and a 100 kB subscribe frame close the socket (1009) instead of being buffered', async () => {
      const init = await socketTo(gateway.baseUrl);
      init.ws.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${admin.accessToken}`, padding: 'x'.repeat(8 * 1024 * 1024) } }),
      );
      expect((await init.closed).code).toBe(1009);
      const subscribe = await socketTo(gateway.baseUrl, { authorization: `Bearer ${admin.accessToken}` });
      subscribe.send({ id: '1', type: 'subscribe', payload: { query: `{ me { role } } # ${'x'.repeat(100 * 1024)}` } });
      expect((await subscribe.closed).code).toBe(1009);
    });

    it('a subscription id longer than 128 characters closes the socket (4400) without echoing it', async () => {
      const socket = await socketTo(gateway.baseUrl, { authorization: `Bearer ${admin.accessToken}` });
      const id = 'i'.repeat(20_000);
      socket.send({ id, type: 'subscribe', payload: { query: '{ me { role } }' } });
      const closed = await socket.closed;
      expect(closed.code).toBe(4400);
      expect(socket.received.join('')).not.toContain(id.slice(0, 200));
    });

    it('refuses a fourth operation on one socket with LIMIT_EXCEEDED, keeping the socket and the first three', async () => {
      const socket = await socketTo(limited.baseUrl, { authorization: `Bearer ${admin.accessToken}` });
      for (const id of ['a', 'b', 'c']) socket.send({ id, type: 'subscribe', payload: { query: live } });
      await waitForChannelSubscribers(subscriptionTopic('conversationUpdated', {}, admin.orgId), 1);
      socket.send({ id: 'd', type: 'subscribe', payload: { query: live } });
      expect(await socket.message()).toMatchObject({ id: 'd', type: 'error', payload: [{ extensions: { code: 'LIMIT_EXCEEDED' } }] });
      // The socket answers the next operation once one ended.
      socket.send({ id: 'a', type: 'complete' });
      socket.send({ id: 'e', type: 'subscribe', payload: { query: '{ me { role } }' } });
      expect(await socket.message()).toEqual({ id: 'e', type: 'next', payload: { data: { me: { role: 'ADMIN' } } } });
      expect(socket.closedWith).toBeUndefined();
    });

    it('refuses operations past the per-principal total across sockets, and a socket past the per-principal count (4429)', async () => {
      const auth = { authorization: `Bearer ${admin.accessToken}` };
      const first = await socketTo(limited.baseUrl, auth);
      const second = await socketTo(limited.baseUrl, auth);
      for (const id of ['a', 'b', 'c']) first.send({ id, type: 'subscribe', payload: { query: live } });
      for (const id of ['a', 'b']) second.send({ id, type: 'subscribe', payload: { query: live } });
      await waitForChannelSubscribers(subscriptionTopic('conversationUpdated', {}, admin.orgId), 1);
      await new Promise((r) => setTimeout(r, 300));
      second.send({ id: 'c', type: 'subscribe', payload: { query: live } });
      expect(await second.message()).toMatchObject({
        id: 'c',
        type: 'error',
        payload: [{ extensions: { code: 'LIMIT_EXCEEDED' }, message: expect.stringMatching(/one user or API key/) }],
      });
      await socketTo(limited.baseUrl, auth);
      const fourth = await socketTo(limited.baseUrl);
      fourth.send({ type: 'connection_init', payload: auth });
      expect((await fourth.closed).code).toBe(4429);
      // Another principal is not affected.
      await socketTo(limited.baseUrl, { authorization: `Bearer ${customer.accessToken}` });
    });

    it('closes sockets past the per-address count (4429)', async () => {
      for (let i = 0; i < 6; i++) await socketTo(limited.baseUrl);
      const seventh = await rawSocket(limited.baseUrl);
      open.push(seventh);
      expect((await seventh.closed).code).toBe(4429);
    });

    it('a syntax error or an unknown operation name is an error for that operation; the socket stays open', async () => {
      const socket = await socketTo(gateway.baseUrl, { authorization: `Bearer ${admin.accessToken}` });
      socket.send({ id: '1', type: 'subscribe', payload: { query: '{' } });
      expect(await socket.message()).toMatchObject({ id: '1', type: 'error', payload: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
      socket.send({ id: '2', type: 'subscribe', payload: { query: 'query A { me { role } }', operationName: 'B' } });
      expect(await socket.message()).toMatchObject({ id: '2', type: 'error' });
      socket.send({ id: '3', type: 'subscribe', payload: { query: '{ me { role } }' } });
      expect(await socket.message()).toEqual({ id: '3', type: 'next', payload: { data: { me: { role: 'ADMIN' } } } });
      expect(socket.closedWith).toBeUndefined();
    });
  });

  describe('limits apply to operations sent over WebSocket too', () => {
    const asAdmin = () => ({ authorization: `Bearer ${admin.accessToken}` });

    it('queries over WebSocket: more than 15 aliases are refused', async () => {
      const answer = await overSocket(gateway.baseUrl, asAdmin(), `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { role }`).join(' ')} }`);
      expect(answer.text).toMatch(/aliases limit of 15 exceeded/i);
      expect(answer.text).not.toMatch(/"a0"\s*:\s*\{/);
      expectNoInternals(answer.text);
    });

    it('queries over WebSocket: deeper than 12 is refused', async () => {
      const answer = await overSocket(gateway.baseUrl, asAdmin(), `{ ${'... on Query { '.repeat(12)}__typename${' }'.repeat(12)} }`);
      expect(answer.text).toMatch(/depth limit of 12 exceeded/i);
      expectNoInternals(answer.text);
    });

    it('a refused query over WebSocket answers with its error and leaves the connection and its subscriptions open', async () => {
      const conversationId = randomUUID();
      const opened = await gql(
        'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }',
        { i: { conversationId, text: 'opening' } },
        customer.headers,
      );
      expect(opened.body.errors).toBeUndefined();
      let closed: { code: number; reason: string } | undefined;
      const client = wsClient(gateway.baseUrl, { authorization: `Bearer ${customer.accessToken}` }, (event) => (closed = event));
      try {
        const events: unknown[] = [];
        client.subscribe(
          { query: 'subscription($c: ID!) { messageAdded(conversationId: $c) { text } }', variables: { c: conversationId } },
          { next: (value) => void events.push(value), error: (error) => void events.push({ error }), complete: () => undefined },
        );
        await waitForChannelSubscribers(subscriptionTopic('messageAdded', { conversationId }, customer.orgId), 1);
        const refused = await new Promise<unknown>((resolve) => {
          client.subscribe({ query: '{ apiKeys { id } }' }, { next: resolve, error: resolve, complete: () => undefined });
        });
        const text = JSON.stringify(refused);
        expect(text).toMatch(/FORBIDDEN/);
        expect(text).toMatch(/This requires the apikey:manage permission\./);
        expectNoInternals(text);
        expect(closed).toBeUndefined();
        const posted = await gql(
          'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }',
          { i: { conversationId, text: 'still listening' } },
          customer.headers,
        );
        expect(posted.body.errors).toBeUndefined();
        await expect.poll(() => events, { timeout: 5_000 }).toEqual([{ data: { messageAdded: { text: 'still listening' } } }]);
      } finally {
        await client.dispose();
      }
    });

    it('subscriptions over WebSocket: more than 15 aliases are refused', async () => {
      const selection = Array.from({ length: 40 }, (_, i) => `t${i}: text`).join(' ');
      const answer = await overSocket(gateway.baseUrl, asAdmin(), `subscription { messageAdded(conversationId: "${randomUUID()}") { ${selection} } }`);
      expect(answer.kind, answer.text).not.toBe('none');
      expect(answer.text).toMatch(/aliases limit of 15 exceeded/i);
      expectNoInternals(answer.text);
    });

    it('subscriptions over WebSocket: more than 2000 tokens are refused', async () => {
      const answer = await overSocket(gateway.baseUrl, asAdmin(), `subscription { messageAdded(conversationId: "${randomUUID()}") { ${'id '.repeat(2_100)}} }`);
      expect(answer.kind, answer.text).toBe('error');
      // The parser's own limit, as over HTTP.
      expect(answer.text).toMatch(/contains more th(an|at) 2000 tokens/i);
      expectNoInternals(answer.text);
    });
  });
});
