import { Migration } from '@mikro-orm/migrations';

const ROLES = "('admin', 'curator', 'agent', 'customer', 'partner', 'service')";

/**
 * Organizations, memberships, per-organization role mappings, sessions, mail tokens and API keys
 * (the audit trail is the shared AuditTrailMigration). Foreign keys are checked at commit (deferred), so one transaction may insert a
 * user and the rows that point at it in any order.
 */
export class Migration20261124010000IdentityAndAccess extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users"."organizations" (
      "id" uuid primary key,
      "slug" text not null constraint "organizations_slug_unique" unique,
      "name" text not null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`alter table "users"."users"
      add column "password_hash" text null,
      add column "email_verified_at" timestamptz null,
      add column "failed_login_count" integer not null default 0,
      add column "locked_until" timestamptz null;`);
    this.addSql(`create table "users"."memberships" (
      "user_id" uuid not null references "users"."users" ("id") on delete cascade deferrable initially deferred,
      "organization_id" uuid not null references "users"."organizations" ("id") on delete cascade deferrable initially deferred,
      "role" text not null check ("role" in ${ROLES}),
      "created_at" timestamptz not null default now(),
      primary key ("user_id", "organization_id")
    );`);
    this.addSql('create index "memberships_organization_id_index" on "users"."memberships" ("organization_id", "created_at");');
    this.addSql(`create table "users"."role_permissions" (
      "organization_id" uuid not null references "users"."organizations" ("id") on delete cascade deferrable initially deferred,
      "role" text not null check ("role" in ${ROLES}),
      "permissions" text[] not null,
      "updated_at" timestamptz not null default now(),
      primary key ("organization_id", "role")
    );`);
    this.addSql(`create table "users"."refresh_tokens" (
      "id" uuid primary key,
      "family_id" uuid not null,
      "user_id" uuid not null references "users"."users" ("id") on delete cascade deferrable initially deferred,
      "organization_id" uuid not null references "users"."organizations" ("id") on delete cascade deferrable initially deferred,
      "token_hash" text not null constraint "refresh_tokens_token_hash_unique" unique,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      "revoked_at" timestamptz null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql('create index "refresh_tokens_family_id_index" on "users"."refresh_tokens" ("family_id");');
    this.addSql('create index "refresh_tokens_user_id_index" on "users"."refresh_tokens" ("user_id", "organization_id");');
    this.addSql(`create table "users"."one_time_tokens" (
      "id" uuid primary key,
      "purpose" text not null check ("purpose" in ('verify_email', 'reset_password', 'invitation')),
      "token_hash" text not null constraint "one_time_tokens_token_hash_unique" unique,
      "user_id" uuid null references "users"."users" ("id") on delete cascade deferrable initially deferred,
      "organization_id" uuid null references "users"."organizations" ("id") on delete cascade deferrable initially deferred,
      "email" text null,
      "role" text null check ("role" is null or "role" in ${ROLES}),
      "created_by" uuid null,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create table "users"."api_keys" (
      "id" uuid primary key,
      "organization_id" uuid not null references "users"."organizations" ("id") on delete cascade deferrable initially deferred,
      "name" text not null,
      "prefix" text not null constraint "api_keys_prefix_unique" unique,
      "key_hash" text not null constraint "api_keys_key_hash_unique" unique,
      "role" text not null check ("role" in ('partner', 'service')),
      "scopes" text[] not null,
      "expires_at" timestamptz null,
      "revoked_at" timestamptz null,
      "last_used_at" timestamptz null,
      "created_by" uuid null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql('create index "api_keys_organization_id_index" on "users"."api_keys" ("organization_id", "created_at");');
  }

  override async down(): Promise<void> {
    this.addSql(
      'drop table if exists "users"."api_keys", "users"."one_time_tokens", "users"."refresh_tokens", "users"."role_permissions", "users"."memberships", "users"."organizations";',
    );
    this.addSql(
      `alter table "users"."users" drop column "password_hash", drop column "email_verified_at", drop column "failed_login_count", drop column "locked_until";`,
    );
  }
}
