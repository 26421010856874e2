import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '@scs/contracts/permissions';
import { rolePermissionsCacheKey } from '@scs/contracts/auth-redis-keys';
import type { Redis } from '@scs/runtime/redis';
import { RolePermissionsRecord } from '../entities/role-permissions.entity.js';

const CACHE_TTL_SECONDS = 300;

/**
 * Each organization's role → permissions mapping: its own rows where an admin changed a role,
 * the defaults otherwise. Gateways read it on every request through a Redis cache that this
 * service fills and clears on every change.
 */
export class RolePermissions {
  constructor(private readonly redis: Redis) {}

  async forOrganization(em: EntityManager, orgId: string): Promise<Record<Role, Permission[]>> {
    const rows = await em.find(RolePermissionsRecord, { organizationId: orgId });
    const mapping = Object.fromEntries(ROLES.map((role) => [role, [...DEFAULT_ROLE_PERMISSIONS[role]]])) as Record<Role, Permission[]>;
    for (const row of rows) mapping[row.role] = [...row.permissions];
    return mapping;
  }

  async forRole(em: EntityManager, orgId: string, role: Role): Promise<Permission[]> {
    const key = rolePermissionsCacheKey(orgId);
    const cached = await this.redis.hget(key, role);
    if (cached) return JSON.parse(cached) as Permission[];
    const mapping = await this.forOrganization(em, orgId);
    await this.redis
      .multi()
      .hset(key, Object.fromEntries(Object.entries(mapping).map(([r, p]) => [r, JSON.stringify(p)])))
      .expire(key, CACHE_TTL_SECONDS)
      .exec();
    return mapping[role];
  }

  /** Call after the change is committed: the next request in any gateway sees the new mapping. */
  async invalidate(orgId: string): Promise<void> {
    await this.redis.del(rolePermissionsCacheKey(orgId));
  }
}
