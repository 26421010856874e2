import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphqlErrors, meHandler, USER, type Handler } from './support/fakeGateway';
import { cleanupScreens, renderScreen } from './support/renderScreen';

afterEach(() => {
  cleanupScreens();
  vi.unstubAllGlobals();
});

const ADMIN_PERMS = ['user:read', 'user:manage', 'role:manage', 'apikey:manage', 'audit:read'];

/** Opens `path` in a RouterView (the route's real, lazily loaded screen) as a user with `permissions`. */
async function render(path: string, handlers: Record<string, Handler>, permissions: string[] = ADMIN_PERMS) {
  const { view, gateway, router, apollo } = await renderScreen(path, {
    handlers: { SessionViewer: meHandler(permissions, 'ADMIN'), ...handlers },
    role: 'ADMIN',
  });
  return { view, gateway, router, apollo };
}

const button = (view: VueWrapper, text: string | RegExp): DOMWrapper<HTMLButtonElement> => {
  const found = view.findAll('button').find((b) => (typeof text === 'string' ? b.text() === text : text.test(b.text())));
  if (!found)
    throw new Error(
      `No button ${String(text)}; buttons: ${view
        .findAll('button')
        .map((b) => b.text())
        .join(' | ')}`,
    );
  return found as DOMWrapper<HTMLButtonElement>;
};

const member = (id: string, displayName: string, role: string, email = `${id}@example.com`) => ({
  __typename: 'Member',
  role,
  joinedAt: '2025-01-02T10:00:00.000Z',
  user: { __typename: 'User', id, displayName, email, emailVerified: true },
});
const MEMBERS = [member(USER.id, USER.displayName, 'ADMIN', USER.email), member('user-2', 'Grace Hopper', 'AGENT')];
const membersHandler: Handler = () => ({ data: { members: MEMBERS } });

describe('AdminTabs', () => {
  it('shows only the tabs the user may open and marks the current one', async () => {
    const { view } = await render('/admin/members', { AdminMembers: membersHandler }, ['user:read']);
    const tabs = view.findAll('nav[aria-label="Administration"] a');
    expect(tabs.map((t) => t.text())).toEqual(['Members']);
    expect(tabs[0]!.attributes('aria-current')).toBe('page');
  });

  it('lists every admin tab, the widget included, for an admin', async () => {
    const { view } = await render('/admin/members', { AdminMembers: membersHandler });
    const tabs = view.findAll('nav[aria-label="Administration"] a');
    expect(tabs.map((t) => t.text())).toEqual(['Members', 'Roles', 'API keys', 'Audit log', 'Chat widget']);
    expect(tabs.map((t) => t.attributes('aria-current') ?? null)).toEqual(['page', null, null, null, null]);
    expect(tabs[2]!.attributes('href')).toBe('/admin/api-keys');
  });
});

