/**
 * Roles a member of an organization can hold, and the fine-grained permissions they map to.
 * The mapping below is each new organization's default; admins can change it per organization.
 */
export const ROLES = ['admin', 'curator', 'agent', 'customer', 'partner', 'service'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  curator: ['user:read', 'source:read', 'source:write', 'crawl:run', 'search:query', 'chat:ask', 'conversation:read:own'],
  agent: ['user:read', 'search:query', 'chat:ask', 'conversation:read:own', 'conversation:read:any', 'conversation:reply', 'analytics:read'],
  customer: ['chat:ask', 'conversation:read:own'],
  partner: ['schema:introspect', 'source:read', 'search:query', 'chat:ask', 'conversation:read:own'],
  service: ['schema:introspect', 'source:read', 'search:query', 'conversation:read:any', 'analytics:read', 'subscription:consume'],
};

/** Permissions an admin always keeps, so no organization can lock itself out of its own settings. */
export const ADMIN_FLOOR: readonly Permission[] = ['user:manage', 'role:manage'];

/** Roles API keys may carry; people hold the others. */
export const API_KEY_ROLES: readonly Role[] = ['partner', 'service'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
