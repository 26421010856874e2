import { resolve } from 'node:path';
import { accessTokenEnvSchema, baseEnvSchema, identityEnvSchema, port, redisEnvSchema } from '@scs/runtime/config';
import { analyticsEnvSchema } from '@scs/contracts/analytics-events';
import { z } from 'zod';

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const gatewayEnvSchema = baseEnvSchema
  .extend(redisEnvSchema.shape)
  .extend(identityEnvSchema.shape)
  .extend(accessTokenEnvSchema.shape)
  .extend(analyticsEnvSchema.shape)
  .extend({
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    GATEWAY_PORT: port(4000),
    /** The composed supergraph checked in under schema/. */
    SUPERGRAPH_PATH: z.string().default(resolve(__dirname, '../../schema/supergraph.graphql')),
    /** Optional per-subgraph URL overrides; without them the URLs written in the supergraph are used. */
    SUBGRAPH_USERS_URL: z.url().optional(),
    SUBGRAPH_KNOWLEDGE_URL: z.url().optional(),
    SUBGRAPH_CHAT_URL: z.url().optional(),
    SUBGRAPH_ANALYTICS_URL: z.url().optional(),
    /** Take the client address from X-Forwarded-For (only behind a proxy you control). */
    GATEWAY_TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Requests per window: per signed-in user or API key, per anonymous client IP, and for the whole system. */
    RATE_LIMIT_WINDOW_SECONDS: count(60),
    RATE_LIMIT_PRINCIPAL_POINTS: count(600),
    RATE_LIMIT_ANONYMOUS_POINTS: count(300),
    RATE_LIMIT_GLOBAL_POINTS: count(30_000),
    /** Operation limits: selection depth, aliases, estimated cost, tokens, directives. */
    OPERATION_MAX_DEPTH: count(12),
    OPERATION_MAX_ALIASES: count(15),
    // The cost estimate multiplies a list's cost by its `first` argument: the chat screen's conversation page (50
    // messages with their citations and images) estimates ~38,000; far larger lists or nestings are refused.
    OPERATION_MAX_COST: count(60_000),
    OPERATION_MAX_TOKENS: count(2_000),
    OPERATION_MAX_DIRECTIVES: count(30),
    /**
     * WebSocket (graphql-ws) limits: the largest frame (the same 64 kB as an HTTP body), subscriptions per socket and
     * per principal, open sockets per principal and per client address (on this gateway instance).
     */
    WS_MAX_PAYLOAD_BYTES: count(64 * 1024),
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: count(50),
    WS_MAX_SUBSCRIPTIONS_PER_PRINCIPAL: count(100),
    WS_MAX_SOCKETS_PER_PRINCIPAL: count(10),
    WS_MAX_SOCKETS_PER_IP: count(100),
    /** How often the requests counted per API key are sent to analytics (they are counted in memory in between). */
    ANALYTICS_API_USAGE_FLUSH_MS: z.coerce.number().int().min(100).default(10_000),
  });

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;
