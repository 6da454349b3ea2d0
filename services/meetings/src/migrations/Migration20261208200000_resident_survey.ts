import { Migration } from '@mikro-orm/migrations';

/**
 * ADR 46: every survey answer records who put it in (existing answers were all typed in by staff from paper), and a
 * meeting may have one resident survey (a public code, a window, a cap, optional single-use slip codes).
 */
export class Migration20261208200000_resident_survey extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "feedback_response" add column "source" varchar(16) not null default 'staff'
      check ("source" in ('resident', 'kiosk', 'staff'))`);
    this.addSql(`create table "resident_survey" (
      "meeting_id" uuid not null primary key,
      "code" varchar(10) not null check ("code" ~ '^[A-Z2-7]{10}$'),
      "opens_on" date not null,
      "closes_on" date not null,
      "opens_at" timestamptz not null,
      "closes_at" timestamptz not null,
      "response_cap" integer not null check ("response_cap" > 0),
      "closed" boolean not null default false,
      "meeting_title" varchar(200) not null,
      "community_name" varchar(200) not null,
      "language" varchar(2) not null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "resident_survey_code_unique" unique ("code"),
      constraint "resident_survey_window" check ("closes_at" > "opens_at"))`);
    this.addSql(`create table "resident_survey_slip" (
      "meeting_id" uuid not null references "resident_survey" ("meeting_id") on delete cascade,
      "code" varchar(6) not null check ("code" ~ '^[A-Z2-7]{6}$'),
      "used_at" timestamptz null,
      primary key ("meeting_id", "code"))`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "resident_survey_slip"');
    this.addSql('drop table if exists "resident_survey"');
    this.addSql('alter table "feedback_response" drop column if exists "source"');
  }
}
