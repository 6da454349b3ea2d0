import { Migration } from '@mikro-orm/migrations';

/** The legal briefing library; agenda items reference the version presented. */
export class Migration20261124190000_briefings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "briefing" (
      "id" uuid not null primary key,
      "family_id" uuid not null,
      "version" int not null,
      "title" jsonb not null,
      "summary" jsonb not null,
      "body" jsonb not null,
      "effective_date" date not null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      constraint "briefing_family_version_unique" unique ("family_id", "version"))`);
    this.addSql(`alter table "meeting_agenda_item" add column "briefing_id" uuid null references "briefing" ("id")`);
    this.addSql(`create index "meeting_agenda_item_briefing_index" on "meeting_agenda_item" ("briefing_id")`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "meeting_agenda_item" drop column if exists "briefing_id"');
    this.addSql('drop table if exists "briefing"');
  }
}
