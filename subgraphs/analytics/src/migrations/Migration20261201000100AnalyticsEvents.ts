import { Migration } from '@mikro-orm/migrations';

/** One kind of event: the columns every kind has, its own, keyed by event id and partitioned by month. */
function eventTable(name: string, columns: string[]): string {
  return `create table "analytics"."${name}" (
      "event_id" text not null,
      "org_id" uuid not null,
      "occurred_at" timestamptz not null,
      "received_at" timestamptz not null default now(),
      ${columns.join(',\n      ')},
      primary key ("event_id", "occurred_at")
    ) partition by range ("occurred_at");`;
}

/**
 * The analytics events, one table per kind, each range-partitioned by month on `occurred_at`
 * (partitions are created ahead and on demand by the service, and dropped when older than the
 * retention, see storage/partitions.ts). The primary key is the event id (with the partition
 * key, as PostgreSQL requires), so an event delivered twice is stored once.
 */
export class Migration20261201000100AnalyticsEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql('create schema if not exists "analytics";');
    this.addSql(
      eventTable('questions', [
        '"conversation_id" uuid not null',
        '"message_id" uuid not null',
        '"user_message_id" uuid not null',
        '"asker_role" text not null',
        '"question" text not null',
        '"standalone_question" text not null',
        `"status" text not null check ("status" in ('complete', 'stopped', 'failed'))`,
        '"answered" boolean not null',
        '"handoff_suggested" boolean not null',
        '"confidence" double precision null',
        '"top_relevance" double precision null',
        '"from_cache" boolean not null',
        '"ttft_ms" integer null',
        '"total_ms" integer not null',
        '"answer_chars" integer not null',
        `"hits" jsonb not null default '[]'`,
        `"citations" jsonb not null default '[]'`,
        `"source_ids" uuid[] not null default '{}'`,
        '"embedding" real[] null',
      ]),
    );
    this.addSql('create index "questions_org_id_occurred_at_index" on "analytics"."questions" ("org_id", "occurred_at");');
    this.addSql('create index "questions_org_id_message_id_index" on "analytics"."questions" ("org_id", "message_id");');
    this.addSql('create index "questions_org_id_conversation_id_index" on "analytics"."questions" ("org_id", "conversation_id");');
    this.addSql('create index "questions_source_ids_index" on "analytics"."questions" using gin ("source_ids");');

    this.addSql(
      eventTable('feedback', [
        '"conversation_id" uuid not null',
        '"message_id" uuid not null',
        `"rating" text not null check ("rating" in ('up', 'down'))`,
        '"has_comment" boolean not null',
      ]),
    );
    this.addSql('create index "feedback_org_id_occurred_at_index" on "analytics"."feedback" ("org_id", "occurred_at");');

    this.addSql(eventTable('handoffs', ['"conversation_id" uuid not null', '"requested_by_role" text null']));
    this.addSql('create index "handoffs_org_id_occurred_at_index" on "analytics"."handoffs" ("org_id", "occurred_at");');

    this.addSql(
      eventTable('crawl_runs', [
        '"source_id" uuid not null',
        '"run_id" text not null',
        '"status" text not null',
        '"started_at" timestamptz not null',
        '"duration_ms" bigint not null',
        '"discovered" integer not null',
        '"fetched" integer not null',
        '"indexed" integer not null',
        '"skipped" integer not null',
        '"failed" integer not null',
        '"images_indexed" integer not null',
        '"images_failed" integer not null',
        `"failed_by_reason" jsonb not null default '{}'`,
      ]),
    );
    this.addSql('create index "crawl_runs_org_id_source_id_occurred_at_index" on "analytics"."crawl_runs" ("org_id", "source_id", "occurred_at");');

    this.addSql(
      eventTable('api_usage', ['"api_key_id" uuid not null', '"role" text not null', '"requests" integer not null', '"rate_limited" integer not null']),
    );
    this.addSql('create index "api_usage_org_id_occurred_at_index" on "analytics"."api_usage" ("org_id", "occurred_at");');
  }

  override async down(): Promise<void> {
    for (const table of ['questions', 'feedback', 'handoffs', 'crawl_runs', 'api_usage']) this.addSql(`drop table if exists "analytics"."${table}";`);
  }
}
