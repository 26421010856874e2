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
