import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { subscriptionTopic, type Logger } from '@scs/shared';
import { GraphQLError, print, subscribe, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import { findEntityLookups } from './entity-lookup.js';
import { EventCompletion, eventFieldResolver, type FederatedExecutor } from './event-completion.js';

export interface SubscriptionServerOptions {
  server: Server;
  path: string;
  pubsub: RedisPubSub;
  logger: Logger;
  /** The gateway's current API schema (it changes when the supergraph does). */
  schema: () => GraphQLSchema | undefined;
  /** Executes a query or mutation through the gateway's Apollo Server. */
  executeOperation: (
    request: { query: string; variables?: Record<string, unknown>; operationName?: string },
    context: GatewayContext,
  ) => Promise<ExecutionResult>;
}

/**
 * graphql-ws on the gateway's public endpoint. `@apollo/gateway` does not execute subscriptions,
 * so this does: each subscription field listens on its Redis channel (see `subscriptionTopic`),
 * so an event published once reaches clients on every gateway instance, and each event is
 * completed through the federated query path (see `EventCompletion`). Queries and mutations sent
 * over the socket go through Apollo Server like HTTP ones.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): { dispose: () => Promise<void> } {
  const wsServer = new WebSocketServer({ server: options.server, path: options.path });
  let lookups: { schema: GraphQLSchema; byType: Map<string, string> } | undefined;
  const lookupsFor = (schema: GraphQLSchema) => {
    if (lookups?.schema !== schema) lookups = { schema, byType: findEntityLookups(schema) };
    return lookups.byType;
  };

  const handle = useServer<Record<string, unknown>, { context?: GatewayContext }>(
    {
      schema: () => {
        const schema = options.schema();
        if (!schema) throw new GraphQLError('The gateway has not loaded its schema yet.');
        return schema;
      },
      context: (): GatewayContext => ({ correlationId: randomUUID() }),
      execute: async (args: ExecutionArgs) =>
        options.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
          args.contextValue as GatewayContext,
        ),
      subscribe: (args: ExecutionArgs) => {
        const context = args.contextValue as GatewayContext;
        const execute: FederatedExecutor = (query, variables) => options.executeOperation({ query, variables }, context);
        return subscribe({
          ...args,
          subscribeFieldResolver: (_root, fieldArgs: Record<string, unknown>, _ctx, info) => {
            const topic = subscriptionTopic(info.fieldName, fieldArgs);
            options.logger.debug({ topic, correlationId: context.correlationId }, 'subscription started');
            return options.pubsub.asyncIterableIterator(topic);
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
      await handle.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
