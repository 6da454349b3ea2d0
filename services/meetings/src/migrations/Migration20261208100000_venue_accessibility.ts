import { Migration } from '@mikro-orm/migrations';

/** A meeting's venue says how residents reach it (step-free access, transport, shade or water in a field). */
export class Migration20261208100000_venue_accessibility extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "meeting" add column "venue_accessibility" varchar(500) null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "meeting" drop column if exists "venue_accessibility"`);
  }
}
