import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { isRole, type Role } from '@scs/contracts/permissions';

/** What an access token says: who, in which organization, with which role, in which session. */
export interface AccessClaims {
  userId: string;
  orgId: string;
  role: Role;
  /** The refresh-token family; lets a revoked session's unexpired access tokens be refused. */
  sessionId: string;
}

const ISSUER = 'scs-users';
const AUDIENCE = 'scs-gateway';

const secretKey = (secret: string) => new TextEncoder().encode(secret);

export async function signAccessToken(claims: AccessClaims, secret: string, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ org: claims.orgId, role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secretKey(secret));
  return { token, expiresAt };
}

export class AccessTokenError extends Error {
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid',
  ) {
    super(message);
  }
}

/** Verifies signature, issuer, audience, expiry and claim shapes; the message says what is wrong. */
export async function verifyAccessToken(token: string, secret: string): Promise<AccessClaims & { expiresAt: Date }> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const { sub, org, role, sid, exp } = payload as { sub?: unknown; org?: unknown; role?: unknown; sid?: unknown; exp?: number };
    if (typeof sub !== 'string' || typeof org !== 'string' || typeof sid !== 'string' || typeof role !== 'string' || !isRole(role)) {
      throw new AccessTokenError('The access token is missing required claims.', 'invalid');
    }
    return { userId: sub, orgId: org, role, sessionId: sid, expiresAt: new Date((exp ?? 0) * 1000) };
  } catch (error) {
    if (error instanceof AccessTokenError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new AccessTokenError('The access token has expired; refresh the session.', 'expired');
    throw new AccessTokenError('The access token is malformed or its signature is invalid.', 'invalid');
  }
}
