import { IsEmail, Length } from 'class-validator';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import type { UserRecord } from '../entities/user.entity.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person who can sign in. Owned by the users subgraph; other subgraphs reference it by id.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Date)
  createdAt!: Date;

  static from(record: UserRecord): User {
    return Object.assign(new User(), {
      id: record.id,
      email: record.email,
      displayName: record.displayName,
      createdAt: record.createdAt,
    });
  }
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @Length(3, 254)
  email!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName!: string;
}
