import { Migration } from '@mikro-orm/migrations';

/**
 * Templates (versioned), district settings, scheduled items (the planner's durable queue), deliveries (the log and
 * the send queue; one row per event × recipient × channel) and the console inbox with per-user read state.
 */
export class Migration20261124180000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notification_template" (
      "type" varchar(40) not null,
      "language" varchar(2) not null,
      "version" int not null,
      "subject" text not null,
      "text" text not null,
      "html" text null,
      "sms" text not null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null default now(),
      primary key ("type", "language", "version"))`);
    this.addSql(`create table "district_settings" (
      "district_code" varchar(64) not null primary key,
      "region_code" varchar(64) not null,
      "reminder_days_before" jsonb not null,
      "minutes_chase_days_after" jsonb not null,
      "quarter_warning_days" int not null,
      "updated_by" varchar(100) not null,
      "updated_at" timestamptz not null default now())`);
    // One row per planned piece of work. "key" makes planning idempotent (the same event plans the same rows).
    this.addSql(`create table "scheduled_item" (
      "id" uuid not null primary key default gen_random_uuid(),
      "key" varchar(300) not null unique,
      "kind" varchar(40) not null,
      "run_at" timestamptz not null,
      "payload" jsonb not null,
      "status" varchar(12) not null default 'pending',
      "attempts" int not null default 0,
      "last_error" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now())`);
    this.addSql(`create index "scheduled_item_due_index" on "scheduled_item" ("run_at") where "status" = 'pending'`);
    this.addSql(`create index "scheduled_item_kind_index" on "scheduled_item" ("kind", "status")`);
    // What notifications knows of each meeting from meetings' events: enough to plan and re-plan reminders.
    this.addSql(`create table "meeting_schedule" (
      "meeting_id" uuid not null primary key,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) null,
      "starts_at" timestamptz not null,
      "status" varchar(12) not null,
      "updated_at" timestamptz not null default now())`);
    this.addSql(`create table "delivery" (
      "id" uuid not null primary key default gen_random_uuid(),
      "dedupe_key" varchar(400) not null unique,
      "source_key" varchar(300) not null,
      "type" varchar(40) not null,
      "channel" varchar(10) not null,
      "status" varchar(10) not null,
      "recipient_kind" varchar(10) not null,
      "recipient_id" varchar(200) not null,
      "recipient_name" text null,
      "address" text null,
      "requested_language" varchar(2) not null,
      "language" varchar(2) null,
      "language_fallback" boolean not null default false,
      "template_version" int null,
      "skip_reason" varchar(30) null,
      "attempts" int not null default 0,
      "last_error" text null,
      "next_attempt_at" timestamptz null,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "meeting_id" uuid null,
      "subject_id" varchar(200) not null,
      "resend_of" uuid null references "delivery" ("id"),
      "data" jsonb not null,
      "content" jsonb null,
      "created_at" timestamptz not null default now(),
      "sent_at" timestamptz null,
      "delivered_at" timestamptz null,
      "updated_at" timestamptz not null default now())`);
    this.addSql(`create index "delivery_queue_index" on "delivery" ("next_attempt_at") where "status" = 'queued'`);
    this.addSql(`create index "delivery_district_index" on "delivery" ("district_code", "created_at")`);
    this.addSql(`create index "delivery_meeting_index" on "delivery" ("meeting_id")`);
    this.addSql(`create index "delivery_recipient_index" on "delivery" ("recipient_id")`);
    // Console messages: addressed to roles in a district (the audience) or to one user.
    this.addSql(`create table "inbox_item" (
      "id" uuid not null primary key default gen_random_uuid(),
      "delivery_id" uuid not null unique references "delivery" ("id"),
      "type" varchar(40) not null,
      "title" text not null,
      "body" text not null,
      "link" text null,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "roles" jsonb not null,
      "user_id" varchar(100) null,
      "language" varchar(2) not null,
      "created_at" timestamptz not null default now())`);
    this.addSql(`create index "inbox_item_district_index" on "inbox_item" ("district_code", "created_at")`);
    this.addSql(`create table "inbox_read" (
      "user_id" varchar(100) not null,
      "item_id" uuid not null references "inbox_item" ("id") on delete cascade,
      "read_at" timestamptz not null default now(),
      primary key ("user_id", "item_id"))`);
  }

  override async down(): Promise<void> {
    for (const table of ['inbox_read', 'inbox_item', 'delivery', 'meeting_schedule', 'scheduled_item', 'district_settings', 'notification_template']) {
      this.addSql(`drop table if exists "${table}"`);
    }
  }
}
