import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@rd/persistence';

export class Migration20261124000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "community_snapshot" (
      "community_id" uuid not null primary key,
      "district_code" varchar(64) not null,
      "region_code" varchar(64) not null,
      "status" varchar(20) not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "community_snapshot_district_code_index" on "community_snapshot" ("district_code")`);
    this.addSql(`create table "district_summary" (
      "district_code" varchar(64) not null primary key,
      "region_code" varchar(64) not null,
      "communities_total" int not null,
      "communities_by_status" jsonb not null,
      "updated_at" timestamptz not null)`);
    MESSAGING_TABLES_UP.forEach((sql) => this.addSql(sql));
  }

  override async down(): Promise<void> {
    MESSAGING_TABLES_DOWN.forEach((sql) => this.addSql(sql));
    this.addSql('drop table if exists "district_summary"');
    this.addSql('drop table if exists "community_snapshot"');
  }
}
