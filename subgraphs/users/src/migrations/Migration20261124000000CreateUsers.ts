import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000000CreateUsers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "users"."users" (
      "id" uuid primary key,
      "email" text not null,
      "display_name" text not null,
      "created_at" timestamptz not null default now(),
      constraint "users_email_unique" unique ("email")
    );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "users"."users";');
  }
}
