import { Migration } from '@mikro-orm/migrations';

export class Migration20261124000100CreateMessages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "chat"."messages" (
      "id" uuid primary key,
      "conversation_id" uuid not null,
      "author_id" uuid not null,
      "text" text not null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql('create index if not exists "messages_conversation_id_created_at_index" on "chat"."messages" ("conversation_id", "created_at");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "chat"."messages";');
  }
}
