import { Migration } from '@mikro-orm/migrations';

/**
 * Onboarding transitions carry the day they took effect (docs/adr/0035-programme-history.md). Existing rows took
 * effect when they were recorded: their day in the district's zone.
 */
export class Migration20261208070000_status_effective_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "community_status_change" add column "effective_on" date null`);
    this.addSql(`update "community_status_change" c set "effective_on" = (c."changed_at" at time zone d."time_zone")::date
      from "community" m join "district" d on d."code" = m."district_code" where m."id" = c."community_id"`);
    this.addSql(`update "community_status_change" set "effective_on" = "changed_at"::date where "effective_on" is null`);
    this.addSql(`alter table "community_status_change" alter column "effective_on" set not null`);
    this.addSql(`alter table "community" add column "status_effective_on" date null`);
    this.addSql(`update "community" m set "status_effective_on" = (select c."effective_on" from "community_status_change" c
      where c."community_id" = m."id" order by c."changed_at" desc limit 1)`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "community" drop column "status_effective_on"`);
    this.addSql(`alter table "community_status_change" drop column "effective_on"`);
  }
}
