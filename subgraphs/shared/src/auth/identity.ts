import { jwtVerify, SignJWT } from 'jose';
import type { Permission, Role } from './permissions.js';

/** Who is calling, as established once by the gateway and passed to every subgraph. */
export type Identity =
  | { kind: 'anonymous'; ip: string }
  | {
      kind: 'user';
      userId: string;
      orgId: string;
      role: Role;
      permissions: Permission[];
      /** Refresh-token family of the session, so a revoked session can be recognised. */
      sessionId: string;
      ip: string;
    }
  | {
      kind: 'apiKey';
      apiKeyId: string;
      orgId: string;
      role: Role;
      permissions: Permission[];
      ip: string;
    }
  /** The gateway itself, for internal calls such as API key verification. */
  | { kind: 'gateway'; ip: string };

export type Principal = Extract<Identity, { kind: 'user' } | { kind: 'apiKey' }>;

export function isPrincipal(identity: Identity): identity is Principal {
  return identity.kind === 'user' || identity.kind === 'apiKey';
}

/** Header carrying the gateway-signed identity to subgraphs. */
export const IDENTITY_HEADER = 'x-scs-identity';

const ISSUER = 'scs-gateway';
const AUDIENCE = 'scs-subgraphs';
/** Short: a signed identity is minted per request and must not be replayable for long. */
const IDENTITY_TTL_SECONDS = 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signIdentity(identity: Identity, secret: string): Promise<string> {
  return new SignJWT({ identity })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${IDENTITY_TTL_SECONDS}s`)
    .sign(key(secret));
}

/** Verifies a gateway-signed identity; throws on anything else. */
export async function verifyIdentity(token: string, secret: string): Promise<Identity> {
  const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
  const identity = payload.identity as Identity | undefined;
  if (!identity || typeof identity !== 'object' || typeof identity.kind !== 'string') throw new Error('identity claim missing');
  return identity;
}
