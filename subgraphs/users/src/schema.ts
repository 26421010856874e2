import { buildFederatedSchema, systemStatusModule, SYSTEM_STATUS_ID } from '@scs/shared';
import type { GraphQLSchema } from 'graphql';
import { Query, Resolver } from 'type-graphql';
import type { UsersContext } from './context.js';
import { UserResolver } from './graphql/user.resolver.js';
import { User } from './graphql/user.type.js';

const status = systemStatusModule('users');

/** The users subgraph owns the `systemStatus` root field; the other subgraphs add their own field to it. */
@Resolver(() => status.SystemStatus)
class SystemStatusRootResolver {
  @Query(() => status.SystemStatus, { description: 'Health of every service behind the gateway.' })
  systemStatus(): InstanceType<typeof status.SystemStatus> {
    return Object.assign(new status.SystemStatus(), { id: SYSTEM_STATUS_ID });
  }
}

/** Builds the schema without touching any resource, so the schema generator can call it too. */
export function buildUsersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<UsersContext>(
    { resolvers: [UserResolver, status.SystemStatusResolver, SystemStatusRootResolver], orphanedTypes: [User] },
    {
      ...status.referenceResolvers,
      User: {
        __resolveReference: async (ref: { id: string }, ctx: UsersContext) => {
          const record = await ctx.userById.load(ref.id);
          return record ? User.from(record) : null;
        },
      },
    },
  );
}
