import { Migration } from '@mikro-orm/migrations';

/** Attendance of a meeting (counts only) and the anonymous feedback survey. */
export class Migration20261124170000_attendance_feedback extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "meeting_attendance" (
      "meeting_id" uuid not null primary key references "meeting" ("id") on delete cascade,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "counts" jsonb not null,
      "total" int not null,
      "by_community" jsonb not null default '[]',
      "officials" jsonb not null default '[]',
      "staff_introduced_contact_ids" jsonb not null default '[]',
      "recorded_by" varchar(100) not null,
      "recorded_at" timestamptz not null)`);

    this.addSql(`create table "feedback_response" (
      "id" uuid not null primary key,
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "usefulness" smallint not null check ("usefulness" between 1 and 5),
      "trust_in_police" smallint not null check ("trust_in_police" between 1 and 5),
      "would_contact_police_first" boolean not null,
      "comment" text null,
      "gender" varchar(10) null,
      "age_group" varchar(10) null,
      "recorded_by" varchar(100) not null,
      "created_at" timestamptz not null)`);
    this.addSql(`create index "feedback_response_meeting_index" on "feedback_response" ("meeting_id")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "feedback_response"`);
    this.addSql(`drop table if exists "meeting_attendance"`);
  }
}
