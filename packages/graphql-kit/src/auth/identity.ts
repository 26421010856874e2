import { jwtVerify, SignJWT } from 'jose';
import type { Identity } from '@scs/contracts/identity';

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