describe('MembersScreen', () => {
  it('lists members with their roles and hides the write actions without user:manage', async () => {
    const { view, gateway } = await render('/admin/members', { AdminMembers: membersHandler }, ['user:read']);
    expect(gateway.named('AdminMembers')[0]!.variables).toEqual({ first: 50, offset: 0 });
    const rows = view.findAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('Ada Lovelace (you)');
    expect(rows[1]!.text()).toContain('Grace Hopper');
    expect(rows[1]!.text()).toContain('Agent');
    expect(view.find('form').exists()).toBe(false);
    expect(view.find('select').exists()).toBe(false);
    expect(view.findAll('button').filter((b) => /Remove/.test(b.text()))).toHaveLength(0);
    expect(view.text()).toContain('needs the user:manage permission');
  });

  it('shows the API’s invitation error next to the email field', async () => {
    const { view, gateway } = await render('/admin/members', {
      AdminMembers: membersHandler,
      AdminInviteUser: () => graphqlErrors({ message: 'That person is already a member.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }),
    });
    const email = view.find('input[type="email"]');
    await email.setValue('grace@example.com');
    await view.find('form select').setValue('CURATOR');
    await view.find('form').trigger('submit');
    await flushPromises();

    expect(gateway.named('AdminInviteUser')[0]!.variables).toEqual({ input: { email: 'grace@example.com', role: 'CURATOR' } });
    expect(email.attributes('aria-invalid')).toBe('true');
    const errorId = email.attributes('aria-describedby')!.split(' ')[0]!;
    expect(view.find(`#${CSS.escape(errorId)}`).text()).toContain('That person is already a member.');
    expect(document.activeElement).toBe(email.element);
  });

  it('announces a sent invitation', async () => {
    const { view } = await render('/admin/members', {
      AdminMembers: membersHandler,
      AdminInviteUser: () => ({
        data: { inviteUser: { __typename: 'Invitation', id: 'inv-1', email: 'new@example.com', role: 'CUSTOMER', expiresAt: '2030-01-08T00:00:00.000Z' } },
      }),
    });
    await view.find('input[type="email"]').setValue('new@example.com');
    await view.find('form').trigger('submit');
    await flushPromises();
    expect(view.find('[aria-live="polite"]').text()).toContain('Invitation sent to new@example.com as Customer');
    expect((view.find('input[type="email"]').element as HTMLInputElement).value).toBe('');
  });

  it('asks before changing a role, warns about sessions, and sends changeRole', async () => {
    const { view, gateway } = await render('/admin/members', {
      AdminMembers: membersHandler,
      AdminChangeRole: ({ variables }) => ({ data: { changeRole: member('user-2', 'Grace Hopper', variables.role as string) } }),
    });
    await view.find('#role-user-2').setValue('CURATOR');
    await button(view, /^Change role/).trigger('click');
    await flushPromises();
    const dialog = view.find('dialog');
    expect(dialog.attributes('open')).toBeDefined();
    expect(dialog.text()).toContain('sessions in Acme end');
    expect(gateway.named('AdminChangeRole')).toHaveLength(0);
    await button(view, 'Change role').trigger('click');
    await flushPromises();
    expect(gateway.named('AdminChangeRole')[0]!.variables).toEqual({ userId: 'user-2', role: 'CURATOR' });
    expect(view.find('dialog').exists()).toBe(false);
    expect(view.find('[aria-live="polite"]').text()).toContain('Grace Hopper is now Curator');
  });

  it('asks before removing a member and shows the API’s refusal in words', async () => {
    const { view, gateway } = await render('/admin/members', {
      AdminMembers: membersHandler,
      AdminRemoveMember: () =>
        graphqlErrors({
          message: 'An organization needs at least one admin; make someone else admin first.',
          extensions: { code: 'BAD_USER_INPUT', field: 'userId' },
        }),
    });
    const remove = button(view, 'Remove Ada Lovelace');
    (remove.element as HTMLButtonElement).focus();
    await remove.trigger('click');
    await flushPromises();
    const dialog = view.find('dialog');
    expect(dialog.attributes('role')).toBe('alertdialog');
    expect(dialog.text()).toContain('This is you');
    // Focus moves into the dialog, on the safe choice.
    expect(document.activeElement).toBe(button(view, 'Cancel').element);
    expect(gateway.named('AdminRemoveMember')).toHaveLength(0);

    await button(view, 'Remove member').trigger('click');
    await flushPromises();
    expect(gateway.named('AdminRemoveMember')[0]!.variables).toEqual({ userId: USER.id });
    expect(view.find('dialog [role="alert"]').text()).toContain('An organization needs at least one admin');
    expect(view.findAll('tbody tr')).toHaveLength(2);

    await button(view, 'Cancel').trigger('click');
    await flushPromises();
    expect(view.find('dialog').exists()).toBe(false);
    expect(document.activeElement).toBe(remove.element);
  });

  it('removes a member after confirmation', async () => {
    const { view } = await render('/admin/members', { AdminMembers: membersHandler, AdminRemoveMember: () => ({ data: { removeMember: true } }) });
    await button(view, 'Remove Grace Hopper').trigger('click');
    await flushPromises();
    await button(view, 'Remove member').trigger('click');
    await flushPromises();
    expect(view.findAll('tbody tr')).toHaveLength(1);
    expect(view.find('[aria-live="polite"]').text()).toContain('Grace Hopper was removed from Acme');
  });
});

const ALL = [
  'user:read',
  'user:manage',
  'role:manage',
  'apikey:manage',
  'audit:read',
  'system:read',
  'schema:introspect',
  'source:read',
  'source:write',
  'crawl:run',
  'search:query',
  'chat:ask',
  'conversation:read:own',
  'conversation:read:any',
  'conversation:reply',
  'analytics:read',
  'subscription:consume',
];
const AGENT = ['user:read', 'search:query', 'chat:ask', 'conversation:read:own', 'conversation:read:any', 'conversation:reply', 'analytics:read'];
const rolePermissionsHandler: Handler = () => ({
  data: {
    rolePermissions: [
      { __typename: 'RolePermissionSet', role: 'ADMIN', permissions: ALL, isDefault: true },
      { __typename: 'RolePermissionSet', role: 'AGENT', permissions: AGENT, isDefault: true },
      { __typename: 'RolePermissionSet', role: 'CUSTOMER', permissions: ['chat:ask', 'conversation:read:own'], isDefault: false },
    ],
  },
});

describe('RolesScreen', () => {
  it('shows the matrix with labelled checkboxes and the admin floor checked and disabled', async () => {
    const { view } = await render('/admin/roles', { AdminRolePermissions: rolePermissionsHandler });
    const headers = view.findAll('thead th').map((th) => th.text());
    expect(headers[0]).toBe('Permission');
    expect(headers.slice(1).map((t) => t.split(/Default|Customized/)[0])).toEqual(['Admin', 'Agent', 'Customer']);
    expect(view.find('tbody th').text()).toContain('See the members of the organization');

    const floor = view.find('#perm-ADMIN-user-manage');
    expect((floor.element as HTMLInputElement).checked).toBe(true);
    expect(floor.attributes('disabled')).toBeDefined();
    expect(view.find('label[for="perm-ADMIN-user-manage"]').text()).toContain('Admin: user:manage');
    expect(view.find('#perm-ADMIN-audit-read').attributes('disabled')).toBeUndefined();
    expect((view.find('#perm-AGENT-analytics-read').element as HTMLInputElement).checked).toBe(true);
    expect((view.find('#perm-CUSTOMER-analytics-read').element as HTMLInputElement).checked).toBe(false);
    expect(button(view, 'Save').attributes('disabled')).toBeDefined();
  });

  it('saves only the changed roles with setRolePermissions, keeping the admin floor', async () => {
    const { view, gateway } = await render('/admin/roles', {
      AdminRolePermissions: rolePermissionsHandler,
      AdminSetRolePermissions: ({ variables }) => ({
        data: { setRolePermissions: { __typename: 'RolePermissionSet', role: variables.role, permissions: variables.permissions, isDefault: false } },
      }),
    });
    await view.find('#perm-AGENT-analytics-read').setValue(false);
    await view.find('#perm-AGENT-source-read').setValue(true);
    await view.find('#perm-ADMIN-audit-read').setValue(false);
    expect(view.text()).toContain('Unsaved changes: Admin, Agent.');
    expect(view.findAll('thead th.changed').map((th) => th.text())).toEqual(['Admin● Unsaved', 'Agent● Unsaved']);

    await view.find('form.roles').trigger('submit');
    await flushPromises();
    const calls = gateway.named('AdminSetRolePermissions').map((c) => c.variables);
    expect(calls).toHaveLength(2);
    const admin = calls.find((c) => c.role === 'ADMIN')!;
    expect(admin.permissions).toContain('user:manage');
    expect(admin.permissions).toContain('role:manage');
    expect(admin.permissions).not.toContain('audit:read');
    expect(admin.permissions).toHaveLength(ALL.length - 1);
    expect(calls.find((c) => c.role === 'AGENT')!.permissions).toEqual([
      'user:read',
      'source:read',
      'search:query',
      'chat:ask',
      'conversation:read:own',
      'conversation:read:any',
      'conversation:reply',
    ]);
    expect(calls.some((c) => c.role === 'CUSTOMER')).toBe(false);
    expect(view.text()).toContain('No unsaved changes.');
    expect(view.find('[aria-live="polite"]').text()).toContain('Saved the permissions of Admin, Agent.');
    expect((view.find('#perm-AGENT-source-read').element as HTMLInputElement).checked).toBe(true);
  });

  it('asks before leaving with unsaved changes', async () => {
    const { view, router } = await render('/admin/roles', { AdminRolePermissions: rolePermissionsHandler, AdminMembers: membersHandler });
    await view.find('#perm-CUSTOMER-search-query').setValue(true);
    await router.push('/admin/members');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/admin/roles');
    expect(view.find('dialog').text()).toContain('Customer have unsaved changes');
    expect(document.activeElement).toBe(button(view, 'Stay').element);
    await button(view, 'Leave and discard').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/admin/members');
  });

  it('keeps a refused change and says why', async () => {
    const { view } = await render('/admin/roles', {
      AdminRolePermissions: rolePermissionsHandler,
      AdminSetRolePermissions: () => graphqlErrors({ message: 'Unknown permissions: nope.', extensions: { code: 'BAD_USER_INPUT', field: 'permissions' } }),
    });
    await view.find('#perm-CUSTOMER-search-query').setValue(true);
    await view.find('form.roles').trigger('submit');
    await flushPromises();
    expect(view.find('[role="alert"]').text()).toContain('Customer: Unknown permissions: nope.');
    expect((view.find('#perm-CUSTOMER-search-query').element as HTMLInputElement).checked).toBe(true);
  });
});

const apiKey = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'ApiKey',
  id,
  name,
  prefix: `scs_${id}`,
  role: 'PARTNER',
  scopes: ['search:query'],
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  createdAt: '2025-01-02T10:00:00.000Z',
  ...extra,
});
const SECRET = 'scs_new1_s3cr3t-value-only-shown-once';

