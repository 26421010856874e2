import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden, rateLimited, unauthenticated } from '@scs/graphql-kit/auth/errors';
import { principalOf } from '@scs/graphql-kit/auth/authorize';
import type { Identity } from '@scs/contracts/identity';
import type { Role } from '@scs/contracts/permissions';
import { audit, type AuditEvent } from '@scs/graphql-kit/auth/audit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { UsersContext } from '../context.js';
import { MembershipRecord } from '../entities/membership.entity.js';
import { OneTimeTokenRecord, type OneTimePurpose } from '../entities/one-time-token.entity.js';
import { OrganizationRecord } from '../entities/organization.entity.js';
import { UserRecord } from '../entities/user.entity.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../services/passwords.js';
import { randomSecret, sha256 } from '../services/secrets.js';
import type { SessionTokens } from '../services/sessions.js';
import { AcceptInvitationInput, AuthPayload, LoginInput, Membership, Organization, RegisterInput, Viewer } from './account.types.js';
import { User } from './user.types.js';
import { isUuid, normalizeEmail, requireUuid } from './validation.js';

const HOUR = 3600 * 1000;

export function slugFor(name: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'org';
  return `${base}-${randomSecret(4)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 5)}`;
}

/** Creates a single-use mail token and returns the secret to put in the link. */
export function issueMailToken(em: EntityManager, purpose: OneTimePurpose, fields: Partial<OneTimeTokenRecord>, ttlMs: number): string {
  const token = randomSecret();
  em.create(OneTimeTokenRecord, { ...fields, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs) });
  return token;
}

/** Spends a single-use mail token; null when it is unknown, used or expired. */
async function spendMailToken(em: EntityManager, purpose: OneTimePurpose, token: string): Promise<OneTimeTokenRecord | null> {
  const record = await em.findOne(OneTimeTokenRecord, { tokenHash: sha256(token), purpose });
  if (!record || record.usedAt || record.expiresAt <= new Date()) return null;
  const spent = await em.nativeUpdate(OneTimeTokenRecord, { id: record.id, usedAt: null }, { usedAt: new Date() });
  return spent === 1 ? record : null;
}

/**
 * Events about a person rather than one organization (sign-in failures, email verification,
 * password resets) go into the audit trail of every organization they belong to, so each admin sees them.
 */
async function auditUserEvent(
  em: EntityManager,
  identity: Identity,
  userId: string,
  event: Omit<AuditEvent, 'organizationId' | 'targetType' | 'targetId'>,
): Promise<void> {
  const memberships = await em.find(MembershipRecord, { userId }, { fields: ['organizationId'] });
  const orgIds = memberships.length ? memberships.map((m) => m.organizationId) : [null];
  for (const organizationId of orgIds) audit(em, identity, { ...event, organizationId, targetType: 'user', targetId: userId });
}

/** The same answer for every email, with or without an account: it must not tell them apart. */
const TOO_MANY_FAILED_SIGN_INS =
  'Too many failed sign-ins for this email; try again later. If it has an account, its owner can reset the password to sign in at once.';

/** Failure counters answer RATE_LIMITED once their budget is spent: that is expected here, and decided on separately. */
function ignoreRateLimited(error: unknown): void {
  if ((error as { extensions?: { code?: unknown } }).extensions?.code !== 'RATE_LIMITED') throw error;
}

/**
 * Too many failed sign-ins from everywhere: the account is locked for the ceiling's window, and its owner is mailed a
 * password-reset link, which unlocks it (resetPassword clears the lock and the counter).
 */
async function lockAccount(ctx: UsersContext, user: UserRecord): Promise<void> {
  const { services, identity, em } = ctx;
  user.lockedUntil = new Date(Date.now() + services.config.LOCKOUT_ACCOUNT_WINDOW_SECONDS * 1000);
  await auditUserEvent(em, identity, user.id, { action: 'auth.account_locked', outcome: 'denied' });
  if (!user.email || !user.passwordHash) return;
  const token = issueMailToken(em, 'reset_password', { userId: user.id }, HOUR);
  await em.flush();
  await services.mailer.send({
    to: user.email,
    subject: 'Your account was locked after many failed sign-ins',
    text:
      'Someone tried many wrong passwords for your account, so sign-in is locked for a while. ' +
      `If it was you, or to sign in now, choose a new password: ${services.config.PUBLIC_APP_URL}/reset-password?token=${token}`,
  });
}

/** The AuthPayload of a session just started or refreshed. */
export function payload(tokens: SessionTokens, user: UserRecord, org: OrganizationRecord, role: Role): AuthPayload {
  return Object.assign(new AuthPayload(), {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    user: User.from(user),
    organization: Organization.from(org),
    role,
  });
}

