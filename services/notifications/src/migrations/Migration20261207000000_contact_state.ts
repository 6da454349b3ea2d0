import { Migration } from '@mikro-orm/migrations';

/**
 * Do no harm: what notifications learns from communities' consent and erasure events, by contact id only
 * (the sender checks it before every send, so a recipient list resolved just before a withdrawal sends nothing), and
 * which contacts a message is about (`about_contact_ids`: an officer-assigned message names the officer), so erasure
 * reaches messages sent to others. Messages about an officer written before are found through their planned item.
 */
export class Migration20261207000000_contact_state extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contact_state" (
      "contact_id" uuid not null primary key,
      "consent" boolean not null,
      "consent_changed_at" timestamptz not null,
      "erased_at" timestamptz null,
      "updated_at" timestamptz not null default now())`);
    this.addSql(`alter table "delivery" add column "about_contact_ids" jsonb not null default '[]'`);
    this.addSql(`create index "delivery_about_contact_index" on "delivery" using gin ("about_contact_ids" jsonb_path_ops)`);
    this.addSql(
      `update "delivery" d set "about_contact_ids" = jsonb_build_array(s."payload" ->> 'officerContactId')
       from "scheduled_item" s where s."key" = d."source_key" and s."kind" = 'officer-assigned' and s."payload" ->> 'officerContactId' is not null`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "delivery_about_contact_index"`);
    this.addSql(`alter table "delivery" drop column if exists "about_contact_ids"`);
    this.addSql(`drop table if exists "contact_state"`);
  }
}