describe('ApiKeysScreen', () => {
  it('shows a new key’s secret once, copies it, and forgets it when dismissed', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { view, gateway, apollo } = await render('/admin/api-keys', {
      AdminApiKeys: () => ({ data: { apiKeys: [apiKey('old1', 'Old integration')] } }),
      AdminRolePermissions: rolePermissionsHandler,
      AdminCreateApiKey: ({ variables }) => {
        const input = variables.input as { name: string; role: string; scopes: string[] };
        return {
          data: {
            createApiKey: {
              __typename: 'CreatedApiKey',
              secret: SECRET,
              apiKey: apiKey('new1', input.name, { role: input.role, scopes: input.scopes }),
            },
          },
        };
      },
    });
    expect(view.find('tbody').text()).toContain('Old integration');
    await button(view, 'Create an API key').trigger('click');
    await view.find('form input[type="text"]').setValue('Partner portal');
    await view.find('input[type="radio"][value="SERVICE"]').setValue(true);
    await view.find('input[type="checkbox"][value="conversation:read:any"]').setValue(true);
    await view.find('form').trigger('submit');
    await flushPromises();

    expect(gateway.named('AdminCreateApiKey')[0]!.variables).toEqual({
      input: { name: 'Partner portal', role: 'SERVICE', scopes: ['conversation:read:any'] },
    });
    const dialog = view.find('dialog');
    expect(dialog.text()).toContain('This is the only time the key is shown');
    expect((view.find('#api-key-secret').element as HTMLInputElement).value).toBe(SECRET);
    // Only the key's public fields reach the cache.
    expect(JSON.stringify(apollo.cache.extract())).not.toContain(SECRET);
    expect(JSON.stringify(apollo.cache.extract())).toContain('Partner portal');

    await button(view, 'Copy').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(dialog.text()).toContain('Copied to the clipboard.');

    await button(view, /I have stored it/).trigger('click');
    await flushPromises();
    expect(view.find('dialog').exists()).toBe(false);
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(view.find('tbody').text()).toContain('Partner portal');
    expect(view.find('[aria-live="polite"]').text()).toContain('API key “Partner portal” created');
    expect(document.activeElement).toBe(button(view, 'Create an API key').element);
  });

  it('selects the secret for copying by hand when the clipboard is unavailable', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const { view } = await render('/admin/api-keys', {
      AdminApiKeys: () => ({ data: { apiKeys: [] } }),
      AdminRolePermissions: rolePermissionsHandler,
      AdminCreateApiKey: () => ({ data: { createApiKey: { __typename: 'CreatedApiKey', secret: SECRET, apiKey: apiKey('new1', 'K') } } }),
    });
    await button(view, 'Create an API key').trigger('click');
    await view.find('form input[type="text"]').setValue('K');
    await view.find('input[type="checkbox"][value="search:query"]').setValue(true);
    await view.find('form').trigger('submit');
    await flushPromises();
    await button(view, 'Copy').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(view.find('#api-key-secret').element);
    expect(view.find('dialog').text()).toContain('press Ctrl+C');
  });

  it('shows the API’s error next to the scopes', async () => {
    const { view } = await render('/admin/api-keys', {
      AdminApiKeys: () => ({ data: { apiKeys: [] } }),
      AdminRolePermissions: rolePermissionsHandler,
      AdminCreateApiKey: () =>
        graphqlErrors({ message: 'The PARTNER role does not grant: search:query.', extensions: { code: 'BAD_USER_INPUT', field: 'scopes' } }),
    });
    await button(view, 'Create an API key').trigger('click');
    await view.find('form input[type="text"]').setValue('K');
    await view.find('input[type="checkbox"][value="search:query"]').setValue(true);
    await view.find('form').trigger('submit');
    await flushPromises();
    const fieldset = view.findAll('fieldset')[1]!;
    expect(fieldset.find('.field-error').text()).toContain('does not grant: search:query');
    expect(view.find('dialog').exists()).toBe(false);
  });

  it('asks before revoking a key and shows it as revoked', async () => {
    const { view, gateway } = await render('/admin/api-keys', {
      AdminApiKeys: () => ({
        data: { apiKeys: [apiKey('k1', 'Partner portal'), apiKey('k0', 'Retired', { revokedAt: '2025-01-03T00:00:00.000Z' })] },
      }),
      AdminRolePermissions: rolePermissionsHandler,
      AdminRevokeApiKey: () => ({ data: { revokeApiKey: apiKey('k1', 'Partner portal', { revokedAt: '2025-02-01T00:00:00.000Z' }) } }),
    });
    const rows = view.findAll('tbody tr');
    expect(rows[1]!.text()).toContain('Revoked');
    expect(rows[1]!.findAll('button')).toHaveLength(0);

    await button(view, 'Revoke Partner portal').trigger('click');
    await flushPromises();
    expect(view.find('dialog').text()).toContain('Revoke “Partner portal”?');
    expect(gateway.named('AdminRevokeApiKey')).toHaveLength(0);
    expect(document.activeElement).toBe(button(view, 'Cancel').element);

    await button(view, 'Revoke key').trigger('click');
    await flushPromises();
    expect(gateway.named('AdminRevokeApiKey')[0]!.variables).toEqual({ id: 'k1' });
    expect(view.find('dialog').exists()).toBe(false);
    expect(view.findAll('tbody tr')[0]!.text()).toContain('Revoked');
    expect(view.findAll('button').filter((b) => /^Revoke/.test(b.text()))).toHaveLength(0);
    expect(view.find('[aria-live="polite"]').text()).toContain('revoked');
  });
});

