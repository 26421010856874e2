import { Migration } from '@mikro-orm/migrations';

/**
 * The embeddable chat widget: per-organization settings (off by default; the sites allowed to show
 * it), and visitors — users without email or password whom the widget signs in as customers.
 */
export class Migration20261125000000ChatWidget extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users"."organizations"
      add column "widget_enabled" boolean not null default false,
      add column "widget_allowed_origins" text[] not null default '{}';`);
    this.addSql(`alter table "users"."users"
      alter column "email" drop not null,
      add column "is_visitor" boolean not null default false,
      add constraint "users_email_unless_visitor" check (("email" is null) = "is_visitor");`);
  }

  override async down(): Promise<void> {
    this.addSql('delete from "users"."users" where "is_visitor";');
    this.addSql(`alter table "users"."users"
      drop constraint "users_email_unless_visitor",
      drop column "is_visitor",
      alter column "email" set not null;`);
    this.addSql(`alter table "users"."organizations" drop column "widget_enabled", drop column "widget_allowed_origins";`);
  }
}
