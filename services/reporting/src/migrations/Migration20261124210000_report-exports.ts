import { Migration } from '@mikro-orm/migrations';

/** Export jobs (docs/adr/0017-report-exports.md): queued → running → done/failed/expired, file in the row or on disk. */
export class Migration20261124210000_report_exports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "export_job" (
      "id" uuid not null primary key,
      "status" varchar(10) not null check ("status" in ('queued', 'running', 'done', 'failed', 'expired')),
      "progress" smallint not null default 0 check ("progress" between 0 and 100),
      "request" jsonb not null,
      "labels" jsonb not null,
      "actor" jsonb not null,
      "requester_id" varchar(255) not null,
      "requested_by" varchar(255) not null,
      "requested_at" timestamptz not null,
      "started_at" timestamptz null,
      "finished_at" timestamptz null,
      "attempts" smallint not null default 0,
      "worker_id" varchar(80) null,
      "heartbeat_at" timestamptz null,
      "file_name" varchar(200) null,
      "content_type" varchar(120) null,
      "size_bytes" bigint null,
      "sha256" char(64) null,
      "storage" varchar(10) null check ("storage" in ('db', 'files')),
      "content" bytea null,
      "expires_at" timestamptz null,
      "error" text null)`);
    // Reading a chunk with substring() then touches only the TOAST slices it needs (no decompression).
    this.addSql(`alter table "export_job" alter column "content" set storage external`);
    this.addSql(`create index "export_job_queue_index" on "export_job" ("requested_at") where "status" = 'queued'`);
    this.addSql(`create index "export_job_running_index" on "export_job" ("heartbeat_at") where "status" = 'running'`);
    this.addSql(`create index "export_job_requester_index" on "export_job" ("requester_id", "requested_at" desc)`);
    this.addSql(`create index "export_job_expiry_index" on "export_job" ("expires_at") where "status" = 'done'`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "export_job"');
  }
}
