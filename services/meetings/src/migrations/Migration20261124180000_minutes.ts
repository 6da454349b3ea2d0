import { Migration } from '@mikro-orm/migrations';

/** Minutes of a meeting (current draft + lock), their version history, and the mark the close rule reads. */
export class Migration20261124180000_minutes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "minutes" (
      "meeting_id" uuid not null primary key references "meeting" ("id") on delete cascade,
      "status" varchar(10) not null default 'draft',
      "version" integer not null default 0,
      "body" text not null,
      "language" varchar(8) not null,
      "updated_by" varchar(100) not null,
      "updated_at" timestamptz not null,
      "approved_by" varchar(100) null,
      "approved_at" timestamptz null)`);
    this.addSql(`create table "minutes_version" (
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "version" integer not null,
      "body" text not null,
      "language" varchar(8) not null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      primary key ("meeting_id", "version"))`);
    this.addSql(`alter table "meeting" add column "minutes_approved_at" timestamptz null`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "meeting" drop column if exists "minutes_approved_at"');
    this.addSql('drop table if exists "minutes_version"');
    this.addSql('drop table if exists "minutes"');
  }
}
