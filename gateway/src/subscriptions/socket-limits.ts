import type { Identity } from '@scs/contracts/identity';

export interface SocketLimitSettings {
  maxSubscriptionsPerSocket: number;
  maxSubscriptionsPerPrincipal: number;
  maxSocketsPerPrincipal: number;
  maxSocketsPerIp: number;
}

/** Longest subscription id accepted (graphql-ws clients send UUIDs); the id is echoed in every answer. */
export const MAX_SUBSCRIPTION_ID_LENGTH = 128;

/** One socket as the limits see it: graphql-ws's live subscriptions of that socket, by id. */
interface TrackedSocket {
  subscriptions: Record<string, unknown>;
}

/** Who a socket counts against: a person (across their sessions) or an API key; none for anonymous sockets. */
export function principalKey(identity: Identity): string | undefined {
  if (identity.kind === 'user') return `user:${identity.userId}`;
  if (identity.kind === 'apiKey') return `apikey:${identity.apiKeyId}`;
  return undefined;
}

/**
 * Open sockets per client address and per principal, and subscriptions per socket and per
 * principal, on this gateway instance. Subscriptions are counted from graphql-ws's own record of
 * each socket's live operations, so nothing has to be decremented by hand when they end.
 */
export class SocketLimits {
  private readonly byIp = new Map<string, number>();
  private readonly byPrincipal = new Map<string, Set<TrackedSocket>>();

  constructor(private readonly settings: SocketLimitSettings) {}

  /** Counts a new socket from `ip`; false (and nothing counted) when that address has too many. */
  openFromIp(ip: string): boolean {
    const open = this.byIp.get(ip) ?? 0;
    if (open >= this.settings.maxSocketsPerIp) return false;
    this.byIp.set(ip, open + 1);
    return true;
  }

  closedFromIp(ip: string): void {
    const open = (this.byIp.get(ip) ?? 1) - 1;
    if (open <= 0) this.byIp.delete(ip);
    else this.byIp.set(ip, open);
  }

  /** Counts an authenticated socket against its principal; false when the principal has too many open. */
  addForPrincipal(key: string | undefined, socket: TrackedSocket): boolean {
    if (!key) return true;
    const sockets = this.byPrincipal.get(key) ?? new Set();
    if (sockets.size >= this.settings.maxSocketsPerPrincipal) return false;
    sockets.add(socket);
    this.byPrincipal.set(key, sockets);
    return true;
  }

  removeForPrincipal(key: string | undefined, socket: TrackedSocket): void {
    if (!key) return;
    const sockets = this.byPrincipal.get(key);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byPrincipal.delete(key);
  }

  /**
   * Why a new subscription on `socket` (already in its record) is refused, or undefined when it may start.
   */
  refuseSubscription(key: string | undefined, socket: TrackedSocket): string | undefined {
    if (Object.keys(socket.subscriptions).length > this.settings.maxSubscriptionsPerSocket) {
      return `At most ${this.settings.maxSubscriptionsPerSocket} operations may run at once on one connection.`;
    }
    if (!key) return undefined;
    let total = 0;
    for (const other of this.byPrincipal.get(key) ?? []) total += Object.keys(other.subscriptions).length;
    if (total > this.settings.maxSubscriptionsPerPrincipal) {
      return `At most ${this.settings.maxSubscriptionsPerPrincipal} operations may run at once for one user or API key.`;
    }
    return undefined;
  }
}
