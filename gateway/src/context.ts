/** Per-operation context of the gateway, for HTTP requests and WebSocket operations alike. */
export interface GatewayContext {
  correlationId: string;
}
