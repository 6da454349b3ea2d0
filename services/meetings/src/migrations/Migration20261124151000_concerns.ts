import { Migration } from '@mikro-orm/migrations';

/** Concerns raised at a meeting and their follow-up actions. */
export class Migration20261124151000_concerns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "concern" (
      "id" uuid not null primary key,
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "topic" varchar(40) not null,
      "sensitivity" varchar(20) not null,
      "text" text not null,
      "answer" text null,
      "follow_up_needed" boolean not null default false,
      "raiser_gender" varchar(10) null,
      "raiser_age_group" varchar(10) null,
      "handler_ids" jsonb not null default '[]',
      "recorded_by" varchar(100) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "concern_meeting_index" on "concern" ("meeting_id")`);
    this.addSql(`create index "concern_district_index" on "concern" ("district_code")`);

    this.addSql(`create table "follow_up_action" (
      "id" uuid not null primary key,
      "concern_id" uuid not null references "concern" ("id") on delete cascade,
      "owner_organisation_id" uuid not null,
      "owner_contact_id" uuid null,
      "description" text null,
      "due_date" date not null,
      "status" varchar(20) not null default 'open',
      "note" text null,
      "referred_to" varchar(200) null,
      "reason" text null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "follow_up_action_concern_index" on "follow_up_action" ("concern_id")`);
    this.addSql(`create index "follow_up_action_status_due_index" on "follow_up_action" ("status", "due_date")`);
    this.addSql(`create index "follow_up_action_owner_index" on "follow_up_action" ("owner_organisation_id")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "follow_up_action"');
    this.addSql('drop table if exists "concern"');
  }
}
