/**
 * Redis keys and channels shared by the users subgraph (which writes them) and the gateway
 * (which reads them while authenticating), kept in one place so both agree.
 */

/** Pub/sub channel announcing revoked sessions and API keys; gateways close matching subscriptions. */
export const AUTH_REVOCATIONS_CHANNEL = 'scs:auth:revocations';

export type Revocation = { sessionId: string } | { apiKeyId: string } | { userId: string; orgId?: string };

/** Present while a session (refresh-token family) is revoked but its access tokens could still be unexpired. */
export function revokedSessionKey(sessionId: string): string {
  return `scs:auth:revoked-session:${sessionId}`;
}

/** Cached result of authenticating one API key (by the SHA-256 of the key). */
export function apiKeyCacheKey(keyHash: string): string {
  return `scs:auth:apikey:${keyHash}`;
}

/** Hash of role → permissions for one organization. */
export function rolePermissionsCacheKey(orgId: string): string {
  return `scs:auth:role-permissions:${orgId}`;
}

/** Hash of API key id → last time it was used (epoch ms), written by gateways on every request. */
export const API_KEY_LAST_USED_KEY = 'scs:auth:apikey-last-used';
