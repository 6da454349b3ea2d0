import { Migration } from '@mikro-orm/migrations';

/**
 * Read models of the reports (docs/adr/0016-reporting-read-models.md): facts per community, meeting, concern
 * and action as the events left them, compliance per community × quarter, and additive cells per
 * community / district / region / country × quarter that every summary sums.
 */
export class Migration20261124200000_report_read_models extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "district_info" (
      "district_code" varchar(64) not null primary key,
      "region_code" varchar(64) null,
      "time_zone" varchar(64) null)`);
    this.addSql(`create table "community_status_fact" (
      "community_id" uuid not null,
      "occurred_at" timestamptz not null,
      "status" varchar(20) not null,
      primary key ("community_id", "occurred_at", "status"))`);
    this.addSql(`create table "meeting_fact" (
      "meeting_id" uuid not null primary key,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) null,
      "community_ids" uuid[] not null default '{}',
      "planned_quarter" varchar(7) null,
      "planned_at" timestamptz null,
      "scheduled_for" timestamptz null,
      "rescheduled" boolean not null default false,
      "cancelled_at" timestamptz null,
      "held_quarter" varchar(7) null,
      "held_at" timestamptz null,
      "closed_at" timestamptz null,
      "time_zone" varchar(64) null,
      "organised_by" varchar(32) null,
      "attendance" jsonb null,
      "officials" int not null default 0,
      "attendance_at" timestamptz null,
      "respondents" int not null default 0,
      "usefulness_sum" double precision not null default 0,
      "trust_sum" double precision not null default 0,
      "contact_first_count" double precision not null default 0,
      "feedback_at" timestamptz null,
      "quarter" varchar(7) generated always as (coalesce("held_quarter", "planned_quarter")) stored)`);
    this.addSql(`create index "meeting_fact_district_quarter_index" on "meeting_fact" ("district_code", "quarter")`);
    this.addSql(`create index "meeting_fact_community_ids_index" on "meeting_fact" using gin ("community_ids")`);
    this.addSql(`create table "concern_fact" (
      "concern_id" uuid not null primary key,
      "meeting_id" uuid not null,
      "district_code" varchar(64) not null,
      "topic" varchar(40) not null,
      "sensitivity" varchar(20) not null,
      "sensitivity_at" timestamptz not null,
      "follow_up_needed" boolean null,
      "recorded_at" timestamptz null,
      "resolved_at" timestamptz null,
      "resolution_at" timestamptz null)`);
    this.addSql(`create index "concern_fact_meeting_id_index" on "concern_fact" ("meeting_id")`);
    this.addSql(`create table "action_fact" (
      "action_id" uuid not null primary key,
      "concern_id" uuid not null,
      "meeting_id" uuid not null,
      "district_code" varchar(64) not null,
      "status" varchar(20) not null,
      "status_at" timestamptz not null,
      "due_date" date null)`);
    this.addSql(`create index "action_fact_meeting_id_index" on "action_fact" ("meeting_id")`);
    this.addSql(`create table "community_quarter" (
      "community_id" uuid not null,
      "quarter" varchar(7) not null,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) null,
      "active_share" double precision not null,
      "expected" boolean not null,
      "held" boolean not null,
      "held_on_time" boolean not null,
      "planned" boolean not null,
      primary key ("community_id", "quarter"))`);
    this.addSql(`create index "community_quarter_district_quarter_index" on "community_quarter" ("district_code", "quarter")`);
    this.addSql(`create table "report_cell" (
      "level" varchar(12) not null,
      "code" varchar(64) not null,
      "quarter" varchar(7) not null,
      "district_code" varchar(64) null,
      "region_code" varchar(64) null,
      "time_zone" varchar(64) null,
      "counts" jsonb not null,
      "due_days" jsonb not null default '{}',
      "updated_at" timestamptz not null,
      primary key ("level", "code", "quarter"))`);
    this.addSql(`create index "report_cell_region_index" on "report_cell" ("level", "region_code", "quarter")`);
    this.addSql(`create index "report_cell_district_index" on "report_cell" ("level", "district_code", "quarter")`);
  }

  override async down(): Promise<void> {
    for (const table of ['report_cell', 'community_quarter', 'action_fact', 'concern_fact', 'meeting_fact', 'community_status_fact', 'district_info']) {
      this.addSql(`drop table if exists "${table}"`);
    }
  }
}
