/** Channel the outbox trigger notifies so the relay wakes up at commit time. */
export const OUTBOX_NOTIFY_CHANNEL = 'rd_outbox';

/**
 * DDL for the outbox and inbox tables, shared by every service's first migration so the tables are
 * identical everywhere.
 */
export const MESSAGING_TABLES_UP: readonly string[] = [
  `create table "outbox_message" (
     "id" uuid not null primary key,
     "subject" varchar(200) not null,
     "payload" jsonb not null,
     "correlation_id" varchar(100) not null,
     "created_at" timestamptz not null default now(),
     "published_at" timestamptz null,
     "attempts" int not null default 0,
     "last_error" text null)`,
  `create index "outbox_message_unpublished_idx" on "outbox_message" ("created_at") where published_at is null`,
  `create or replace function outbox_notify() returns trigger language plpgsql as $$
     begin perform pg_notify('${OUTBOX_NOTIFY_CHANNEL}', ''); return null; end $$`,
  `create trigger outbox_message_notify after insert on "outbox_message"
     for each statement execute function outbox_notify()`,
  `create table "inbox_message" (
     "consumer" varchar(200) not null,
     "message_id" varchar(100) not null,
     "subject" varchar(200) not null,
     "processed_at" timestamptz not null default now(),
     primary key ("consumer", "message_id"))`,
];

export const MESSAGING_TABLES_DOWN: readonly string[] = [
  'drop table if exists "inbox_message"',
  'drop trigger if exists outbox_message_notify on "outbox_message"',
  'drop function if exists outbox_notify()',
  'drop table if exists "outbox_message"',
];
