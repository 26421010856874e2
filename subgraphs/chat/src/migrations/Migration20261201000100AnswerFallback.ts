import { Migration } from '@mikro-orm/migrations';

/** Answers remember when they are the extractive fallback (the LLM server down or too slow), so the UI can say so. */
export class Migration20261201000100AnswerFallback extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "chat"."messages" add column "fallback" text null check ("fallback" in ('llm_unavailable', 'llm_timeout'));`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "chat"."messages" drop column "fallback";');
  }
}
