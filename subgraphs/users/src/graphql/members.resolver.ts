import { ADMIN_FLOOR, isPermission, type Permission, type Role } from '@scs/contracts/permissions';
import { badUserInput, notFound } from '@scs/graphql-kit/auth/errors';
import { hasPermission, principalOf } from '@scs/graphql-kit/auth/authorize';
import { audit } from '@scs/graphql-kit/auth/audit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UsersContext } from '../context.js';
import { MembershipRecord } from '../entities/membership.entity.js';
import { RolePermissionsRecord } from '../entities/role-permissions.entity.js';
import { UserRecord } from '../entities/user.entity.js';
import { issueMailToken } from './account.resolver.js';
import { Invitation, InviteUserInput, Member, RoleEnum, RolePermissionSet } from './account.types.js';
import { User } from './user.types.js';
import { normalizeEmail, pageSize, requireUuid } from './validation.js';
import { DEFAULT_ROLE_PERMISSIONS } from '@scs/contracts/permissions';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

async function membershipOrFail(ctx: UsersContext, userId: string): Promise<MembershipRecord> {
  const { orgId } = principalOf(ctx.identity);
  const membership = await ctx.em.findOne(MembershipRecord, { userId: requireUuid(userId, 'userId'), organizationId: orgId });
  if (!membership) throw notFound('No member of this organization has that id.');
  return membership;
}

/** Refuses a change that would leave the organization without an admin. */
async function keepAnAdmin(ctx: UsersContext, membership: MembershipRecord, nextRole: Role | null): Promise<void> {
  if (membership.role !== 'admin' || nextRole === 'admin') return;
  const admins = await ctx.em.count(MembershipRecord, { organizationId: membership.organizationId, role: 'admin' });
  if (admins <= 1) throw badUserInput('An organization needs at least one admin; make someone else admin first.', 'userId');
}

