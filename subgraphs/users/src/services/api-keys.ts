import type { EntityManager } from '@mikro-orm/postgresql';
import { API_KEY_LAST_USED_KEY, apiKeyCacheKey, AUTH_REVOCATIONS_CHANNEL } from '@scs/contracts/auth-redis-keys';
import type { Permission, Role } from '@scs/contracts/permissions';
import type { Redis } from '@scs/runtime/redis';
import { ApiKeyRecord } from '../entities/api-key.entity.js';
import type { RolePermissions } from './role-permissions.js';
import { randomSecret, sha256 } from './secrets.js';

/** `scs_<prefix>_<secret>`: the prefix is shown in listings so people can tell keys apart. */
const KEY_FORMAT = /^scs_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyPrincipal {
  apiKeyId: string;
  orgId: string;
  role: Role;
  permissions: Permission[];
}

export class ApiKeys {
  constructor(
    private readonly redis: Redis,
    private readonly rolePermissions: RolePermissions,
  ) {}

  async create(
    em: EntityManager,
    input: { orgId: string; name: string; role: Role; scopes: Permission[]; expiresAt: Date | null; createdBy: string | null },
  ): Promise<{ record: ApiKeyRecord; secret: string }> {
    const prefix = randomSecret(8)
      .replace(/[^a-zA-Z0-9]/g, '')
      .toLowerCase()
      .padEnd(10, '0')
      .slice(0, 10);
    const secret = `scs_${prefix}_${randomSecret(32)}`;
    const record = em.create(ApiKeyRecord, {
      organizationId: input.orgId,
      name: input.name,
      prefix,
      keyHash: sha256(secret),
      role: input.role,
      scopes: input.scopes,
      expiresAt: input.expiresAt,
      createdBy: input.createdBy,
    });
    return { record, secret };
  }

  /** Called by the gateway (through an internal field) for a key it has not cached. */
  async authenticate(em: EntityManager, key: string): Promise<ApiKeyPrincipal | null> {
    if (!KEY_FORMAT.test(key)) return null;
    const record = await em.findOne(ApiKeyRecord, { keyHash: sha256(key) });
    if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= new Date())) return null;
    const granted = await this.rolePermissions.forRole(em, record.organizationId, record.role);
    record.lastUsedAt = new Date();
    await em.flush();
    return { apiKeyId: record.id, orgId: record.organizationId, role: record.role, permissions: record.scopes.filter((s) => granted.includes(s)) };
  }

  /** Revokes in PostgreSQL, drops the gateways' cache entry and announces it, so the key stops working at once. */
  async revoke(em: EntityManager, record: ApiKeyRecord): Promise<void> {
    record.revokedAt ??= new Date();
    await em.flush();
    await this.redis.del(apiKeyCacheKey(record.keyHash));
    await this.redis.publish(AUTH_REVOCATIONS_CHANNEL, JSON.stringify({ apiKeyId: record.id }));
  }

  /** Gateways record use in Redis on every request; listings show the later of that and the database. */
  async lastUsed(ids: string[]): Promise<Map<string, Date>> {
    if (ids.length === 0) return new Map();
    const values = await this.redis.hmget(API_KEY_LAST_USED_KEY, ...ids);
    return new Map(ids.flatMap((id, i) => (values[i] ? [[id, new Date(Number(values[i]))] as const] : [])));
  }
}
