import { buildFederatedSchema } from '@scs/graphql-kit/federation';
import { systemStatusModule, SYSTEM_STATUS_ID } from '@scs/graphql-kit/system-status';
import type { GraphQLSchema } from 'graphql';
import { Query, Resolver } from 'type-graphql';
import type { UsersContext } from './context.js';
import { AccountResolver } from './graphql/account.resolver.js';
import { ApiKeysResolver } from './graphql/api-keys.resolver.js';
import { AuditResolver } from './graphql/audit.resolver.js';
import { GatewayInternalResolver } from './graphql/gateway-internal.resolver.js';
import { MembersResolver } from './graphql/members.resolver.js';
import { User } from './graphql/user.types.js';
import { WidgetResolver } from './graphql/widget.resolver.js';

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
    {
      resolvers: [
        AccountResolver,
        MembersResolver,
        ApiKeysResolver,
        AuditResolver,
        WidgetResolver,
        GatewayInternalResolver,
        status.SystemStatusResolver,
        SystemStatusRootResolver,
      ],
      orphanedTypes: [User],
    },
    {
      ...status.referenceResolvers,
      User: {
        // Other subgraphs reference users (a message's author); only members of the caller's organization resolve.
        __resolveReference: async (ref: { id: string }, ctx: UsersContext) => {
          if (ctx.identity.kind !== 'user' && ctx.identity.kind !== 'apiKey') return null;
          const record = await ctx.userById.load(ref.id);
          return record ? User.from(record) : null;
        },
      },
    },
  );
}
