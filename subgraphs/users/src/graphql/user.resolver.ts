import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { UserRecord } from '../entities/user.entity.js';
import type { UsersContext } from '../context.js';
import { CreateUserInput, User } from './user.type.js';

@ArgsType()
class UsersPage {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  offset!: number;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'One user by id.' })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<User | null> {
    const record = await ctx.userById.load(id);
    return record ? User.from(record) : null;
  }

  @Query(() => [User], { description: 'Users, oldest first.' })
  async users(@Args(() => UsersPage) { first, offset }: UsersPage, @Ctx() ctx: UsersContext): Promise<User[]> {
    const records = await ctx.em.find(UserRecord, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: first, offset });
    return records.map(User.from);
  }

  @Mutation(() => User, { description: 'Creates a user. Emails are unique, case-insensitively.' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: UsersContext): Promise<User> {
    const record = ctx.em.create(UserRecord, { email: input.email.trim().toLowerCase(), displayName: input.displayName.trim() });
    try {
      await ctx.em.persistAndFlush(record);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new GraphQLError('A user with this email already exists.', { extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
      }
      throw error;
    }
    return User.from(record);
  }
}
