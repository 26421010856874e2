import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  AUTH_PAYLOAD_FIELDS,
  bearer,
  GENEROUS_RATE_LIMITS,
  graphqlRequest,
  registerAdmin,
  startGateway,
  startSubgraph,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';

/**
 * The embeddable chat widget through the gateway: an admin turns it on for some sites, anonymous
 * visitors of those sites get customer sessions (and nothing more), everyone else is refused.
 * Only the services it needs run (no analytics consumer, no Temporal workers).
 */
const SETTINGS = 'organizationId enabled allowedOrigins';
const READ_SETTINGS = `{ widgetSettings { ${SETTINGS} } }`;
const UPDATE_SETTINGS = `mutation($i: WidgetSettingsInput!) { updateWidgetSettings(input: $i) { ${SETTINGS} } }`;
const START = `mutation($org: ID!, $origin: String) { startVisitorSession(organizationId: $org, pageOrigin: $origin) { ${AUTH_PAYLOAD_FIELDS} refreshToken } }`;
/** Small, so the limit is reached within the test; counted per client address, which the test sets per run. */
const VISITOR_POINTS = 12;

describe('the chat widget: settings and visitor sessions', { timeout: 120_000 }, () => {
  const services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let users: ServiceProcess;
  let admin: Session;
  let curator: Session;
  let customer: Session;
  /** A client address of this run only (the gateway trusts X-Forwarded-For here), so earlier runs' counters do not count. */
  const clientIp = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const fromClient = { 'x-forwarded-for': clientIp };

  const as = (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
    graphqlRequest(gateway.baseUrl, query, variables, { ...fromClient, ...headers });
  const startVisitor = (organizationId: string, pageOrigin?: string | null) => as({}, START, { org: organizationId, origin: pageOrigin });

  beforeAll(async () => {
    const env = { ...GENEROUS_RATE_LIMITS, AUTH_RATE_LIMIT_POINTS: String(VISITOR_POINTS), GATEWAY_TRUST_PROXY: 'true' };
    for (const name of ['users', 'knowledge', 'chat'] as const) services.push(await startSubgraph(name, env));
    users = services[0]!;
    gateway = await startGateway(undefined, env);
    services.push(gateway);
    admin = await registerAdmin(gateway, 'Widget Owner');
    curator = await addMember(gateway, users, admin, 'CURATOR');
    customer = await addMember(gateway, users, admin, 'CUSTOMER');
  });
  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
  });

  it('is off until an admin turns it on: visitors are refused in words, as for an organization that does not exist', async () => {
    const settings = await as(admin.headers, READ_SETTINGS);
    expect(settings.body.errors).toBeUndefined();
    expect(settings.body.data!.widgetSettings).toEqual({ organizationId: admin.orgId, enabled: false, allowedOrigins: [] });

    for (const org of [admin.orgId, randomUUID()]) {
      const refused = await startVisitor(org, 'https://shop.example.com');
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.status).toBe(403);
      expect(refused.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('has not turned on its chat widget'),
        extensions: { code: 'FORBIDDEN', reason: 'WIDGET_DISABLED' },
      });
    }
    const malformed = await startVisitor('not-an-id', 'https://shop.example.com');
    expect(malformed.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'organizationId' } });
  });

  it('customers and curators can neither read nor change the settings', async () => {
    for (const session of [customer, curator]) {
      const read = await as(session.headers, READ_SETTINGS);
      expect(read.body.errors?.[0]).toMatchObject({ message: 'This requires the apikey:manage permission.', extensions: { code: 'FORBIDDEN' } });
      const changed = await as(session.headers, UPDATE_SETTINGS, { i: { enabled: true, allowedOrigins: [] } });
      expect(changed.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(changed.body.data ?? null).toBeNull();
    }
    expect((await as(admin.headers, READ_SETTINGS)).body.data!.widgetSettings.enabled).toBe(false);
    expect((await as({}, READ_SETTINGS)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects origins that are not http(s) origins, naming the field and the entry, and changes nothing', async () => {
    const bad = [
      'https://shop.example.com/support',
      'ftp://shop.example.com',
      'shop.example.com',
      'https://*.example.com',
      'https://user:secret@shop.example.com',
      'https://shop.example.com?x=1',
      'javascript:alert(1)',
      '',
    ];
    for (const origin of bad) {
      const { body } = await as(admin.headers, UPDATE_SETTINGS, { i: { enabled: true, allowedOrigins: ['https://fine.example.com', origin] } });
      expect(body.data ?? null, origin).toBeNull();
      expect(body.errors?.[0], origin).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'allowedOrigins' } });
      expect(body.errors?.[0]?.message, origin).toContain(`"${origin}"`);
    }
    const tooMany = await as(admin.headers, UPDATE_SETTINGS, {
      i: { enabled: true, allowedOrigins: Array.from({ length: 101 }, (_, i) => `https://s${i}.example.com`) },
    });
    expect(tooMany.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'allowedOrigins' } });
    expect((await as(admin.headers, READ_SETTINGS)).body.data!.widgetSettings).toEqual({ organizationId: admin.orgId, enabled: false, allowedOrigins: [] });
  });

  describe('turned on for two sites', () => {
    let visitor: Record<string, any>;

    beforeAll(async () => {
      const { body } = await as(admin.headers, UPDATE_SETTINGS, {
        i: {
          enabled: true,
          allowedOrigins: [' https://Shop.Example.com:443/ ', 'http://127.0.0.1:8080', 'https://shop.example.com', 'https://bücher.example'],
        },
      });
      expect(body.errors).toBeUndefined();
      // Normalised (case, default port, trailing slash, punycode) and deduplicated.
      expect(body.data!.updateWidgetSettings).toEqual({
        organizationId: admin.orgId,
        enabled: true,
        allowedOrigins: ['https://shop.example.com', 'http://127.0.0.1:8080', 'https://xn--bcher-kva.example'],
      });
    });

    it('starts a visitor session from an allowed site: a new customer without email, named "Visitor"', async () => {
      const { status, body } = await startVisitor(admin.orgId, 'https://SHOP.example.com');
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      visitor = body.data!.startVisitorSession;
      expect(visitor).toMatchObject({ role: 'CUSTOMER', organization: { id: admin.orgId }, user: { displayName: 'Visitor', email: null } });
      expect(visitor.accessToken).toEqual(expect.any(String));
      const me = await as(
        bearer(visitor.accessToken),
        '{ me { role permissions user { id displayName email emailVerified } memberships { role organization { id } } } }',
      );
      expect(me.body.errors).toBeUndefined();
      expect(me.body.data!.me).toEqual({
        role: 'CUSTOMER',
        permissions: ['chat:ask', 'conversation:read:own'],
        user: { id: visitor.user.id, displayName: 'Visitor', email: null, emailVerified: false },
        memberships: [{ role: 'CUSTOMER', organization: { id: admin.orgId } }],
      });
    });

    it('refuses other sites, and a page that does not say where it is', async () => {
      for (const origin of ['https://evil.example.com', 'http://shop.example.com', 'https://shop.example.com.evil.example', 'null', undefined]) {
        const refused = await startVisitor(admin.orgId, origin);
        expect(refused.body.data ?? null, String(origin)).toBeNull();
        expect(refused.body.errors?.[0], String(origin)).toMatchObject({
          message: 'The chat is not available on this website.',
          extensions: { code: 'FORBIDDEN', reason: 'ORIGIN_NOT_ALLOWED' },
        });
      }
    });

    it('the visitor is a customer: asks in its own conversation, cannot read sources, settings, members or another visitor’s conversation', async () => {
      const headers = bearer(visitor.accessToken);
      const sent = await as(
        headers,
        'mutation($i: SendMessageInput!) { sendMessage(input: $i) { conversation { id } userMessage { role text author { displayName } } assistantMessage { role } } }',
        {
          i: { text: 'Do you ship to Norway?' },
        },
      );
      expect(sent.body.errors).toBeUndefined();
      const conversationId = sent.body.data!.sendMessage.conversation.id;
      expect(sent.body.data!.sendMessage).toMatchObject({
        userMessage: { role: 'USER', text: 'Do you ship to Norway?', author: { displayName: 'Visitor' } },
        assistantMessage: { role: 'ASSISTANT' },
      });
      const again = await as(headers, 'mutation($i: SendMessageInput!) { sendMessage(input: $i) { conversation { id } } }', {
        i: { conversationId, text: 'And to Iceland?' },
      });
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data!.sendMessage.conversation.id).toBe(conversationId);
      const own = await as(headers, 'query($id: ID!) { conversation(id: $id) { id } conversations(first: 10) { conversations { id } } }', {
        id: conversationId,
      });
      expect(own.body.errors).toBeUndefined();
      expect(own.body.data).toEqual({ conversation: { id: conversationId }, conversations: { conversations: [{ id: conversationId }] } });

      for (const query of ['{ sources { id } }', READ_SETTINGS, '{ members { role } }', '{ search(input: { query: "shipping" }) { __typename } }']) {
        const denied = await as(headers, query);
        expect(denied.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
        expect(denied.body.data ?? null, query).toBeNull();
      }
      const created = await as(headers, 'mutation { createOrganization(name: "Visitor Corp") { id } }');
      expect(created.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('create an account') });

      const other = (await startVisitor(admin.orgId, 'http://127.0.0.1:8080')).body.data!.startVisitorSession;
      expect(other.user.id).not.toBe(visitor.user.id);
      const foreign = await as(
        bearer(other.accessToken),
        'query($id: ID!) { conversation(id: $id) { id } conversations(first: 10) { conversations { id } } }',
        { id: conversationId },
      );
      expect(foreign.body.data?.conversation ?? null).toBeNull();
      expect(foreign.body.data?.conversations?.conversations ?? []).toEqual([]);
    });

    it('rotates the visitor’s refresh token like any session; staff lists leave visitors out; the audit trail has both', async () => {
      const refresh = (token: string) =>
        as({}, `mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_PAYLOAD_FIELDS} refreshToken } }`, { t: token });
      const rotated = await refresh(visitor.refreshToken);
      expect(rotated.body.errors).toBeUndefined();
      expect(rotated.body.data!.refreshSession).toMatchObject({ role: 'CUSTOMER', user: { id: visitor.user.id } });
      expect(rotated.body.data!.refreshSession.refreshToken).not.toBe(visitor.refreshToken);
      visitor = rotated.body.data!.refreshSession;

      const members = await as(admin.headers, '{ members(first: 100) { role user { displayName } } users(first: 100) { displayName } }');
      expect(members.body.errors).toBeUndefined();
      expect(members.body.data!.members.map((m: { role: string }) => m.role)).toEqual(['ADMIN', 'CURATOR', 'CUSTOMER']);
      expect(members.body.data!.users.map((u: { displayName: string }) => u.displayName)).not.toContain('Visitor');

      const audit = await as(admin.headers, '{ auditLog(first: 100) { entries { action actorType actorId targetId detail } } }');
      const entries = audit.body.data!.auditLog.entries as { action: string; actorId: string; targetId: string; detail: string }[];
      const update = entries.find((e) => e.action === 'widget.update');
      expect(JSON.parse(update!.detail)).toMatchObject({
        after: { enabled: true, allowedOrigins: ['https://shop.example.com', 'http://127.0.0.1:8080', 'https://xn--bcher-kva.example'] },
      });
      expect(update!.actorId).toBe(admin.userId);
      const started = entries.find((e) => e.action === 'visitor.start' && e.targetId === visitor.user.id);
      expect(JSON.parse(started!.detail)).toEqual({ origin: 'https://shop.example.com' });
    });

    it('turned off again: new visitors are refused and existing visitor sessions cannot be refreshed', async () => {
      const off = await as(admin.headers, UPDATE_SETTINGS, { i: { enabled: false, allowedOrigins: ['https://shop.example.com'] } });
      expect(off.body.data!.updateWidgetSettings).toMatchObject({ enabled: false, allowedOrigins: ['https://shop.example.com'] });
      expect((await startVisitor(admin.orgId, 'https://shop.example.com')).body.errors?.[0]?.extensions?.reason).toBe('WIDGET_DISABLED');
      const refresh = await as({}, 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: visitor.refreshToken });
      expect(refresh.body.errors?.[0]).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringContaining('turned off its chat widget'),
      });
      // Staff sessions are not affected.
      expect(
        (await as({}, 'mutation($t: String!) { refreshSession(refreshToken: $t) { role } }', { t: customer.refreshToken })).body.data!.refreshSession.role,
      ).toBe('CUSTOMER');
    });

    it('limits visitor sessions per client address', async () => {
      const on = await as(admin.headers, UPDATE_SETTINGS, { i: { enabled: true, allowedOrigins: [] } });
      expect(on.body.errors).toBeUndefined();
      let limited: Awaited<ReturnType<typeof startVisitor>> | undefined;
      for (let i = 0; i <= VISITOR_POINTS && !limited; i++) {
        const attempt = await startVisitor(admin.orgId, 'https://anywhere.example.org');
        if (attempt.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED') limited = attempt;
        else expect(attempt.body.errors, `attempt ${i}`).toBeUndefined();
      }
      expect(limited?.status).toBe(429);
      expect(limited?.headers.get('retry-after')).not.toBeNull();
      // Another address still gets in.
      const elsewhere = await graphqlRequest(
        gateway.baseUrl,
        START,
        { org: admin.orgId, origin: 'https://anywhere.example.org' },
        { 'x-forwarded-for': '10.255.255.254' },
      );
      expect(elsewhere.body.errors?.[0]?.extensions?.code).not.toBe('RATE_LIMITED');
    });
  });
});
