import { Migration } from '@mikro-orm/migrations';

const DEFAULT_TEMPLATE_ID = '5d1f3c2a-7b7e-4c39-9a51-0d6a4c1e0001';

const AGENDA = [
  { kind: 'security-briefing', title: 'Security briefing' },
  { kind: 'police-work-results', title: 'Results of police work' },
  { kind: 'new-staff-introduction', title: 'Introduction of new staff' },
  { kind: 'legal-information', title: 'Legal information' },
  { kind: 'questions-and-answers', title: 'Questions and answers' },
  { kind: 'next-steps', title: 'Next steps' },
];

const CHECKLIST = [
  { key: 'book-venue', title: 'Book a venue residents can reach (accessible; a field if need be)', offsetDays: -14 },
  { key: 'invite-officials', title: 'Invite officials (police heads, regional law enforcement, local government)', offsetDays: -10 },
  { key: 'mobilise-residents', title: 'Mobilise residents (focal points, women and youth)', offsetDays: -7 },
  { key: 'prepare-legal-briefing', title: 'Prepare the legal briefing', offsetDays: -5 },
  { key: 'share-minutes', title: 'Share the minutes with local government and police', offsetDays: 7 },
];

const literal = (value: unknown): string => JSON.stringify(value).replaceAll("'", "''");

/** Handbook templates (seeded with the default v1), each meeting's copied agenda and checklist, and the officer roster. */
export class Migration20261124160000_templates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "meeting_template" (
      "id" uuid not null primary key,
      "key" varchar(60) not null,
      "version" int not null,
      "name" varchar(200) not null,
      "agenda" jsonb not null,
      "checklist" jsonb not null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      constraint "meeting_template_key_version_unique" unique ("key", "version"))`);

    this.addSql(`create table "meeting_agenda_item" (
      "id" uuid not null primary key,
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "position" int not null,
      "kind" varchar(40) not null,
      "title" varchar(200) not null)`);
    this.addSql(`create index "meeting_agenda_item_meeting_index" on "meeting_agenda_item" ("meeting_id")`);

    this.addSql(`create table "meeting_checklist_item" (
      "id" uuid not null primary key,
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "position" int not null,
      "key" varchar(60) not null,
      "title" varchar(200) not null,
      "offset_days" int not null,
      "done_at" timestamptz null,
      "done_by" varchar(100) null)`);
    this.addSql(`create index "meeting_checklist_item_meeting_index" on "meeting_checklist_item" ("meeting_id")`);

    // Which template version a meeting's agenda was copied from (one row per meeting that has one).
    this.addSql(`create table "meeting_agenda" (
      "meeting_id" uuid not null primary key references "meeting" ("id") on delete cascade,
      "template_id" uuid not null references "meeting_template" ("id"),
      "applied_by" varchar(100) not null,
      "applied_at" timestamptz not null)`);

    // Read model of communities.evt.officer.assigned.v1: who serves which community since when.
    this.addSql(`create table "officer_roster_entry" (
      "assignment_id" uuid not null primary key,
      "community_id" uuid not null,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "officer_contact_id" uuid not null,
      "previous_officer_contact_id" uuid null,
      "police_unit_id" uuid null,
      "since" date not null,
      "recorded_at" timestamptz not null)`);
    this.addSql(`create index "officer_roster_entry_community_index" on "officer_roster_entry" ("community_id", "since")`);

    this.addSql(
      `insert into "meeting_template" ("id", "key", "version", "name", "agenda", "checklist", "created_by", "created_at")
       values ('${DEFAULT_TEMPLATE_ID}', 'reporting-day', 1, 'Reporting day (handbook)', '${literal(AGENDA)}'::jsonb, '${literal(CHECKLIST)}'::jsonb, 'system', now())`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "officer_roster_entry"');
    this.addSql('drop table if exists "meeting_agenda"');
    this.addSql('drop table if exists "meeting_checklist_item"');
    this.addSql('drop table if exists "meeting_agenda_item"');
    this.addSql('drop table if exists "meeting_template"');
  }
}
