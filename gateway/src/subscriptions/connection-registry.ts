import type { Identity } from '@scs/contracts/identity';
import type { Revocation } from '@scs/contracts/auth-redis-keys';

/** Something that can be closed with a WebSocket close code and reason. */
export interface Closable {
  close(code: number, reason: string): void;
}

/**
 * Open WebSocket connections by what could be revoked under them (session, API key, user), so a
 * revocation announced by the users subgraph closes exactly the affected ones at once.
 */
export class ConnectionRegistry {
  private readonly byKey = new Map<string, Set<Closable>>();

  private static keysOf(identity: Identity): string[] {
    if (identity.kind === 'user') return [`session:${identity.sessionId}`, `user:${identity.userId}`, `user:${identity.userId}:${identity.orgId}`];
    if (identity.kind === 'apiKey') return [`apikey:${identity.apiKeyId}`];
    return [];
  }

  add(identity: Identity, connection: Closable): void {
    for (const key of ConnectionRegistry.keysOf(identity)) {
      const set = this.byKey.get(key) ?? new Set();
      set.add(connection);
      this.byKey.set(key, set);
    }
  }

  remove(identity: Identity, connection: Closable): void {
    for (const key of ConnectionRegistry.keysOf(identity)) {
      const set = this.byKey.get(key);
      set?.delete(connection);
      if (set?.size === 0) this.byKey.delete(key);
    }
  }

  /** Closes every connection the revocation covers; returns how many. */
  revoke(revocation: Revocation): number {
    const key =
      'sessionId' in revocation
        ? `session:${revocation.sessionId}`
        : 'apiKeyId' in revocation
          ? `apikey:${revocation.apiKeyId}`
          : revocation.orgId
            ? `user:${revocation.userId}:${revocation.orgId}`
            : `user:${revocation.userId}`;
    const connections = [...(this.byKey.get(key) ?? [])];
    for (const connection of connections) connection.close(4403, 'Forbidden: credentials revoked');
    return connections.length;
  }
}
