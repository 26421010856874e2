import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER } from '@scs/contracts/identity';
import { signIdentity } from '@scs/graphql-kit/auth/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTH_PAYLOAD_FIELDS,
  bearer,
  collect,
  graphqlRequest,
  lastMailToken,
  login,
  registerAdmin,
  startSystem,
  TEST_PASSWORD,
  TEST_PORTS,
  wsClient,
  type ServiceProcess,
} from '@scs/test-support';

const ACCESS_TTL_SECONDS = 3;
const LOCKOUT_SECONDS = 2;
const ACCOUNT_CEILING = 6;
const ANONYMOUS_POINTS = 8;
const WINDOW_SECONDS = 3;
const AUTH_POINTS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Short lifetimes and small limits, so expiry, lock-out and rate limits can be watched trip and recover. */
describe('sessions, tokens, lock-out and rate limits', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gatewayA: ServiceProcess;
  let gatewayB: ServiceProcess;

  beforeAll(async () => {
    system = await startSystem(2, {
      ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS),
      LOCKOUT_THRESHOLD: '3',
      LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
      LOCKOUT_ACCOUNT_CEILING: String(ACCOUNT_CEILING),
      // Sign-ins come "from" several addresses (X-Forwarded-For), as an attacker's and the owner's would.
      GATEWAY_TRUST_PROXY: 'true',
    });
    [gatewayA, gatewayB] = system.gateways as [ServiceProcess, ServiceProcess];
  });
  afterAll(() => system?.stop());

  const me = (session: { accessToken: string }, gateway = gatewayA) =>
    graphqlRequest(gateway.baseUrl, '{ me { role } }', undefined, bearer(session.accessToken));
  const refresh = (refreshToken: string) =>
    graphqlRequest(gatewayA.baseUrl, `mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_PAYLOAD_FIELDS} } }`, { t: refreshToken });

  it('refuses an access token once it expires, and closes its subscriptions at that moment', async () => {
    const session = await registerAdmin(gatewayA, 'Expiry');
    expect((await me(session)).body.data).toEqual({ me: { role: 'ADMIN' } });
    const closed: { code: number; reason: string }[] = [];
    const client = wsClient(gatewayA.baseUrl, { authorization: `Bearer ${session.accessToken}` }, (e) => closed.push(e));
    try {
      const events = collect(client, `subscription { messageAdded(conversationId: "${randomUUID()}") { id } }`);
      await expect.poll(() => events.acknowledged, { timeout: 5_000 }).toBe(true);
      await sleep(ACCESS_TTL_SECONDS * 1000 + 1200);
      const expired = await me(session);
      expect(expired.status).toBe(401);
      expect(expired.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('expired') });
      await expect.poll(() => closed[0]?.code, { timeout: 5_000 }).toBe(4401);
    } finally {
      await client.dispose();
    }
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole session, access tokens included', async () => {
    const session = await registerAdmin(gatewayA, 'Rotation');
    const first = await refresh(session.refreshToken);
    expect(first.body.errors).toBeUndefined();
    const next = first.body.data!.refreshSession;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await me(next)).body.data).toEqual({ me: { role: 'ADMIN' } });

    // The spent token comes back, as a thief would use it.
    const reuse = await refresh(session.refreshToken);
    expect(reuse.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('already used') });
    expect((await refresh(next.refreshToken)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(next)).body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('session has ended') });

    const fresh = await login(gatewayA, session.email, TEST_PASSWORD);
    const audit = await graphqlRequest(
      gatewayA.baseUrl,
      '{ auditLog(filter: { action: "session.refresh_token_reused" }) { entries { outcome targetType } } }',
      undefined,
      fresh.headers,
    );
    expect(audit.body.data!.auditLog.entries).toEqual([{ outcome: 'denied', targetType: 'session' }]);
  });

  it('signing out ends the session for its access token at once', async () => {
    const session = await registerAdmin(gatewayA, 'Logout');
    expect((await graphqlRequest(gatewayA.baseUrl, 'mutation($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken })).body.data).toEqual({
      logout: true,
    });
    expect((await me(session, gatewayB)).status).toBe(401);
    expect((await refresh(session.refreshToken)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a password reset by mail link ends every session and lets the new password in', async () => {
    const session = await registerAdmin(gatewayA, 'Reset');
    const users = system.subgraphs.users;
    await graphqlRequest(gatewayA.baseUrl, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: session.email });
    const token = await lastMailToken(users, session.email).then(async (t) => {
      // The verification mail came first; wait for the reset one.
      const deadline = Date.now() + 5_000;
      const latest = t;
      while (Date.now() < deadline) {
        const mails = users.logLines().filter((l) => (l.mail as { to?: string; subject?: string } | undefined)?.to === session.email);
        const reset = mails.reverse().find((l) => (l.mail as { subject: string }).subject.includes('Reset'));
        if (reset) return /token=([A-Za-z0-9_-]+)/.exec((reset.mail as { text: string }).text)![1]!;
        await sleep(100);
      }
      return latest;
    });
    const reset = await graphqlRequest(gatewayA.baseUrl, 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', {
      t: token,
      p: 'a brand new passphrase',
    });
    expect(reset.body.data).toEqual({ resetPassword: true });
    expect((await me(session)).status).toBe(401);
    await expect(login(gatewayA, session.email, TEST_PASSWORD)).rejects.toThrow(/incorrect/);
    expect((await login(gatewayA, session.email, 'a brand new passphrase')).role).toBe('ADMIN');
    // Unknown addresses get the same answer, so accounts cannot be discovered.
    expect((await graphqlRequest(gatewayA.baseUrl, 'mutation { requestPasswordReset(email: "nobody@example.com") }')).body.data).toEqual({
      requestPasswordReset: true,
    });
  });

  const loginFrom = (ip: string, email: string, password: string) =>
    graphqlRequest(
      gatewayA.baseUrl,
      `mutation($i: LoginInput!) { login(input: $i) { ${AUTH_PAYLOAD_FIELDS} } }`,
      { i: { email, password } },
      { 'x-forwarded-for': ip },
    );
  /** What a sign-in attempt shows: its status, code and message, never whether the account exists. */
  const answerOf = async (ip: string, email: string, password: string) => {
    const { status, body } = await loginFrom(ip, email, password);
    return { status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
  };

  it('makes one address wait after repeated failed sign-ins, the same for unknown emails, while the owner signs in from theirs', async () => {
    const session = await registerAdmin(gatewayA, 'Lockout');
    const unknown = `nobody-${randomUUID()}@example.com`;
    const attacker = '203.0.113.7';
    for (const email of [session.email, unknown]) {
      for (let i = 0; i < 3; i++)
        expect(await answerOf(attacker, email, 'wrong password!')).toMatchObject({ status: 401, message: 'Email or password is incorrect.' });
    }
    // Now that address waits, with one answer whether the account exists or not (and even with the right password).
    const refused = await answerOf(attacker, session.email, TEST_PASSWORD);
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await answerOf(attacker, unknown, TEST_PASSWORD)).toEqual(refused);
    expect(refused.message).not.toMatch(/locked/i);
    // The owner, from their own address, is not locked out by the attacker.
    const owner = await loginFrom('198.51.100.20', session.email, TEST_PASSWORD);
    expect(owner.body.errors).toBeUndefined();
    expect(owner.body.data!.login.role).toBe('ADMIN');
    await sleep(LOCKOUT_SECONDS * 1000 + 500);
    expect((await loginFrom(attacker, session.email, TEST_PASSWORD)).body.data?.login.role).toBe('ADMIN');
  });

  it('locks the account past a ceiling of failures from everywhere, mails its owner, and the reset link unlocks it', async () => {
    const session = await registerAdmin(gatewayA, 'Ceiling');
    const unknown = `nobody-${randomUUID()}@example.com`;
    for (const email of [session.email, unknown]) {
      // Spread over addresses, so no one address reaches its own limit (3).
      for (let i = 0; i < ACCOUNT_CEILING; i++) await answerOf(`203.0.113.${100 + Math.floor(i / 2)}`, email, 'wrong password!');
    }
    const fresh = '192.0.2.55';
    const locked = await answerOf(fresh, session.email, TEST_PASSWORD);
    expect(locked).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await answerOf(fresh, unknown, TEST_PASSWORD)).toEqual(locked);
    const token = await lastMailToken(system.subgraphs.users, session.email);
    const reset = await graphqlRequest(gatewayA.baseUrl, 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', {
      t: token,
      p: 'a fresh passphrase 42',
    });
    expect(reset.body.data).toEqual({ resetPassword: true });
    const after = await loginFrom(fresh, session.email, 'a fresh passphrase 42');
    expect(after.body.errors).toBeUndefined();
    const audit = await graphqlRequest(
      gatewayA.baseUrl,
      '{ auditLog(filter: { targetId: "' + session.userId + '" }) { entries { action outcome } } }',
      undefined,
      bearer(after.body.data!.login.accessToken),
    );
    const actions = audit.body.data!.auditLog.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.account_locked', 'auth.login_locked', 'user.password_reset']));
  });

  it('subgraphs refuse requests that did not come through the gateway', async () => {
    const direct = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${TEST_PORTS.users}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ members { user { email } } }' }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { errors?: { message: string; extensions: { code: string } }[] } }));
    const forged = await signIdentity(
      { kind: 'user', userId: randomUUID(), orgId: randomUUID(), role: 'admin', permissions: ['user:read'], sessionId: randomUUID(), ip: '127.0.0.1' },
      'a-secret-that-is-not-the-gateway-one-0123456789',
    );
    const attempts: Record<string, string>[] = [{}, { [IDENTITY_HEADER]: 'garbage' }, { [IDENTITY_HEADER]: forged }, { authorization: 'Bearer whatever' }];
    for (const headers of attempts) {
      const result = await direct(headers);
      expect(result.status).toBe(401);
      expect(result.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('shared rate limits', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gatewayA: ServiceProcess;
  let gatewayB: ServiceProcess;

  beforeAll(async () => {
    // A budget of its own (the key includes it), so no other test's requests count against it.
    system = await startSystem(2, {
      RATE_LIMIT_ANONYMOUS_POINTS: String(ANONYMOUS_POINTS),
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      AUTH_RATE_LIMIT_POINTS: String(AUTH_POINTS),
      AUTH_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    });
    [gatewayA, gatewayB] = system.gateways as [ServiceProcess, ServiceProcess];
  });
  afterAll(() => system?.stop());

  it('counts anonymous requests per client across both gateway instances, answers 429 with Retry-After, and recovers', async () => {
    const hit = (gateway: ServiceProcess) => graphqlRequest(gateway.baseUrl, '{ __typename }');
    const results = [];
    for (let i = 0; i < ANONYMOUS_POINTS; i++) results.push(await hit(i % 2 === 0 ? gatewayA : gatewayB));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const limited = await hit(gatewayB);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } });
    expect((await hit(gatewayA)).status).toBe(429);
    await sleep(WINDOW_SECONDS * 1000 + 500);
    expect((await hit(gatewayA)).status).toBe(200);
  });

  it('limits sign-in attempts per client address in the users subgraph, whichever gateway they come through', async () => {
    await sleep(WINDOW_SECONDS * 1000 + 500);
    const attempt = (gateway: ServiceProcess) =>
      graphqlRequest(gateway.baseUrl, 'mutation { login(input: { email: "nobody@example.com", password: "wrong password!" }) { accessToken } }');
    for (let i = 0; i < AUTH_POINTS; i++) {
      const result = await attempt(i % 2 === 0 ? gatewayA : gatewayB);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const limited = await attempt(gatewayB);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect(limited.body.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    await sleep(WINDOW_SECONDS * 1000 + 500);
    expect((await attempt(gatewayA)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
