import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AUTH_REVOCATIONS_CHANNEL, type Revocation } from '@scs/contracts/auth-redis-keys';
import { authorize, principalOf } from '@scs/graphql-kit/auth/authorize';
import { hideSuggestionsIn, maskInternalErrors } from '@scs/graphql-kit/graphql-server';
import { REPLAY_ARGUMENT, withoutReplayArgument } from '@scs/contracts/replayable-topics';
import { subscriptionTopic } from '@scs/contracts/subscription-topics';
import type { Identity } from '@scs/contracts/identity';
import type { Logger } from '@scs/runtime/logger';
import type { Redis } from '@scs/runtime/redis';
import {
  GraphQLError,
  parse,
  print,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import type { GatewayRateLimits } from '../auth/rate-limits.js';
import type { GatewayContext } from '../context.js';
import { ConnectionRegistry } from './connection-registry.js';
import { findEntityLookups } from './entity-lookup.js';
import { EventCompletion, eventFieldResolver, type FederatedExecutor } from './event-completion.js';
import { TopicIterator } from './replay.js';
import { MAX_SUBSCRIPTION_ID_LENGTH, principalKey, SocketLimits, type SocketLimitSettings } from './socket-limits.js';
import { checkSubscriptionGuard } from './subscription-guards.js';
import { activeConnections, trackSubscription } from './subscription-metrics.js';

export interface SubscriptionServerOptions {
  server: Server;
  path: string;
  pubsub: RedisPubSub;
  logger: Logger;
  authenticator: Authenticator;
  rateLimits: GatewayRateLimits;
  /** The same operation limits as HTTP requests (depth, aliases, cost, …). */
  validationRules: ValidationRule[];
  /** The most tokens a document may have (the same as over HTTP). */
  maxTokens: number;
  /** Frame size, subscriptions per socket and principal, sockets per principal and address. */
  limits: SocketLimitSettings & { maxPayloadBytes: number };
  /** The client's address, as HTTP requests see it (X-Forwarded-For only behind a trusted proxy). */
  clientIp: (request: IncomingMessage) => string;
  hideSuggestions: boolean;
  /** The gateway's current API schema (it changes when the supergraph does). */
  schema: () => GraphQLSchema | undefined;
  /** Executes a query or mutation through the gateway's Apollo Server. */
  executeOperation: (
    request: { query: string; variables?: Record<string, unknown>; operationName?: string },
    context: GatewayContext,
  ) => Promise<ExecutionResult>;
}

/** Per-connection state, kept on graphql-ws's `extra`. */
type ConnectionExtra = Record<PropertyKey, unknown> & {
  socket: WebSocket;
  request: IncomingMessage;
  identity?: Identity & { expiresAt?: Date };
  expiryTimer?: NodeJS.Timeout;
  /** Counted against this principal's sockets (undefined for anonymous ones). */
  principal?: string;
};

/** The payload of graphql-ws's connection_init that carries credentials, like the HTTP headers do. */
type ConnectionParams = Record<string, unknown> & {
  authorization?: unknown;
  apiKey?: unknown;
};

/**
 * graphql-ws on the gateway's public endpoint. `@apollo/gateway` does not execute subscriptions,
 * so this does: credentials are checked once on `connection_init` (and the socket is closed when
 * they expire or are revoked), each subscription field passes the policy table and listens on its
 * organization's Redis channel (see `subscriptionTopic`), so an event published once reaches
 * clients on every gateway instance, and each event is completed through the federated query path
 * (see `EventCompletion`). Fields with a guard (`subscription-guards.ts`) first ask the owning
 * subgraph whether the subscriber may see the record; replayable fields (an `afterSeq` argument)
 * deliver what the subscriber missed from the topic's Redis stream before the live events
 * (`replay.ts`). Queries and mutations sent over the socket go through Apollo Server.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): { dispose: () => Promise<void> } {
  const limits = new SocketLimits(options.limits);
  const wsServer = new WebSocketServer({
    server: options.server,
    path: options.path,
    // Larger frames close the socket (1009) before they are buffered whole: the `ws` default is 100 MiB.
    maxPayload: options.limits.maxPayloadBytes,
  });
  // Counted per client address from the moment a socket opens until it closes; past the limit it is closed at once.
  // Registered before graphql-ws's own listener: a refused socket is already closing when graphql-ws sees it.
  wsServer.on('connection', (socket, request) => {
    const ip = options.clientIp(request);
    if (!limits.openFromIp(ip)) {
      socket.close(4429, 'Too many connections from this address');
      return;
    }
    socket.once('close', () => limits.closedFromIp(ip));
  });
  const registry = new ConnectionRegistry();
  const revocationSubscription = options.pubsub.subscribe(AUTH_REVOCATIONS_CHANNEL, (revocation: Revocation) => {
    const closed = registry.revoke(revocation);
    if (closed > 0) options.logger.info({ revocation, closed }, 'closed subscriptions of revoked credentials');
  });
  let lookups: { schema: GraphQLSchema; byType: Map<string, string> } | undefined;
  const lookupsFor = (schema: GraphQLSchema) => {
    if (lookups?.schema !== schema) lookups = { schema, byType: findEntityLookups(schema) };
    return lookups.byType;
  };
  // Errors leave the socket formatted like HTTP ones: masked internals, no schema suggestions.
  const format = (error: GraphQLFormattedError | GraphQLError): GraphQLFormattedError => {
    const formatted = maskInternalErrors(error instanceof GraphQLError ? error.toJSON() : error);
    return options.hideSuggestions ? hideSuggestionsIn(formatted) : formatted;
  };
  const rules = [...specifiedRules, ...options.validationRules];
  const identityOf = (extra: ConnectionExtra): Identity => {
    if (!extra.identity) throw new GraphQLError('Not authenticated.', { extensions: { code: 'UNAUTHENTICATED' } });
    return extra.identity;
  };

  const handle = useServer<ConnectionParams | undefined, ConnectionExtra>(
    {
      schema: () => {
        const schema = options.schema();
        if (!schema) throw new GraphQLError('The gateway has not loaded its schema yet.');
        return schema;
      },
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
        try {
          const identity = await options.authenticator.authenticate(
            { authorization: text(params.authorization), apiKey: text(params.apiKey) },
            options.clientIp(ctx.extra.request),
          );
          const principal = principalKey(identity);
          if (!limits.addForPrincipal(principal, ctx)) {
            ctx.extra.socket.close(4429, 'Too many connections for this user or API key');
            return false;
          }
          ctx.extra.principal = principal;
          ctx.extra.identity = identity;
          registry.add(identity, ctx.extra.socket);
          activeConnections.inc();
          if (identity.expiresAt) {
            const delay = Math.max(0, identity.expiresAt.getTime() - Date.now());
            ctx.extra.expiryTimer = setTimeout(() => ctx.extra.socket.close(4401, 'Unauthorized: access token expired'), delay);
          }
          return true;
        } catch (error) {
          const reason = error instanceof GraphQLError ? error.message : 'authentication failed';
          ctx.extra.socket.close(4401, `Unauthorized: ${reason}`.slice(0, 120));
          return false;
        }
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiryTimer);
        limits.removeForPrincipal(ctx.extra.principal, ctx);
        if (ctx.extra.identity) {
          registry.remove(ctx.extra.identity, ctx.extra.socket);
          activeConnections.dec();
        }
      },
      context: (ctx): GatewayContext => ({ correlationId: randomUUID(), identity: identityOf(ctx.extra) }),
      // Parsing and validation happen here, so that a client's mistake (a syntax error, an unknown operation name) is an
      // error for that one operation: graphql-ws would close the whole socket (4500) on a syntax error.
      onSubscribe: async (ctx, id, payload) => {
        if (id.length > MAX_SUBSCRIPTION_ID_LENGTH) {
          // Closed without an answer: any answer would echo the id.
          delete ctx.subscriptions[id];
          ctx.extra.socket.close(4400, `Subscription ids may have at most ${MAX_SUBSCRIPTION_ID_LENGTH} characters`);
          return [new GraphQLError('Subscription id too long.', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const refusal = limits.refuseSubscription(ctx.extra.principal, ctx);
        if (refusal) return [new GraphQLError(refusal, { extensions: { code: 'LIMIT_EXCEEDED' } })];
        const schema = options.schema();
        if (!schema) return [new GraphQLError('The gateway has not loaded its schema yet.')];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          const message = error instanceof GraphQLError ? error.message : 'The operation could not be parsed.';
          return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors;
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // Apollo Server's results hold formatted errors already (plain objects, no toJSON); events hold GraphQLErrors.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(format) } : result),
      // Errors from onSubscribe (parse, validation, limits) and graphql-ws's own; validation errors carry no code yet.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => {
          const formatted = format({ ...e.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } });
          return new GraphQLError(formatted.message, { extensions: formatted.extensions });
        }),
      execute: async (args: ExecutionArgs) => {
        const context = args.contextValue as GatewayContext;
        await options.rateLimits.consume(context.identity);
        return options.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
          context,
        );
      },
      subscribe: (args: ExecutionArgs) => {
        const context = args.contextValue as GatewayContext;
        const execute: FederatedExecutor = (query, variables) => options.executeOperation({ query, variables }, context);
        return subscribe({
          ...args,
          subscribeFieldResolver: async (_root, fieldArgs: Record<string, unknown>, _ctx, info) => {
            authorize(`${info.parentType.name}.${info.fieldName}`, context.identity);
            await options.rateLimits.consume(context.identity);
            const orgId = principalOf(context.identity).orgId;
            // Per-record channels (a conversation, a source) ask the owning subgraph whether the subscriber may read the record (subscription-guards.ts).
            const field = info.parentType.getFields()[info.fieldName]!;
            await checkSubscriptionGuard(info.schema, field, fieldArgs, execute);
            // Replayable fields (with an `afterSeq` argument) resume from their Redis stream; see replay.ts.
            const afterSeq = fieldArgs[REPLAY_ARGUMENT];
            const topic = subscriptionTopic(info.fieldName, withoutReplayArgument(fieldArgs), orgId);
            options.logger.debug({ topic, afterSeq, correlationId: context.correlationId }, 'subscription started');
            const iterator = new TopicIterator(
              options.pubsub,
              options.pubsub.getPublisher() as Redis,
              topic,
              typeof afterSeq === 'number' ? afterSeq : undefined,
              options.logger,
            );
            await iterator.ready();
            return trackSubscription(info.fieldName, iterator);
          },
          fieldResolver: (source, fieldArgs, ctx, info) => {
            if (info.parentType !== info.schema.getSubscriptionType()) return eventFieldResolver(source, fieldArgs, ctx, info);
            // The root field: `source` is the raw event, completed against this client's selection.
            const completion = new EventCompletion(info, lookupsFor(info.schema), execute);
            return completion.complete(source, info.returnType, info.fieldNodes[0]?.selectionSet);
          },
        });
      },
    },
    wsServer,
  );

  return {
    dispose: async () => {
      options.pubsub.unsubscribe(await revocationSubscription);
      await handle.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
