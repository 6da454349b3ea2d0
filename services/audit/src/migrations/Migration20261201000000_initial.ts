import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_UP } from '@rd/persistence';

/**
 * The audit log and the guard that keeps it append-only: UPDATE, DELETE and TRUNCATE raise, whoever runs them.
 * No down(): a migration never rolls the audit log back (MikroORM's default down() refuses).
 */
export class Migration20261201000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" (
      "id" uuid not null primary key,
      "occurred_at" timestamptz not null,
      "source" varchar(40) not null,
      "user_id" varchar(100) not null,
      "username" varchar(100) not null,
      "roles" jsonb not null,
      "action" varchar(100) not null,
      "resource_type" varchar(40) not null,
      "resource_id" varchar(100) null,
      "outcome" varchar(10) not null check ("outcome" in ('success', 'denied', 'failed')),
      "http_status" smallint not null,
      "correlation_id" varchar(100) not null,
      "client_address" varchar(64) not null,
      "method" varchar(10) not null,
      "path" varchar(300) not null,
      "recorded_at" timestamptz not null default now())`);
    // The list is read newest first, narrowed by who, what or which request.
    this.addSql(`create index "audit_entry_occurred_at_index" on "audit_entry" ("occurred_at", "id")`);
    this.addSql(`create index "audit_entry_username_index" on "audit_entry" ("username", "occurred_at")`);
    this.addSql(`create index "audit_entry_user_id_index" on "audit_entry" ("user_id", "occurred_at")`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action", "occurred_at")`);
    this.addSql(`create index "audit_entry_resource_index" on "audit_entry" ("resource_type", "resource_id")`);
    this.addSql(`create index "audit_entry_correlation_id_index" on "audit_entry" ("correlation_id")`);
    this.addSql(`create function audit_entry_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    this.addSql(`create trigger "audit_entry_no_update_or_delete" before update or delete on "audit_entry"
      for each row execute function audit_entry_append_only()`);
    this.addSql(`create trigger "audit_entry_no_truncate" before truncate on "audit_entry"
      for each statement execute function audit_entry_append_only()`);
    MESSAGING_TABLES_UP.forEach((sql) => this.addSql(sql));
  }
}
