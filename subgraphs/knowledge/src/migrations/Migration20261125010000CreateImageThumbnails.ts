import { Migration } from '@mikro-orm/migrations';

/**
 * Image thumbnails (WebP) written by the ingestion worker, content-addressed per organization:
 * the SHA-256 of the bytes is the key, so an image shown on many pages or crawled again is stored once.
 */
export class Migration20261125010000CreateImageThumbnails extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "knowledge"."image_thumbnails" (
      "organization_id" uuid not null,
      "sha256" text not null check ("sha256" ~ '^[0-9a-f]{64}$'),
      "width" integer not null check ("width" > 0),
      "height" integer not null check ("height" > 0),
      "bytes" bytea not null check (octet_length("bytes") <= 1048576),
      "created_at" timestamptz not null default now(),
      primary key ("organization_id", "sha256")
    );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "knowledge"."image_thumbnails";');
  }
}
