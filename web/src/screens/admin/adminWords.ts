import type { Role } from '../../gql/graphql';

/** Roles in the order the API lists them (`enum Role`), with words for people. */
export const ROLES: readonly Role[] = ['ADMIN', 'CURATOR', 'AGENT', 'CUSTOMER', 'PARTNER', 'SERVICE'];

export const roleWords: Record<Role, string> = {
  ADMIN: 'Admin',
  CURATOR: 'Curator',
  AGENT: 'Agent',
  CUSTOMER: 'Customer',
  PARTNER: 'Partner',
  SERVICE: 'Service',
};

export const roleDescriptions: Record<Role, string> = {
  ADMIN: 'Runs the organization: members, roles, API keys, audit log.',
  CURATOR: 'Looks after the sources the assistant learns from.',
  AGENT: 'Answers customers who ask for a person.',
  CUSTOMER: 'Asks the assistant.',
  PARTNER: 'Another company’s integration (API keys).',
  SERVICE: 'An internal system (API keys).',
};

/** Roles people can be invited with or given (services use API keys; the API refuses SERVICE invitations). */
export const MEMBER_ROLES: readonly Role[] = ['ADMIN', 'CURATOR', 'AGENT', 'CUSTOMER', 'PARTNER'];

/** Roles API keys may carry (`API_KEY_ROLES` in packages/contracts/src/permissions.ts). */
export const API_KEY_ROLES: readonly Role[] = ['PARTNER', 'SERVICE'];

/**
 * Every permission, in the API's order (`PERMISSIONS` in packages/contracts/src/permissions.ts),
 * with a short description. A permission the API names that is missing here is still shown.
 */
export const PERMISSIONS: readonly { id: string; description: string }[] = [
  { id: 'user:read', description: 'See the members of the organization and their email addresses.' },
  { id: 'user:manage', description: 'Invite members, change their roles and remove them.' },
  { id: 'role:manage', description: 'Change what each role may do (this screen).' },
  { id: 'apikey:manage', description: 'Create and revoke API keys; set up the chat widget.' },
  { id: 'audit:read', description: 'Read the audit log.' },
  { id: 'system:read', description: 'See the health of the services (System status).' },
  { id: 'schema:introspect', description: 'Read the API schema (GraphQL introspection).' },
  { id: 'source:read', description: 'See sources, their crawls and what was indexed.' },
  { id: 'source:write', description: 'Add, change and delete sources.' },
  { id: 'crawl:run', description: 'Start, pause, resume and cancel crawls.' },
  { id: 'search:query', description: 'Search the indexed content directly.' },
  { id: 'chat:ask', description: 'Ask the assistant and rate its answers.' },
  { id: 'conversation:read:own', description: 'Read one’s own conversations.' },
  { id: 'conversation:read:any', description: 'Read every conversation of the organization (the agents’ inbox).' },
  { id: 'conversation:reply', description: 'Answer customers as a person and take conversations over.' },
  { id: 'analytics:read', description: 'See analytics: questions, content gaps, coverage, API usage.' },
  { id: 'subscription:consume', description: 'Receive live events over subscriptions (for services).' },
];

/** What each permission is for, by id. */
export const permissionDescription = (id: string): string => PERMISSIONS.find((p) => p.id === id)?.description ?? 'No description.';

/**
 * Permissions admins always keep, so no organization can lock itself out of its own settings
 * (`ADMIN_FLOOR` in packages/contracts/src/permissions.ts; the API refuses to drop them).
 */
export const ADMIN_FLOOR: readonly string[] = ['user:manage', 'role:manage'];

export const isFloor = (role: Role, permission: string): boolean => role === 'ADMIN' && ADMIN_FLOOR.includes(permission);

/**
 * What partner and service keys may use in a new organization (`DEFAULT_ROLE_PERMISSIONS`); the
 * organization may have changed it, so this only guides people who cannot read the mapping.
 */
export const DEFAULT_KEY_SCOPES: Record<'PARTNER' | 'SERVICE', readonly string[]> = {
  PARTNER: ['schema:introspect', 'source:read', 'search:query', 'chat:ask', 'conversation:read:own'],
  SERVICE: ['schema:introspect', 'source:read', 'search:query', 'conversation:read:any', 'analytics:read', 'subscription:consume'],
};

/** Sorts permissions in the API's order (unknown ones last, alphabetically). */
export function sortPermissions(permissions: Iterable<string>): string[] {
  const order = new Map(PERMISSIONS.map((p, i) => [p.id, i]));
  return [...new Set(permissions)].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b));
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}

/** Audit actions the services record, with words for people (others are shown as they are). */
export const AUDIT_ACTIONS: Record<string, string> = {
  'user.register': 'Account created',
  'user.invite': 'Member invited',
  'invitation.accept': 'Invitation accepted',
  'user.email_verified': 'Email confirmed',
  'user.password_reset_requested': 'Password reset requested',
  'user.password_reset': 'Password reset',
  'auth.login_failed': 'Sign-in failed',
  'auth.login_locked': 'Sign-in refused (account locked)',
  'auth.account_locked': 'Account locked',
  'session.logout': 'Signed out',
  'session.refresh_token_reused': 'Refresh token reused (session revoked)',
  'member.role_change': 'Role changed',
  'member.remove': 'Member removed',
  'role_permissions.update': 'Role permissions changed',
  'organization.create': 'Organization created',
  'apikey.create': 'API key created',
  'apikey.revoke': 'API key revoked',
  'source.create': 'Source added',
  'source.update': 'Source changed',
  'source.delete': 'Source deleted',
  'crawl.start': 'Crawl started',
  'crawl.pause': 'Crawl paused',
  'crawl.resume': 'Crawl resumed',
  'crawl.cancel': 'Crawl cancelled',
};

export const AUDIT_TARGET_TYPES = ['user', 'invitation', 'role', 'apiKey', 'source', 'session', 'organization'] as const;

export const AUDIT_OUTCOMES: Record<string, string> = { success: 'Success', failure: 'Failure', denied: 'Denied' };

export const actorTypeWords: Record<string, string> = { user: 'User', apiKey: 'API key', anonymous: 'Anonymous', system: 'System' };
