import { Directive, Field, Float, ObjectType } from 'type-graphql';
import type * as runtime from '@scs/runtime/health';

/** One dependency of a service (a database, Redis, OpenSearch, Temporal) and whether it answered. */
@Directive('@shareable')
@ObjectType({ description: 'Whether one dependency of a service answered, and how fast.' })
export class DependencyStatus implements runtime.DependencyStatus {
  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Float, { description: 'Round trip of the check in milliseconds.' })
  latencyMs!: number;

  @Field(() => String, { nullable: true, description: 'Version or error message reported by the dependency.' })
  detail?: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'A service and the state of its dependencies.' })
export class ServiceStatus implements runtime.ServiceStatus {
  @Field(() => String)
  service!: string;

  @Field(() => Boolean, { description: 'True when every dependency answered.' })
  ready!: boolean;

  @Field(() => [DependencyStatus])
  dependencies!: DependencyStatus[];
}
