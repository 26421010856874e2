import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { UserRecord } from '../entities/user.entity.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who can sign in. Owned by the users subgraph; other subgraphs reference it by id.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Boolean, { description: 'Whether the user confirmed their email address.' })
  emailVerified!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  /** Resolved by `UserResolver.email`, which decides who may see it; null for widget visitors. */
  emailAddress!: string | null;

  static from(record: UserRecord): User {
    return Object.assign(new User(), {
      id: record.id,
      emailAddress: record.email,
      displayName: record.displayName,
      emailVerified: record.emailVerifiedAt !== null,
      createdAt: record.createdAt,
    });
  }
}
