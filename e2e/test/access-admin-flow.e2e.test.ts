import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  collect,
  createApiKey,
  graphqlRequest,
  lastMailToken,
  login,
  registerAdmin,
  startSystem,
  TEST_PASSWORD,
  wsClient,
  type ServiceProcess,
  type Session,
} from '@scs/test-support';

/** The "done means": an admin runs their organization entirely through the gateway. */
describe('an admin administers an organization through the gateway', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let gateway: ServiceProcess;
  let users: ServiceProcess;
  let admin: Session;

  beforeAll(async () => {
    system = await startSystem(1);
    gateway = system.gateways[0]!;
    users = system.subgraphs.users;
    admin = await registerAdmin(gateway, 'Owner');
  });
  afterAll(() => system?.stop());

  const as = (session: Session | Record<string, string>, query: string, variables?: Record<string, unknown>) =>
    graphqlRequest(gateway.baseUrl, query, variables, 'headers' in session ? (session as Session).headers : (session as Record<string, string>));

  it('registers with a new organization as its admin, and verifies the email from the mail', async () => {
    const me = await as(admin, '{ me { user { email emailVerified } organization { name } role permissions } }');
    expect(me.body.data!.me).toMatchObject({ user: { email: admin.email, emailVerified: false }, organization: { name: 'Owner Inc' }, role: 'ADMIN' });
    expect(me.body.data!.me.permissions).toContain('user:manage');

    const token = await lastMailToken(users, admin.email);
    expect((await as({}, 'mutation($t: String!) { verifyEmail(token: $t) }', { t: token })).body.data).toEqual({ verifyEmail: true });
    const reused = await as({}, 'mutation($t: String!) { verifyEmail(token: $t) }', { t: token });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await as(admin, '{ me { user { emailVerified } } }')).body.data!.me.user.emailVerified).toBe(true);
  });

  it('invites people, who accept and get the role they were invited with; roles can be changed', async () => {
    const curator = await addMember(gateway, users, admin, 'CURATOR');
    expect((await as(curator, '{ me { role organization { id } } }')).body.data!.me).toEqual({ role: 'CURATOR', organization: { id: admin.orgId } });

    const changed = await as(admin, 'mutation($u: ID!) { changeRole(userId: $u, role: AGENT) { role user { id } } }', { u: curator.userId });
    expect(changed.body.data!.changeRole).toEqual({ role: 'AGENT', user: { id: curator.userId } });
    // The change applies at once: the curator's session was ended, and a new sign-in carries the new role.
    expect((await as(curator, '{ me { role } }')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = await login(gateway, curator.email, TEST_PASSWORD);
    expect(again.role).toBe('AGENT');

    const members = await as(admin, '{ members { role user { email } } }');
    expect(members.body.data!.members).toEqual([
      { role: 'ADMIN', user: { email: admin.email } },
      { role: 'AGENT', user: { email: curator.email } },
    ]);
    const lastAdmin = await as(admin, 'mutation($u: ID!) { changeRole(userId: $u, role: CUSTOMER) { role } }', { u: admin.userId });
    expect(lastAdmin.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('at least one admin') });
  });

  it('changes what a role may do for this organization only', async () => {
    const customer = await addMember(gateway, users, admin, 'CUSTOMER');
    expect((await as(customer, '{ me { permissions } }')).body.data!.me.permissions).toEqual(['chat:ask', 'conversation:read:own']);
    const set = await as(admin, 'mutation { setRolePermissions(role: CUSTOMER, permissions: ["chat:ask"]) { role permissions isDefault } }');
    expect(set.body.data!.setRolePermissions).toEqual({ role: 'CUSTOMER', permissions: ['chat:ask'], isDefault: false });
    // Read by the gateway on the next request, no new sign-in needed.
    expect((await as(customer, '{ me { permissions } }')).body.data!.me.permissions).toEqual(['chat:ask']);
    const floor = await as(admin, 'mutation { setRolePermissions(role: ADMIN, permissions: ["user:read"]) { role } }');
    expect(floor.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await as(admin, 'mutation { setRolePermissions(role: AGENT, permissions: ["everything"]) { role } }');
    expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('everything') });
  });

  it('issues a partner key that is shown once, works, records its use, and stops working the moment it is revoked — also on an open subscription', async () => {
    const key = await createApiKey(gateway, admin, 'PARTNER', ['search:query', 'chat:ask', 'conversation:read:own', 'schema:introspect']);
    expect(key.secret).toMatch(/^scs_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    const partner = { authorization: `ApiKey ${key.secret}` };
    const me = await as(partner, '{ me { user { id } apiKeyId role permissions organization { id } } }');
    expect(me.body.data!.me).toEqual({
      user: null,
      apiKeyId: key.id,
      role: 'PARTNER',
      permissions: ['search:query', 'chat:ask', 'conversation:read:own', 'schema:introspect'],
      organization: { id: admin.orgId },
    });
    const listed = await as(admin, '{ apiKeys { id prefix lastUsedAt revokedAt } }');
    const entry = listed.body.data!.apiKeys.find((k: { id: string }) => k.id === key.id);
    expect(key.secret.startsWith(entry.prefix)).toBe(true);
    expect(entry.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(key.secret);

    const closed: { code: number; reason: string }[] = [];
    const client = wsClient(gateway.baseUrl, { authorization: `ApiKey ${key.secret}` }, (event) => closed.push(event));
    try {
      const events = collect(client, 'subscription { messageAdded(conversationId: "00000000-0000-4000-8000-000000000001") { id } }');
      await expect.poll(() => events.acknowledged, { timeout: 5_000 }).toBe(true);

      const revoked = await as(admin, 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: key.id });
      expect(revoked.body.data!.revokeApiKey.revokedAt).not.toBeNull();
      const after = await as(partner, '{ me { role } }');
      expect(after.status).toBe(401);
      expect(after.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('revoked') });
      await expect.poll(() => closed[0]?.code, { timeout: 5_000 }).toBe(4403);
    } finally {
      await client.dispose();
    }
  });

  it('keeps an append-only audit trail of every change, filterable and paged', async () => {
    const all = await as(admin, '{ auditLog(first: 100) { entries { action actorType actorId outcome ip targetType } nextCursor } }');
    expect(all.body.errors).toBeUndefined();
    const actions = all.body.data!.auditLog.entries.map((e: { action: string }) => e.action);
    for (const action of [
      'user.register',
      'organization.create',
      'user.email_verified',
      'user.invite',
      'invitation.accept',
      'member.role_change',
      'role_permissions.update',
      'apikey.create',
      'apikey.revoke',
    ]) {
      expect(actions, action).toContain(action);
    }
    const roleChange = all.body.data!.auditLog.entries.find((e: { action: string }) => e.action === 'member.role_change');
    expect(roleChange).toMatchObject({ actorType: 'user', actorId: admin.userId, outcome: 'success', targetType: 'user' });
    expect(roleChange.ip).toMatch(/127\.0\.0\.1/);

    const filtered = await as(admin, '{ auditLog(filter: { action: "apikey.revoke" }) { entries { action targetType } } }');
    expect(filtered.body.data!.auditLog.entries).toEqual([{ action: 'apikey.revoke', targetType: 'apiKey' }]);

    const first = await as(admin, '{ auditLog(first: 2) { entries { id } nextCursor } }');
    const page1 = first.body.data!.auditLog;
    expect(page1.entries).toHaveLength(2);
    const second = await as(admin, '{ auditLog(first: 2, after: "' + page1.nextCursor + '") { entries { id } } }');
    const ids = [...page1.entries, ...second.body.data!.auditLog.entries].map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
  });
});
