import { Migration } from '@mikro-orm/migrations';

/**
 * Conversations become records of their own (owner, status, assigned agent), and messages gain
 * what answers need: a role, a generation status, citations, images, confidence, feedback.
 * Conversations of messages written before are created from them (the first author owns each);
 * messages without an organization stay unreadable, as before.
 */
export class Migration20261126000100Conversations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "chat"."conversations" (
      "id" uuid primary key,
      "organization_id" uuid not null,
      "customer_id" uuid not null,
      "status" text not null default 'open' check ("status" in ('open', 'waiting_for_agent', 'with_agent', 'closed')),
      "assigned_agent_id" uuid null,
      "title" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "escalated_at" timestamptz null,
      "closed_at" timestamptz null
    );`);
    this.addSql('create index "conversations_organization_id_updated_at_index" on "chat"."conversations" ("organization_id", "updated_at" desc, "id");');
    this.addSql(
      'create index "conversations_organization_id_customer_id_updated_at_index" on "chat"."conversations" ("organization_id", "customer_id", "updated_at" desc, "id");',
    );

    this.addSql('alter table "chat"."messages" alter column "author_id" drop not null;');
    this.addSql(`alter table "chat"."messages"
      add column "role" text not null default 'user' check ("role" in ('user', 'assistant', 'agent', 'system')),
      add column "status" text not null default 'complete' check ("status" in ('generating', 'complete', 'stopped', 'failed')),
      add column "citations" jsonb not null default '[]',
      add column "images" jsonb not null default '[]',
      add column "confidence" double precision null,
      add column "standalone_question" text null,
      add column "handoff_suggested" boolean not null default false,
      add column "from_cache" boolean not null default false,
      add column "last_seq" integer null,
      add column "feedback_rating" text null check ("feedback_rating" in ('up', 'down')),
      add column "feedback_comment" text null,
      add column "feedback_at" timestamptz null,
      add column "updated_at" timestamptz not null default now();`);
    this.addSql(`create index "messages_generating_index" on "chat"."messages" ("created_at") where "status" = 'generating';`);

    this.addSql(`insert into "chat"."conversations" ("id", "organization_id", "customer_id", "title", "created_at", "updated_at")
      select distinct on ("conversation_id") "conversation_id", "organization_id", "author_id", left("text", 80), "created_at",
        (select max(m2."created_at") from "chat"."messages" m2 where m2."conversation_id" = m."conversation_id")
      from "chat"."messages" m
      where "organization_id" is not null
      order by "conversation_id", "created_at", "id"
      on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "chat"."conversations";');
    this.addSql(`alter table "chat"."messages" drop column "role", drop column "status", drop column "citations", drop column "images",
      drop column "confidence", drop column "standalone_question", drop column "handoff_suggested", drop column "from_cache",
      drop column "last_seq", drop column "feedback_rating", drop column "feedback_comment", drop column "feedback_at", drop column "updated_at";`);
  }
}
