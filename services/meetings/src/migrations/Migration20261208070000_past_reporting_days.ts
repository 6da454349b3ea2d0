import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 35: reporting days recorded afterwards are closed meetings marked as such, one per community and day, and may
 * carry the minutes of the time as a file (stored like a sign-in sheet, ADR 13).
 */
export class Migration20261208070000_past_reporting_days extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "meeting" add column "recorded_afterwards" boolean not null default false`);
    this.addSql(`create table "past_reporting_day" (
      "meeting_id" uuid not null primary key references "meeting" ("id") on delete cascade,
      "community_id" uuid not null,
      "held_on" date not null,
      "district_code" varchar(64) not null,
      "recorded_by" varchar(100) not null,
      "recorded_at" timestamptz not null,
      constraint "past_reporting_day_community_day_unique" unique ("community_id", "held_on"))`);
    this.addSql(`create table "minutes_file" (
      "meeting_id" uuid not null primary key references "meeting" ("id") on delete cascade,
      "media_type" varchar(40) not null check ("media_type" in ('image/jpeg', 'image/png', 'application/pdf')),
      "size_bytes" int not null check ("size_bytes" between 1 and 5242880),
      "sha256" char(64) not null,
      "data" bytea not null,
      "uploaded_by" varchar(100) not null,
      "uploaded_at" timestamptz not null,
      check (octet_length("data") = "size_bytes"))`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "minutes_file"`);
    this.addSql(`drop table if exists "past_reporting_day"`);
    this.addSql(`alter table "meeting" drop column "recorded_afterwards"`);
  }
}
