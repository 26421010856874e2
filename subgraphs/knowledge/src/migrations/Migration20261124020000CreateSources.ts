import { Migration } from '@mikro-orm/migrations';

export class Migration20261124020000CreateSources extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "knowledge"."sources" (
      "id" uuid primary key,
      "organization_id" uuid not null,
      "name" text not null,
      "start_url" text not null,
      "scope" text not null check ("scope" in ('host', 'path_prefix')),
      "include_patterns" text[] not null default '{}',
      "exclude_patterns" text[] not null default '{}',
      "max_depth" integer not null check ("max_depth" between 0 and 50),
      "max_pages" integer not null check ("max_pages" between 1 and 100000),
      "use_sitemap" boolean not null,
      "js_rendering" text not null check ("js_rendering" in ('auto', 'always', 'never')),
      "recrawl_schedule" text null,
      "access_roles" text[] not null default '{}',
      "created_by" uuid null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    );`);
    this.addSql('create index "sources_organization_id_created_at_index" on "knowledge"."sources" ("organization_id", "created_at");');
    this.addSql('create unique index "sources_organization_id_start_url_unique" on "knowledge"."sources" ("organization_id", "start_url");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "knowledge"."sources";');
  }
}