const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'AuditEntry',
  id,
  action: 'member.role_change',
  actorType: 'user',
  actorId: USER.id,
  targetType: 'user',
  targetId: 'user-2',
  outcome: 'success',
  ip: '203.0.113.9',
  detail: JSON.stringify({ from: 'agent', to: 'curator' }),
  createdAt: '2025-01-05T12:00:00.000Z',
  ...extra,
});

describe('AuditLogScreen', () => {
  const localMidnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

  it('maps the URL’s filters to the query, and "Load more" passes the cursor', async () => {
    const { view, gateway } = await render('/admin/audit?action=member.role_change&outcome=success&actor=user-1&from=2025-01-01&to=2025-01-31', {
      AdminMembers: membersHandler,
      AdminApiKeys: () => ({ data: { apiKeys: [] } }),
      AdminAuditLog: ({ variables }) =>
        variables.after
          ? {
              data: {
                auditLog: {
                  __typename: 'AuditLogPage',
                  entries: [
                    entry('40', {
                      action: 'apikey.revoke',
                      actorType: 'apiKey',
                      actorId: 'k9',
                      targetType: 'apiKey',
                      targetId: 'k9',
                      detail: '{"name":"Old"}',
                    }),
                  ],
                  nextCursor: null,
                },
              },
            }
          : { data: { auditLog: { __typename: 'AuditLogPage', entries: [entry('42')], nextCursor: '42' } } },
    });
    const first = gateway.named('AdminAuditLog')[0]!.variables;
    expect(first).toEqual({
      filter: {
        action: 'member.role_change',
        outcome: 'success',
        actorId: 'user-1',
        from: localMidnight(2025, 1, 1),
        to: localMidnight(2025, 2, 1),
      },
      after: null,
      first: 50,
    });
    const item = view.find('li.entry');
    expect(item.text()).toContain('Role changed');
    expect(item.text()).toContain('Ada Lovelace');
    expect(item.text()).toContain('User Grace Hopper');
    expect(item.text()).toContain('from');
    expect(item.text()).toContain('curator');
    expect(item.find('time').attributes('datetime')).toBe('2025-01-05T12:00:00.000Z');
    // The form shows the filters in force.
    expect((view.find('input[type="date"]').element as HTMLInputElement).value).toBe('2025-01-01');

    await button(view, 'Load more').trigger('click');
    await flushPromises();
    const second = gateway.named('AdminAuditLog')[1]!.variables;
    expect(second).toEqual({ ...first, after: '42' });
    expect(view.findAll('li.entry')).toHaveLength(2);
    expect(view.findAll('li.entry')[1]!.text()).toContain('API key k9');
    expect(document.activeElement).toBe(view.findAll('li.entry')[1]!.element);
    expect(view.findAll('button').some((b) => b.text() === 'Load more')).toBe(false);
  });

  it('puts applied filters into the URL and reloads from the first page', async () => {
    const { view, gateway, router } = await render('/admin/audit', {
      AdminMembers: membersHandler,
      AdminApiKeys: () => ({ data: { apiKeys: [] } }),
      AdminAuditLog: () => ({ data: { auditLog: { __typename: 'AuditLogPage', entries: [entry('7')], nextCursor: null } } }),
    });
    expect(gateway.named('AdminAuditLog')[0]!.variables).toEqual({ filter: null, after: null, first: 50 });
    const form = view.find('form');
    const inputs = form.findAll('input[type="text"]');
    await inputs[0]!.setValue('apikey.create'); // action
    await inputs[2]!.setValue('apiKey'); // target type
    await form.find('select').setValue('denied');
    await form.findAll('input[type="date"]')[1]!.setValue('2025-03-10');
    await form.trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ action: 'apikey.create', outcome: 'denied', targetType: 'apiKey', to: '2025-03-10' });
    expect(gateway.named('AdminAuditLog')[1]!.variables).toEqual({
      filter: { action: 'apikey.create', outcome: 'denied', targetType: 'apiKey', to: localMidnight(2025, 3, 11) },
      after: null,
      first: 50,
    });
    expect(view.find('[aria-live="polite"]').text()).toContain('1 entry match the filters');
  });

  it('checks the dates before asking and shows API errors next to the filter', async () => {
    const { view, gateway } = await render('/admin/audit?actor=x', {
      AdminMembers: membersHandler,
      AdminApiKeys: () => ({ data: { apiKeys: [] } }),
      AdminAuditLog: () =>
        graphqlErrors({ message: 'actorId must be shorter than or equal to 100 characters', extensions: { code: 'BAD_USER_INPUT', field: 'actorId' } }),
    });
    const actor = view.find('form').findAll('input[type="text"]')[1]!;
    expect(actor.attributes('aria-invalid')).toBe('true');
    expect(view.find(`#${CSS.escape(actor.attributes('aria-describedby')!.split(' ')[0]!)}`).text()).toContain('actorId must be shorter');

    const dates = view.find('form').findAll('input[type="date"]');
    await dates[0]!.setValue('2025-02-01');
    await dates[1]!.setValue('2025-01-01');
    await view.find('form').trigger('submit');
    await flushPromises();
    expect(view.text()).toContain('The last day must be on or after the first day.');
    expect(document.activeElement).toBe(dates[1]!.element);
    expect(gateway.named('AdminAuditLog')).toHaveLength(1);
  });
});
