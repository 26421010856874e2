import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLError, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from 'type-graphql';
import { enforcePolicy } from './auth/authorize.js';
import { describeRequirement, requirementFor } from '@scs/contracts/policy';

/** Federation 2 directives the subgraphs may use; declared once so every subgraph links the same version. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/**
 * Subgraphs answer HTTP only. Subscription fields are declared here so they are part of the
 * supergraph contract, and their `topics` name the Redis channel; the gateway subscribes to that
 * channel and delivers events over graphql-ws. Events are published with `createPubSub`.
 */
const servedByGateway: PubSub = {
  publish() {
    throw new Error('Publish subscription events with the Redis pub/sub from createPubSub().');
  },
  subscribe() {
    throw new GraphQLError('Subscriptions are served by the gateway over WebSocket, not by this subgraph.');
  },
};

export type ReferenceResolvers<TContext> = GraphQLResolverMap<TContext>;

/**
 * Builds a federation subgraph schema from type-graphql resolvers: type-graphql produces the
 * schema (with `@Directive` federation directives on its AST), `@apollo/subgraph` adds
 * `_service`/`_entities`, and `referenceResolvers` supply `__resolveReference` per entity.
 */
export async function buildFederatedSchema<TContext>(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers<TContext> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    validate: { forbidUnknownValues: false },
    pubSub: servedByGateway,
    ...options,
    globalMiddlewares: [enforcePolicy, ...(options.globalMiddlewares ?? [])],
    skipCheck: true,
  });
  describeAccess(schema);
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<TContext>;
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}

/** Appends each root field's access requirement, from the policy table, to its description in the SDL. */
function describeAccess(schema: GraphQLSchema): void {
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root || !isObjectType(root)) continue;
    for (const field of Object.values(root.getFields())) {
      const requirement = requirementFor(`${root.name}.${field.name}`);
      const access = requirement ? describeRequirement(requirement) : 'Access: no policy entry, so refused to everyone.';
      field.description = field.description ? `${field.description}\n\n${access}` : access;
      if (field.astNode?.description) {
        (field as { astNode: unknown }).astNode = { ...field.astNode, description: { kind: 'StringValue', value: field.description, block: true } };
      }
    }
  }
}
