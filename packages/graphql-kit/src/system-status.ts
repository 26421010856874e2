import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver } from 'type-graphql';
import type { Identity } from '@scs/contracts/identity';
import { checkService, type DependencyCheck } from '@scs/runtime/health';
import { ServiceStatus } from './health-types.js';

/** What every subgraph's request context offers, whatever else it holds. */
export interface ServiceContext {
  correlationId: string;
  /** Who is calling, as the gateway established and signed it. */
  identity: Identity;
  /** Probes of this service's own dependencies, used by `SystemStatus` and `/readyz`. */
  dependencyChecks: DependencyCheck[];
}

export const SYSTEM_STATUS_ID = 'system';

/**
 * `SystemStatus` is one entity to which every subgraph contributes a field describing itself,
 * so a single federated query shows whether each service and its dependencies are up.
 * Each subgraph calls this with its own field name.
 */
export function systemStatusModule(field: 'users' | 'knowledge' | 'chat' | 'analytics') {
  @Directive('@key(fields: "id")')
  @ObjectType('SystemStatus', { description: 'Health of every service, one field per subgraph.' })
  class SystemStatus {
    @Field(() => ID)
    id!: string;
  }

  @Resolver(() => SystemStatus)
  class SystemStatusResolver {
    @FieldResolver(() => ServiceStatus, { name: field, description: `The ${field} subgraph and its dependencies.` })
    async serviceStatus(@Ctx() ctx: ServiceContext): Promise<ServiceStatus> {
      return checkService(field, ctx.dependencyChecks);
    }
  }

  const referenceResolvers = {
    SystemStatus: { __resolveReference: (ref: { id: string }) => Object.assign(new SystemStatus(), { id: ref.id }) },
  };
  return { SystemStatus, SystemStatusResolver, referenceResolvers };
}
