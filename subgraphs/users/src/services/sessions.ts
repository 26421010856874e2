import type { EntityManager } from '@mikro-orm/postgresql';
import { AUTH_REVOCATIONS_CHANNEL, revokedSessionKey, type Revocation } from '@scs/contracts/auth-redis-keys';
import { signAccessToken } from '@scs/graphql-kit/auth/access-token';
import { unauthenticated } from '@scs/graphql-kit/auth/errors';
import type { Redis } from '@scs/runtime/redis';
import type { Role } from '@scs/contracts/permissions';
import { randomUUID } from 'node:crypto';
import { RefreshTokenRecord } from '../entities/refresh-token.entity.js';
import { randomSecret, sha256 } from './secrets.js';

export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  sessionId: string;
}

export interface SessionSettings {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/**
 * Sessions as refresh-token families with rotation: every refresh spends one token and issues the
 * next. A spent token presented again means it leaked, so the whole family is revoked. Revocation
 * is written to PostgreSQL, marked in Redis (so gateways refuse the family's unexpired access
 * tokens) and announced (so gateways close its subscriptions).
 */
export class Sessions {
  constructor(
    private readonly redis: Redis,
    private readonly settings: SessionSettings,
  ) {}

  async start(em: EntityManager, userId: string, orgId: string, role: Role): Promise<SessionTokens> {
    return this.issue(em, { familyId: randomUUID(), userId, orgId, role });
  }

  /**
   * Spends `refreshToken` and issues the next pair, with the role the user holds now. `currentRole`
   * looks the membership up; null means the user is no longer a member.
   */
  async refresh(
    em: EntityManager,
    refreshToken: string,
    currentRole: (userId: string, orgId: string) => Promise<Role | null>,
  ): Promise<{ tokens: SessionTokens; userId: string; orgId: string; role: Role } | { reuse: RefreshTokenRecord }> {
    const record = await em.findOne(RefreshTokenRecord, { tokenHash: sha256(refreshToken) });
    if (!record) throw unauthenticated('The refresh token is not valid; sign in again.');
    if (record.usedAt) {
      await this.revokeFamily(em, record.familyId);
      return { reuse: record };
    }
    if (record.revokedAt) throw unauthenticated('This session has ended; sign in again.');
    if (record.expiresAt <= new Date()) throw unauthenticated('The session has expired; sign in again.');
    const role = await currentRole(record.userId, record.organizationId);
    if (!role) {
      await this.revokeFamily(em, record.familyId);
      throw unauthenticated('You are no longer a member of this organization.');
    }
    // Spend the token only if nobody else did in the meantime (two refreshes racing).
    const spent = await em.nativeUpdate(RefreshTokenRecord, { id: record.id, usedAt: null, revokedAt: null }, { usedAt: new Date() });
    if (spent === 0) {
      await this.revokeFamily(em, record.familyId);
      return { reuse: record };
    }
    const tokens = await this.issue(em, { familyId: record.familyId, userId: record.userId, orgId: record.organizationId, role });
    return { tokens, userId: record.userId, orgId: record.organizationId, role };
  }

  /** Ends the session of `refreshToken`; unknown tokens are ignored (signing out twice is fine). */
  async end(em: EntityManager, refreshToken: string): Promise<RefreshTokenRecord | null> {
    const record = await em.findOne(RefreshTokenRecord, { tokenHash: sha256(refreshToken) });
    if (record) await this.revokeFamily(em, record.familyId);
    return record;
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.nativeUpdate(RefreshTokenRecord, { familyId, revokedAt: null }, { revokedAt: new Date() });
    await this.markRevoked([familyId]);
  }

  /** Revokes every session of a user (optionally in one organization): password reset, role change, removal. */
  async revokeUser(em: EntityManager, userId: string, orgId?: string): Promise<void> {
    const where = orgId ? { userId, organizationId: orgId, revokedAt: null } : { userId, revokedAt: null };
    const live = await em.find(RefreshTokenRecord, where, { fields: ['familyId'] });
    await em.nativeUpdate(RefreshTokenRecord, where, { revokedAt: new Date() });
    await this.markRevoked([...new Set(live.map((r) => r.familyId))]);
    await this.announce({ userId, ...(orgId ? { orgId } : {}) });
  }

  private async markRevoked(familyIds: string[]): Promise<void> {
    if (familyIds.length === 0) return;
    const multi = this.redis.multi();
    // Long enough to outlive every access token the family could still hold.
    for (const id of familyIds) multi.set(revokedSessionKey(id), '1', 'EX', this.settings.accessTtlSeconds + 60);
    await multi.exec();
    for (const sessionId of familyIds) await this.announce({ sessionId });
  }

  private async announce(revocation: Revocation): Promise<void> {
    await this.redis.publish(AUTH_REVOCATIONS_CHANNEL, JSON.stringify(revocation));
  }

  private async issue(em: EntityManager, s: { familyId: string; userId: string; orgId: string; role: Role }): Promise<SessionTokens> {
    const refreshToken = randomSecret();
    const refreshTokenExpiresAt = new Date(Date.now() + this.settings.refreshTtlSeconds * 1000);
    em.create(RefreshTokenRecord, {
      familyId: s.familyId,
      userId: s.userId,
      organizationId: s.orgId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshTokenExpiresAt,
    });
    await em.flush();
    const access = await signAccessToken(
      { userId: s.userId, orgId: s.orgId, role: s.role, sessionId: s.familyId },
      this.settings.jwtSecret,
      this.settings.accessTtlSeconds,
    );
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, sessionId: s.familyId };
  }
}
