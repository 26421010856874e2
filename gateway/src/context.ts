import type { Identity } from '@scs/contracts/identity';

/** Per-operation context of the gateway, for HTTP requests and WebSocket operations alike. */
export interface GatewayContext {
  correlationId: string;
  /** Established once by the gateway (token, API key or nobody) and signed for the subgraphs. */
  identity: Identity;
  /** The identity signed for subgraphs, minted once per operation. */
  signedIdentity?: Promise<string>;
}
