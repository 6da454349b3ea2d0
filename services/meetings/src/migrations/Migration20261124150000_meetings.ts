import { Migration } from '@mikro-orm/migrations';

/** The meeting aggregate and its status history (postponements and cancellations keep their reason here). */
export class Migration20261124150000_meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "meeting" (
      "id" uuid not null primary key,
      "kind" varchar(10) not null,
      "title" varchar(200) not null,
      "community_ids" jsonb not null default '[]',
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "time_zone" varchar(64) not null,
      "starts_at" timestamptz not null,
      "duration_minutes" integer not null default 120,
      "quarter" varchar(7) not null,
      "venue_name" varchar(200) not null,
      "venue_type" varchar(30) not null,
      "venue_location" jsonb null,
      "police_unit_id" uuid null,
      "facilitating_organisation_id" uuid null,
      "organised_by" varchar(30) not null,
      "invitee_contact_ids" jsonb not null default '[]',
      "invitee_organisation_ids" jsonb not null default '[]',
      "status" varchar(20) not null default 'draft',
      "status_reason" varchar(500) null,
      "status_changed_at" timestamptz null,
      "held_at" timestamptz null,
      "closed_at" timestamptz null,
      "sequence" integer not null default 0,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "meeting_district_starts_index" on "meeting" ("district_code", "starts_at")`);
    this.addSql(`create index "meeting_region_index" on "meeting" ("region_code")`);
    this.addSql(`create index "meeting_quarter_index" on "meeting" ("quarter")`);
    this.addSql(`create index "meeting_community_ids_index" on "meeting" using gin ("community_ids")`);

    this.addSql(`create table "meeting_status_change" (
      "id" uuid not null primary key,
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "from_status" varchar(20) not null,
      "to_status" varchar(20) not null,
      "reason" varchar(500) null,
      "previous_starts_at" timestamptz null,
      "new_starts_at" timestamptz null,
      "changed_by" varchar(100) not null,
      "changed_at" timestamptz not null)`);
    this.addSql(`create index "meeting_status_change_meeting_index" on "meeting_status_change" ("meeting_id")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "meeting_status_change"');
    this.addSql('drop table if exists "meeting"');
  }
}
