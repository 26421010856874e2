import { Migration } from '@mikro-orm/migrations';

/**
 * Messages belong to an organization. Rows written before organizations existed keep a null
 * organization: they stay stored, and no tenant can read them.
 */
export class Migration20261124010100MessagesPerOrganization extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "chat"."messages" add column "organization_id" uuid null;');
    this.addSql('create index "messages_organization_id_conversation_id_index" on "chat"."messages" ("organization_id", "conversation_id", "created_at");');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "chat"."messages" drop column "organization_id";');
  }
}
