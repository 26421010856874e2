import { createHash } from 'node:crypto';
import { AccessTokenError, verifyAccessToken } from '@scs/graphql-kit/auth/access-token';
import { API_KEY_LAST_USED_KEY, apiKeyCacheKey, revokedSessionKey, rolePermissionsCacheKey } from '@scs/contracts/auth-redis-keys';
import { unauthenticated } from '@scs/graphql-kit/auth/errors';
import type { Identity } from '@scs/contracts/identity';
import type { Permission } from '@scs/contracts/permissions';
import type { Redis } from '@scs/runtime/redis';
import type { UsersInternalClient } from './users-internal-client.js';

const API_KEY_CACHE_SECONDS = 60;

export interface Credentials {
  /** The Authorization header: `Bearer <access token>` or `ApiKey <key>`. */
  authorization?: string;
  /** Alternatively, an API key in X-API-Key. */
  apiKey?: string;
}

/**
 * Establishes who is calling, once per request or WebSocket connection: an access token (JWT) or
 * an API key, or nobody. Permissions come from the organization's role mapping, and revocations
 * (sessions, API keys) take effect on the next request through Redis, shared by every gateway.
 */
export class Authenticator {
  constructor(
    private readonly redis: Redis,
    private readonly users: UsersInternalClient,
    private readonly jwtSecret: string,
  ) {}

  async authenticate(credentials: Credentials, ip: string): Promise<Identity & { expiresAt?: Date }> {
    const header = credentials.authorization?.trim();
    if (credentials.apiKey) return this.fromApiKey(credentials.apiKey.trim(), ip);
    if (!header) return { kind: 'anonymous', ip };
    const [scheme, value, ...rest] = header.split(/\s+/);
    if (!value || rest.length > 0) throw unauthenticated('The Authorization header must be "Bearer <token>" or "ApiKey <key>".');
    if (/^bearer$/i.test(scheme!)) return this.fromAccessToken(value, ip);
    if (/^apikey$/i.test(scheme!)) return this.fromApiKey(value, ip);
    throw unauthenticated('The Authorization header must be "Bearer <token>" or "ApiKey <key>".');
  }

  private async fromAccessToken(token: string, ip: string): Promise<Identity & { expiresAt: Date }> {
    let claims;
    try {
      claims = await verifyAccessToken(token, this.jwtSecret);
    } catch (error) {
      throw unauthenticated(error instanceof AccessTokenError ? error.message : 'The access token is not valid.');
    }
    if (await this.redis.exists(revokedSessionKey(claims.sessionId))) {
      throw unauthenticated('This session has ended; sign in again.');
    }
    const permissions = await this.rolePermissions(claims.orgId, claims.role);
    return {
      kind: 'user',
      userId: claims.userId,
      orgId: claims.orgId,
      role: claims.role,
      sessionId: claims.sessionId,
      permissions,
      ip,
      expiresAt: claims.expiresAt,
    };
  }

  private async fromApiKey(key: string, ip: string): Promise<Identity> {
    if (key.length > 200) throw unauthenticated('The API key is not valid.');
    const hash = createHash('sha256').update(key).digest('hex');
    const cacheKey = apiKeyCacheKey(hash);
    const cached = await this.redis.get(cacheKey);
    let principal = cached ? (JSON.parse(cached) as Awaited<ReturnType<UsersInternalClient['authenticateApiKey']>>) : null;
    if (!principal) {
      principal = await this.users.authenticateApiKey(key);
      if (!principal) throw unauthenticated('The API key is not valid, revoked or expired.');
      await this.redis.set(cacheKey, JSON.stringify(principal), 'EX', API_KEY_CACHE_SECONDS);
    }
    void this.redis.hset(API_KEY_LAST_USED_KEY, principal.apiKeyId, String(Date.now())).catch(() => undefined);
    return { kind: 'apiKey', apiKeyId: principal.apiKeyId, orgId: principal.orgId, role: principal.role, permissions: principal.permissions, ip };
  }

  private async rolePermissions(orgId: string, role: Parameters<UsersInternalClient['rolePermissions']>[1]): Promise<Permission[]> {
    const cached = await this.redis.hget(rolePermissionsCacheKey(orgId), role);
    if (cached) return JSON.parse(cached) as Permission[];
    return this.users.rolePermissions(orgId, role);
  }
}
