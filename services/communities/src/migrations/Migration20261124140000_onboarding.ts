import { Migration } from '@mikro-orm/migrations';

/** Coordinates, community onboarding fields, organisations, contacts, officer roster, status history. */
export class Migration20261124140000_onboarding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "region" add column "location" jsonb null`);
    this.addSql(`alter table "district" add column "location" jsonb null`);

    this.addSql(`create table "organisation" (
      "id" uuid not null primary key,
      "name" varchar(200) not null,
      "kind" varchar(40) not null,
      "district_code" varchar(64) null references "district" ("code"),
      "region_code" varchar(64) not null references "region" ("code"),
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "organisation_region_district_index" on "organisation" ("region_code", "district_code")`);

    this.addSql(`create table "contact" (
      "id" uuid not null primary key,
      "name" varchar(160) not null,
      "position" varchar(160) null,
      "organisation_id" uuid null references "organisation" ("id"),
      "district_code" varchar(64) null references "district" ("code"),
      "region_code" varchar(64) not null references "region" ("code"),
      "phone" varchar(20) null,
      "email" varchar(254) null,
      "preferred_language" varchar(2) not null,
      "preferred_channel" varchar(10) not null,
      "consent" boolean not null default false,
      "consent_changed_at" timestamptz null,
      "community_ids" jsonb not null default '[]',
      "erased_at" timestamptz null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "contact_region_district_index" on "contact" ("region_code", "district_code")`);

    this.addSql(`alter table "community"
      add column "code" varchar(80) null,
      add column "location" jsonb null,
      add column "paired_community_ids" jsonb not null default '[]',
      add column "partner_organisation_id" uuid null references "organisation" ("id"),
      add column "police_unit_id" uuid null references "organisation" ("id"),
      add column "officer_contact_id" uuid null references "contact" ("id"),
      add column "focal_point_contact_ids" jsonb not null default '[]',
      add column "local_government_contact_id" uuid null references "contact" ("id"),
      add column "first_meeting_id" uuid null,
      add column "first_meeting_scheduled_for" timestamptz null,
      add column "status_changed_at" timestamptz null`);
    // Existing communities get a code from district and name (or their id when the name has no latin letters).
    this.addSql(`update "community" set "code" = "district_code" || '-' || coalesce(
      nullif(trim(both '-' from lower(regexp_replace("name", '[^a-zA-Z0-9]+', '-', 'g'))), ''),
      substr("id"::text, 1, 8))`);
    this.addSql(`alter table "community" alter column "code" set not null`);
    this.addSql(`create unique index "community_code_key" on "community" ("code")`);

    this.addSql(`create table "officer_assignment" (
      "id" uuid not null primary key,
      "community_id" uuid not null references "community" ("id"),
      "officer_contact_id" uuid not null references "contact" ("id"),
      "police_unit_id" uuid null references "organisation" ("id"),
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "since" date not null,
      "until" date null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null)`);
    this.addSql(`create index "officer_assignment_community_index" on "officer_assignment" ("community_id")`);
    // At most one current officer per community.
    this.addSql(`create unique index "officer_assignment_current_key" on "officer_assignment" ("community_id") where "until" is null`);

    this.addSql(`create table "community_status_change" (
      "id" uuid not null primary key,
      "community_id" uuid not null references "community" ("id"),
      "from_status" varchar(20) not null,
      "to_status" varchar(20) not null,
      "reason" varchar(500) null,
      "changed_by" varchar(100) not null,
      "changed_at" timestamptz not null)`);
    this.addSql(`create index "community_status_change_community_index" on "community_status_change" ("community_id")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "community_status_change"');
    this.addSql('drop table if exists "officer_assignment"');
    this.addSql(`alter table "community" drop column "code", drop column "location", drop column "paired_community_ids",
      drop column "partner_organisation_id", drop column "police_unit_id", drop column "officer_contact_id",
      drop column "focal_point_contact_ids", drop column "local_government_contact_id", drop column "first_meeting_id",
      drop column "first_meeting_scheduled_for", drop column "status_changed_at"`);
    this.addSql('drop table if exists "contact"');
    this.addSql('drop table if exists "organisation"');
    this.addSql(`alter table "district" drop column "location"`);
    this.addSql(`alter table "region" drop column "location"`);
  }
}
