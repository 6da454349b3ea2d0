import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_DOWN, MESSAGING_TABLES_UP } from '@rd/persistence';

export class Migration20261124000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "region" (
      "code" varchar(64) not null primary key,
      "country_code" varchar(2) not null,
      "name" jsonb not null)`);
    this.addSql(`create table "district" (
      "code" varchar(64) not null primary key,
      "region_code" varchar(64) not null references "region" ("code"),
      "country_code" varchar(2) not null,
      "name" jsonb not null,
      "time_zone" varchar(64) not null)`);
    this.addSql(`create table "community" (
      "id" uuid not null primary key,
      "name" varchar(120) not null,
      "district_code" varchar(64) not null references "district" ("code"),
      "region_code" varchar(64) not null,
      "kind" varchar(20) not null,
      "population" int null,
      "border_adjacent" boolean not null default false,
      "languages" jsonb not null default '[]',
      "status" varchar(20) not null default 'proposed',
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create index "community_district_code_index" on "community" ("district_code")`);
    this.addSql(`create unique index "community_district_name_key" on "community" ("district_code", lower("name"))`);
    MESSAGING_TABLES_UP.forEach((sql) => this.addSql(sql));
  }

  override async down(): Promise<void> {
    MESSAGING_TABLES_DOWN.forEach((sql) => this.addSql(sql));
    this.addSql('drop table if exists "community"');
    this.addSql('drop table if exists "district"');
    this.addSql('drop table if exists "region"');
  }
}