function userOf(identity: Identity): string {
  const principal = principalOf(identity);
  if (principal.kind !== 'user') throw unauthenticated('Only a signed-in person can do this, not an API key.');
  return principal.userId;
}

/** Sign-up, sign-in, sessions, email verification, password reset, invitations, the viewer. */
@Resolver()
export class AccountResolver {
  @Mutation(() => AuthPayload, { description: 'Creates an account and a new organization administered by it, and signs in.' })
  async register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    const { services, identity } = ctx;
    await services.authLimiter.consume(`register:${identity.ip}`);
    checkPasswordPolicy(input.password);
    const email = normalizeEmail(input.email);
    if (await ctx.em.count(UserRecord, { email })) throw badUserInput('A user with this email already exists.', 'email');
    const passwordHash = await hashPassword(input.password);

    const { result, verifyToken } = await ctx.em.transactional(async (em) => {
      const user = em.create(UserRecord, { email, displayName: input.displayName.trim(), passwordHash });
      const org = em.create(OrganizationRecord, { name: input.organizationName.trim(), slug: slugFor(input.organizationName) });
      em.create(MembershipRecord, { userId: user.id, organizationId: org.id, role: 'admin' });
      const verifyToken = issueMailToken(em, 'verify_email', { userId: user.id }, 48 * HOUR);
      const actor: Identity = { kind: 'user', userId: user.id, orgId: org.id, role: 'admin', permissions: [], sessionId: '', ip: identity.ip };
      audit(em, actor, { action: 'user.register', targetType: 'user', targetId: user.id });
      audit(em, actor, { action: 'organization.create', targetType: 'organization', targetId: org.id, detail: { name: org.name } });
      await em.flush();
      const tokens = await services.sessions.start(em, user.id, org.id, 'admin');
      return { result: payload(tokens, user, org, 'admin'), verifyToken };
    });
    await services.mailer.send({
      to: email,
      subject: 'Confirm your email address',
      text: `Confirm your address: ${services.config.PUBLIC_APP_URL}/verify-email?token=${verifyToken}`,
    });
    return result;
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signs in with email and password. Repeated failures for one email make that address wait; many from everywhere lock the account until its owner resets the password from the mail they receive.',
  })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    const { services, identity, em } = ctx;
    await services.authLimiter.consume(`login:${identity.ip}`);
    const email = normalizeEmail(input.email);
    // Counted by email, whether an account has it or not, so the answers never tell accounts apart.
    const accountKey = sha256(email);
    const addressKey = `${accountKey}:${identity.ip}`;
    const user = await em.findOne(UserRecord, { email });
    const wait = (await services.loginFailures.perAccount.retryAfter(accountKey)) ?? (await services.loginFailures.perAddress.retryAfter(addressKey));
    if (wait !== null) {
      if (user) {
        await auditUserEvent(em, identity, user.id, { action: 'auth.login_locked', outcome: 'denied' });
        await em.flush();
      }
      throw rateLimited(wait, TOO_MANY_FAILED_SIGN_INS);
    }
    if (!(await verifyPassword(user?.passwordHash ?? null, input.password)) || !user) {
      await services.loginFailures.perAddress.consume(addressKey).catch(ignoreRateLimited);
      await services.loginFailures.perAccount.consume(accountKey).catch(ignoreRateLimited);
      const ceilingReached = (await services.loginFailures.perAccount.retryAfter(accountKey)) !== null;
      if (user) {
        user.failedLoginCount += 1;
        await auditUserEvent(em, identity, user.id, { action: 'auth.login_failed', outcome: 'failure' });
        if (ceilingReached && !(user.lockedUntil && user.lockedUntil > new Date())) await lockAccount(ctx, user);
        await em.flush();
      }
      throw unauthenticated('Email or password is incorrect.');
    }
    await services.loginFailures.perAddress.reset(addressKey);
    user.failedLoginCount = 0;
    user.lockedUntil = null;

    if (input.organizationId && !isUuid(input.organizationId)) throw badUserInput('organizationId must be a UUID.', 'organizationId');
    const membership = await em.findOne(
      MembershipRecord,
      input.organizationId ? { userId: user.id, organizationId: input.organizationId } : { userId: user.id },
      { orderBy: { createdAt: 'asc' } },
    );
    if (!membership) {
      await em.flush();
      throw input.organizationId
        ? badUserInput('You are not a member of that organization.', 'organizationId')
        : unauthenticated('This account belongs to no organization.');
    }
    const org = await em.findOneOrFail(OrganizationRecord, { id: membership.organizationId });
    const tokens = await services.sessions.start(em, user.id, org.id, membership.role);
    return payload(tokens, user, org, membership.role);
  }

  @Mutation(() => AuthPayload, { description: 'Spends a refresh token for a new pair. A refresh token used twice revokes its whole session.' })
  async refreshSession(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    const { services, identity, em } = ctx;
    await services.authLimiter.consume(`refresh:${identity.ip}`);
    if (refreshToken.length > 200) throw unauthenticated('The refresh token is not valid; sign in again.');
    const outcome = await services.sessions.refresh(em, refreshToken, async (userId, orgId) => {
      const membership = await em.findOne(MembershipRecord, { userId, organizationId: orgId });
      // A widget visitor's session goes on only while the organization's widget is on (the token
      // stays unspent, so it works again if the widget is turned back on before it expires).
      if (membership && (await em.findOneOrFail(UserRecord, { id: userId })).isVisitor) {
        const org = await em.findOne(OrganizationRecord, { id: orgId });
        if (!org?.widgetEnabled) throw unauthenticated('The chat is no longer available: this organization has turned off its chat widget.');
      }
      return membership?.role ?? null;
    });
    if ('reuse' in outcome) {
      const { reuse } = outcome;
      audit(em, identity, {
        action: 'session.refresh_token_reused',
        outcome: 'denied',
        organizationId: reuse.organizationId,
        targetType: 'session',
        targetId: reuse.familyId,
        detail: { userId: reuse.userId },
      });
      await em.flush();
      throw unauthenticated('This refresh token was already used, so the session has been revoked for safety. Sign in again.');
    }
    const user = await em.findOneOrFail(UserRecord, { id: outcome.userId });
    const org = await em.findOneOrFail(OrganizationRecord, { id: outcome.orgId });
    return payload(outcome.tokens, user, org, outcome.role);
  }

  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to; its access tokens stop working too.' })
  async logout(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: UsersContext): Promise<boolean> {
    const record = refreshToken.length <= 200 ? await ctx.services.sessions.end(ctx.em, refreshToken) : null;
    if (record) {
      audit(ctx.em, ctx.identity, { action: 'session.logout', organizationId: record.organizationId, targetType: 'session', targetId: record.familyId });
      await ctx.em.flush();
    }
    return true;
  }

  @Mutation(() => Boolean, { description: 'Confirms an email address with the token from the verification mail.' })
  async verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: UsersContext): Promise<boolean> {
    const record = token.length <= 200 ? await spendMailToken(ctx.em, 'verify_email', token) : null;
    if (!record?.userId) throw badUserInput('This verification link is invalid or has expired.', 'token');
    const user = await ctx.em.findOneOrFail(UserRecord, { id: record.userId });
    user.emailVerifiedAt ??= new Date();
    await auditUserEvent(ctx.em, ctx.identity, user.id, { action: 'user.email_verified' });
    await ctx.em.flush();
    return true;
  }

  @Mutation(() => Boolean, { description: 'Mails a password reset link if the address has an account. Always answers true.' })
  async requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: UsersContext): Promise<boolean> {
    const { services, identity, em } = ctx;
    await services.authLimiter.consume(`reset:${identity.ip}`);
    if (email.length > 254) return true;
    const user = await em.findOne(UserRecord, { email: normalizeEmail(email) });
    if (user?.passwordHash && user.email) {
      const token = issueMailToken(em, 'reset_password', { userId: user.id }, HOUR);
      await auditUserEvent(em, identity, user.id, { action: 'user.password_reset_requested' });
      await em.flush();
      await services.mailer.send({
        to: user.email,
        subject: 'Reset your password',
        text: `Choose a new password: ${services.config.PUBLIC_APP_URL}/reset-password?token=${token}`,
      });
    }
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the token from the reset mail, and ends every session of the account.' })
  async resetPassword(
    @Arg('token', () => String) token: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: UsersContext,
  ): Promise<boolean> {
    const { services, identity, em } = ctx;
    await services.authLimiter.consume(`reset:${identity.ip}`);
    checkPasswordPolicy(newPassword, 'newPassword');
    const record = token.length <= 200 ? await spendMailToken(em, 'reset_password', token) : null;
    if (!record?.userId) throw badUserInput('This reset link is invalid or has expired.', 'token');
    const user = await em.findOneOrFail(UserRecord, { id: record.userId });
    user.passwordHash = await hashPassword(newPassword);
    user.failedLoginCount = 0;
    user.lockedUntil = null;
    await auditUserEvent(em, identity, user.id, { action: 'user.password_reset' });
    await em.flush();
    // The reset is the unlock link of a locked account: its owner may sign in again at once.
    if (user.email) await services.loginFailures.perAccount.reset(sha256(user.email));
    await services.sessions.revokeUser(em, user.id);
    return true;
  }

  @Mutation(() => AuthPayload, { description: 'Joins the inviting organization with the token from the invitation mail, creating the account if needed.' })
  async acceptInvitation(@Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    const { services, identity } = ctx;
    await services.authLimiter.consume(`invite:${identity.ip}`);
    if (input.password != null) checkPasswordPolicy(input.password);
    const passwordHash = input.password != null ? await hashPassword(input.password) : null;
    return ctx.em.transactional(async (em) => {
      const invitation = input.token.length <= 200 ? await spendMailToken(em, 'invitation', input.token) : null;
      if (!invitation?.email || !invitation.organizationId || !invitation.role) {
        throw badUserInput('This invitation is invalid, already used or expired.', 'token');
      }
      let user = await em.findOne(UserRecord, { email: invitation.email });
      if (!user) {
        if (!input.displayName || !passwordHash) throw badUserInput('Choose a display name and a password to create your account.', 'password');
        user = em.create(UserRecord, { email: invitation.email, displayName: input.displayName.trim(), passwordHash, emailVerifiedAt: new Date() });
      }
      if (await em.count(MembershipRecord, { userId: user.id, organizationId: invitation.organizationId })) {
        throw badUserInput('You are already a member of this organization.', 'token');
      }
      em.create(MembershipRecord, { userId: user.id, organizationId: invitation.organizationId, role: invitation.role });
      const org = await em.findOneOrFail(OrganizationRecord, { id: invitation.organizationId });
      const actor: Identity = { kind: 'user', userId: user.id, orgId: org.id, role: invitation.role, permissions: [], sessionId: '', ip: identity.ip };
      audit(em, actor, { action: 'invitation.accept', targetType: 'user', targetId: user.id, detail: { role: invitation.role, invitationId: invitation.id } });
      await em.flush();
      const tokens = await services.sessions.start(em, user.id, org.id, invitation.role);
      return payload(tokens, user, org, invitation.role);
    });
  }

  @Query(() => Viewer, { description: 'Who you are signed in as, in which organization, with which permissions.' })
  async me(@Ctx() ctx: UsersContext): Promise<Viewer> {
    const principal = principalOf(ctx.identity);
    const org = await ctx.em.findOneOrFail(OrganizationRecord, { id: principal.orgId });
    const viewer = Object.assign(new Viewer(), {
      organization: Organization.from(org),
      role: principal.role,
      permissions: principal.permissions,
      user: null as User | null,
      apiKeyId: principal.kind === 'apiKey' ? principal.apiKeyId : null,
      memberships: [] as Membership[],
    });
    if (principal.kind === 'user') {
      viewer.user = User.from(await ctx.em.findOneOrFail(UserRecord, { id: principal.userId }));
      const memberships = await ctx.em.find(MembershipRecord, { userId: principal.userId }, { orderBy: { createdAt: 'asc' } });
      const orgs = await ctx.em.find(OrganizationRecord, { id: { $in: memberships.map((m) => m.organizationId) } });
      const byId = new Map(orgs.map((o) => [o.id, o]));
      viewer.memberships = memberships.flatMap((m) => {
        const o = byId.get(m.organizationId);
        return o ? [Object.assign(new Membership(), { organization: Organization.from(o), role: m.role })] : [];
      });
    }
    return viewer;
  }

  @Mutation(() => AuthPayload, { description: 'Starts a session in another organization you belong to.' })
  async switchOrganization(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: UsersContext): Promise<AuthPayload> {
    const userId = userOf(ctx.identity);
    requireUuid(organizationId, 'organizationId');
    const membership = await ctx.em.findOne(MembershipRecord, { userId, organizationId });
    if (!membership) throw badUserInput('You are not a member of that organization.', 'organizationId');
    const user = await ctx.em.findOneOrFail(UserRecord, { id: userId });
    const org = await ctx.em.findOneOrFail(OrganizationRecord, { id: organizationId });
    const tokens = await ctx.services.sessions.start(ctx.em, userId, organizationId, membership.role);
    return payload(tokens, user, org, membership.role);
  }

  @Mutation(() => Organization, { description: 'Creates another organization with you as its admin; switch to it with switchOrganization.' })
  async createOrganization(@Arg('name', () => String) name: string, @Ctx() ctx: UsersContext): Promise<Organization> {
    const userId = userOf(ctx.identity);
    if ((await ctx.em.findOneOrFail(UserRecord, { id: userId })).isVisitor) {
      throw forbidden('Chat widget visitors cannot create organizations; create an account first.');
    }
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 100) throw badUserInput('name must be 2 to 100 characters.', 'name');
    const org = ctx.em.create(OrganizationRecord, { name: trimmed, slug: slugFor(trimmed) });
    ctx.em.create(MembershipRecord, { userId, organizationId: org.id, role: 'admin' });
    audit(ctx.em, ctx.identity, {
      action: 'organization.create',
      organizationId: org.id,
      targetType: 'organization',
      targetId: org.id,
      detail: { name: trimmed },
    });
    await ctx.em.flush();
    return Organization.from(org);
  }
}