@Resolver(() => User)
export class MembersResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Visible to the user themself and to holders of `user:read`.' })
  email(@Root() user: User, @Ctx() ctx: UsersContext): string | null {
    const self = ctx.identity.kind === 'user' && ctx.identity.userId === user.id;
    return self || hasPermission(ctx.identity, 'user:read') ? user.emailAddress : null;
  }

  @Query(() => User, { nullable: true, description: 'A member of your organization by id.' })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<User | null> {
    const record = await ctx.userById.load(id);
    return record ? User.from(record) : null;
  }

  @Query(() => [User], { description: 'Members of your organization, in the order they joined (chat widget visitors left out).' })
  async users(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: UsersContext,
  ): Promise<User[]> {
    return (await this.memberList(ctx, first, offset)).map((m) => m.user);
  }

  @Query(() => [Member], { description: 'Members of your organization with their roles, in the order they joined (chat widget visitors left out).' })
  async members(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: UsersContext,
  ): Promise<Member[]> {
    return this.memberList(ctx, first, offset);
  }

  private async memberList(ctx: UsersContext, first: number, offset: number): Promise<Member[]> {
    const { orgId } = principalOf(ctx.identity);
    if (!Number.isInteger(offset) || offset < 0) throw badUserInput('offset must be 0 or more.', 'offset');
    // The chat widget's anonymous visitors are customers too, but listing them would bury the people.
    const memberships = await ctx.em
      .createQueryBuilder(MembershipRecord, 'm')
      .select('m.*')
      .where({ organizationId: orgId })
      .andWhere('not exists (select 1 from "users"."users" as "u" where "u"."id" = "m"."user_id" and "u"."is_visitor")')
      .orderBy({ createdAt: 'asc', userId: 'asc' })
      .limit(pageSize(first))
      .offset(offset)
      .getResult();
    const users = await ctx.em.find(UserRecord, { id: { $in: memberships.map((m) => m.userId) } });
    const byId = new Map(users.map((u) => [u.id, u]));
    return memberships.flatMap((m) => {
      const u = byId.get(m.userId);
      return u ? [Object.assign(new Member(), { user: User.from(u), role: m.role, joinedAt: m.createdAt })] : [];
    });
  }

  @Mutation(() => Invitation, { description: 'Mails an invitation to join your organization with a role.' })
  async inviteUser(@Arg('input', () => InviteUserInput) input: InviteUserInput, @Ctx() ctx: UsersContext): Promise<Invitation> {
    const principal = principalOf(ctx.identity);
    if (input.role === 'service') throw badUserInput('Services use API keys, not invitations.', 'role');
    const email = normalizeEmail(input.email);
    const existing = await ctx.em.findOne(UserRecord, { email });
    if (existing && (await ctx.em.count(MembershipRecord, { userId: existing.id, organizationId: principal.orgId }))) {
      throw badUserInput('That person is already a member.', 'email');
    }
    const token = issueMailToken(
      ctx.em,
      'invitation',
      { organizationId: principal.orgId, email, role: input.role, createdBy: principal.kind === 'user' ? principal.userId : null },
      INVITATION_TTL_MS,
    );
    const invitation = Object.assign(new Invitation(), { email, role: input.role, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) });
    const entry = audit(ctx.em, ctx.identity, { action: 'user.invite', targetType: 'invitation', targetId: email, detail: { email, role: input.role } });
    await ctx.em.flush();
    invitation.id = entry.id;
    await ctx.services.mailer.send({
      to: email,
      subject: 'You are invited to Smart Customer Support',
      text: `Accept the invitation: ${ctx.services.config.PUBLIC_APP_URL}/accept-invitation?token=${token}`,
    });
    return invitation;
  }

  @Mutation(() => Member, { description: "Changes a member's role; their sessions in this organization end so the change applies at once." })
  async changeRole(@Arg('userId', () => ID) userId: string, @Arg('role', () => RoleEnum) role: Role, @Ctx() ctx: UsersContext): Promise<Member> {
    const membership = await membershipOrFail(ctx, userId);
    await keepAnAdmin(ctx, membership, role);
    const previous = membership.role;
    membership.role = role;
    audit(ctx.em, ctx.identity, { action: 'member.role_change', targetType: 'user', targetId: userId, detail: { from: previous, to: role } });
    await ctx.em.flush();
    if (previous !== role) await ctx.services.sessions.revokeUser(ctx.em, userId, membership.organizationId);
    const user = await ctx.em.findOneOrFail(UserRecord, { id: userId });
    return Object.assign(new Member(), { user: User.from(user), role, joinedAt: membership.createdAt });
  }

  @Mutation(() => Boolean, { description: 'Removes a member from your organization and ends their sessions in it.' })
  async removeMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: UsersContext): Promise<boolean> {
    const membership = await membershipOrFail(ctx, userId);
    await keepAnAdmin(ctx, membership, null);
    ctx.em.remove(membership);
    audit(ctx.em, ctx.identity, { action: 'member.remove', targetType: 'user', targetId: userId, detail: { role: membership.role } });
    await ctx.em.flush();
    await ctx.services.sessions.revokeUser(ctx.em, userId, membership.organizationId);
    return true;
  }

  @Query(() => [RolePermissionSet], { description: 'What each role may do in your organization.' })
  async rolePermissions(@Ctx() ctx: UsersContext): Promise<RolePermissionSet[]> {
    const { orgId } = principalOf(ctx.identity);
    const mapping = await ctx.services.rolePermissions.forOrganization(ctx.em, orgId);
    return Object.entries(mapping).map(([role, permissions]) =>
      Object.assign(new RolePermissionSet(), {
        role,
        permissions,
        isDefault: sameSet(permissions, DEFAULT_ROLE_PERMISSIONS[role as Role]),
      }),
    );
  }

  @Mutation(() => RolePermissionSet, { description: 'Sets the permissions a role grants in your organization.' })
  async setRolePermissions(
    @Arg('role', () => RoleEnum) role: Role,
    @Arg('permissions', () => [String]) permissions: string[],
    @Ctx() ctx: UsersContext,
  ): Promise<RolePermissionSet> {
    const { orgId } = principalOf(ctx.identity);
    const unknown = permissions.filter((p) => !isPermission(p));
    if (unknown.length) throw badUserInput(`Unknown permissions: ${unknown.slice(0, 5).join(', ')}.`, 'permissions');
    const wanted = [...new Set(permissions)] as Permission[];
    if (role === 'admin') {
      const missing = ADMIN_FLOOR.filter((p) => !wanted.includes(p));
      if (missing.length) throw badUserInput(`Admins must keep ${missing.join(' and ')}.`, 'permissions');
    }
    const before = (await ctx.services.rolePermissions.forOrganization(ctx.em, orgId))[role];
    const row = await ctx.em.findOne(RolePermissionsRecord, { organizationId: orgId, role });
    if (row) {
      row.permissions = wanted;
      row.updatedAt = new Date();
    } else {
      ctx.em.create(RolePermissionsRecord, { organizationId: orgId, role, permissions: wanted });
    }
    audit(ctx.em, ctx.identity, { action: 'role_permissions.update', targetType: 'role', targetId: role, detail: { before, after: wanted } });
    await ctx.em.flush();
    await ctx.services.rolePermissions.invalidate(orgId);
    return Object.assign(new RolePermissionSet(), { role, permissions: wanted, isDefault: sameSet(wanted, DEFAULT_ROLE_PERMISSIONS[role]) });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
