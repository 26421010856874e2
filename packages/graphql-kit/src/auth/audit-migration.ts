import { Migration } from '@mikro-orm/migrations';

/**
 * The append-only audit trail (`audit.audit_log`), written by every service that changes
 * something worth auditing. Each such service lists this migration; it is idempotent, so
 * whichever runs first creates the table and the others find it there.
 */
export class AuditTrailMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create schema if not exists "audit";');
    this.addSql(`create table if not exists "audit"."audit_log" (
      "id" bigserial primary key,
      "organization_id" uuid null,
      "actor_type" text not null check ("actor_type" in ('user', 'apiKey', 'anonymous', 'system')),
      "actor_id" text null,
      "action" text not null,
      "target_type" text null,
      "target_id" text null,
      "outcome" text not null check ("outcome" in ('success', 'failure', 'denied')),
      "ip" text null,
      "detail" jsonb not null default '{}',
      "created_at" timestamptz not null default now()
    );`);
    this.addSql('create index if not exists "audit_log_organization_id_id_index" on "audit"."audit_log" ("organization_id", "id" desc);');
    this.addSql('create index if not exists "audit_log_organization_id_action_index" on "audit"."audit_log" ("organization_id", "action", "id" desc);');
    // Append-only: no row can be changed or removed, whoever asks.
    this.addSql(`create or replace function "audit"."refuse_change"() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$;`);
    this.addSql('drop trigger if exists "audit_log_append_only" on "audit"."audit_log";');
    this.addSql(`create trigger "audit_log_append_only" before update or delete on "audit"."audit_log"
      for each row execute function "audit"."refuse_change"();`);
    this.addSql('drop trigger if exists "audit_log_no_truncate" on "audit"."audit_log";');
    this.addSql(`create trigger "audit_log_no_truncate" before truncate on "audit"."audit_log"
      for each statement execute function "audit"."refuse_change"();`);
  }
}

/** The entry services put in their migration lists. */
export const auditTrailMigration = { name: 'AuditTrailMigration', class: AuditTrailMigration };
