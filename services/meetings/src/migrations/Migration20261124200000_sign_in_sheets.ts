import { Migration } from '@mikro-orm/migrations';

/** ADR 0013: the scan or photo of a meeting's paper sign-in sheet, and the staging of its upload chunks. */
export class Migration20261124200000_sign_in_sheets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_sheet" (
      "meeting_id" uuid not null primary key references "meeting" ("id") on delete cascade,
      "media_type" varchar(40) not null check ("media_type" in ('image/jpeg', 'image/png', 'application/pdf')),
      "size_bytes" int not null check ("size_bytes" between 1 and 5242880),
      "sha256" char(64) not null,
      "data" bytea not null,
      "uploaded_by" varchar(100) not null,
      "uploaded_at" timestamptz not null,
      check (octet_length("data") = "size_bytes"))`);
    // Chunks already received of uploads in progress; the last chunk joins and deletes them in one transaction.
    this.addSql(`create table "sign_in_sheet_chunk" (
      "upload_id" uuid not null,
      "index" smallint not null,
      "meeting_id" uuid not null references "meeting" ("id") on delete cascade,
      "chunks" smallint not null,
      "data" bytea not null,
      "created_by" varchar(100) not null,
      "created_at" timestamptz not null default now(),
      primary key ("upload_id", "index"))`);
    this.addSql(`create index "sign_in_sheet_chunk_created_at_index" on "sign_in_sheet_chunk" ("created_at")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_sheet_chunk"`);
    this.addSql(`drop table if exists "sign_in_sheet"`);
  }
}
