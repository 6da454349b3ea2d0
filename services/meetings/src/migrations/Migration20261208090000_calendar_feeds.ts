import { Migration } from '@mikro-orm/migrations';

/** ADR 37: one secret calendar feed per user, found by the SHA-256 of its secret; the secret itself is never stored. */
export class Migration20261208090000_calendar_feeds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "calendar_feed" (
      "user_id" varchar(100) not null primary key,
      "token_hash" varchar(64) not null check ("token_hash" ~ '^[0-9a-f]{64}$'),
      "actor" jsonb not null,
      "created_at" timestamptz not null,
      constraint "calendar_feed_token_hash_unique" unique ("token_hash"))`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "calendar_feed"');
  }
}
