import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { RoleEnum } from '@scs/graphql-kit/auth/role-enum';
import type { Role } from '@scs/contracts/permissions';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { OrganizationRecord } from '../entities/organization.entity.js';
import { User } from './user.types.js';

export { RoleEnum };

@ObjectType({ description: 'A tenant: every source, conversation and event belongs to one.' })
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date)
  createdAt!: Date;

  static from(record: OrganizationRecord): Organization {
    return Object.assign(new Organization(), { id: record.id, slug: record.slug, name: record.name, createdAt: record.createdAt });
  }
}

@ObjectType({ description: 'An organization the signed-in user belongs to, and their role there.' })
export class Membership {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => RoleEnum)
  role!: Role;
}

@ObjectType({ description: 'The signed-in principal: a person, or an API key.' })
export class Viewer {
  @Field(() => User, { nullable: true, description: 'Null when the caller is an API key.' })
  user!: User | null;

  @Field(() => ID, { nullable: true })
  apiKeyId!: string | null;

  @Field(() => Organization)
  organization!: Organization;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => [String], { description: 'Permissions the role grants in this organization.' })
  permissions!: string[];

  @Field(() => [Membership], { description: 'Every organization the user belongs to (empty for API keys).' })
  memberships!: Membership[];
}

@ObjectType({ description: 'Tokens of a new or refreshed session.' })
export class AuthPayload {
  @Field(() => String, { description: 'Short-lived bearer token for the Authorization header.' })
  accessToken!: string;

  @Field(() => Date)
  accessTokenExpiresAt!: Date;

  @Field(() => String, { description: 'Single-use: each refresh returns a new one. Keep it secret.' })
  refreshToken!: string;

  @Field(() => Date)
  refreshTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;

  @Field(() => Organization)
  organization!: Organization;

  @Field(() => RoleEnum)
  role!: Role;
}

@ObjectType({ description: 'A member of the organization.' })
export class Member {
  @Field(() => User)
  user!: User;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Date)
  joinedAt!: Date;
}

@ObjectType({ description: 'A pending invitation; the token itself only travels by mail.' })
export class Invitation {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType({ description: 'The permissions one role grants in this organization.' })
export class RolePermissionSet {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => [String])
  permissions!: string[];

  @Field(() => Boolean, { description: 'False when the organization changed it from the default.' })
  isDefault!: boolean;
}

@ObjectType({ description: 'An API key for a partner or an internal service. The secret is never shown again after creation.' })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Visible start of the key (scs_<prefix>_…), to tell keys apart.' })
  prefix!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The full key. Shown once; store it now.' })
  secret!: string;
}

@ObjectType({ description: 'One entry of the append-only audit trail.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  action!: string;

  @Field(() => String, { description: 'user, apiKey, anonymous or system.' })
  actorType!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  targetType!: string | null;

  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Field(() => String, { description: 'success, failure or denied.' })
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'Client address as seen by the gateway.' })
  ip!: string | null;

  @Field(() => String, { description: 'Details as a JSON object.' })
  detail!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class AuditLogPage {
  @Field(() => [AuditEntry])
  entries!: AuditEntry[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last one.' })
  nextCursor!: string | null;
}

/** For the gateway only: who an API key is. Hidden from the public schema. */
@Directive('@inaccessible')
@ObjectType()
export class GatewayApiKeyPrincipal {
  @Field(() => ID)
  apiKeyId!: string;

  @Field(() => ID)
  orgId!: string;

  @Field(() => String)
  role!: string;

  @Field(() => [String])
  permissions!: string[];
}

@ObjectType({ description: "The organization's embeddable chat widget: whether it is on, and on which sites." })
export class WidgetSettings {
  @Field(() => ID, { description: 'Goes into the embed snippet (`data-organization`).' })
  organizationId!: string;

  @Field(() => Boolean, { description: 'Whether visitors of the allowed sites can start a chat. Off until an admin turns it on.' })
  enabled!: boolean;

  @Field(() => [String], { description: 'Origins (`https://host[:port]`) of the sites that may show the widget; empty means any site.' })
  allowedOrigins!: string[];
}

@InputType()
export class WidgetSettingsInput {
  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => [String], { description: 'Origins such as `https://www.example.com` (no path); empty allows any site. Normalised and deduplicated.' })
  allowedOrigins!: string[];
}

@InputType()
export class RegisterInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String)
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName!: string;

  @Field(() => String, { description: 'Name of the new organization you will administer.' })
  @Length(2, 100, { message: 'organizationName must be 2 to 100 characters' })
  organizationName!: string;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @MaxLength(256)
  password!: string;

  @Field(() => ID, { nullable: true, description: 'Which organization to sign in to; defaults to the first you joined.' })
  @IsOptional()
  organizationId?: string | null;
}

@InputType()
export class InviteUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String)
  @MaxLength(200)
  token!: string;

  @Field(() => String, { nullable: true, description: 'Required when the invited email has no account yet.' })
  @IsOptional()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when the invited email has no account yet.' })
  @IsOptional()
  password?: string | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String)
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @Field(() => RoleEnum, { description: 'PARTNER or SERVICE.' })
  role!: Role;

  @Field(() => [String], { description: 'Permissions the key may use; each must be granted to its role.' })
  scopes!: string[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  expiresAt?: Date | null;
}

@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  action?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  targetType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  targetId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  outcome?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  to?: Date | null;
}

export const PAGE_SIZE = { default: 20, max: 100 } as const;
export { Int };
