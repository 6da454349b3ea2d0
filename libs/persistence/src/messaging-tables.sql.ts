import { OUTBOX_AGGREGATE_KEY_SQL } from './aggregate-key';

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

/**
 * Order per aggregate instead of one global order, so one refusing stream cannot hold up the others:
 * `aggregate_key` (set by recordEvent, see aggregate-key.ts; rows still waiting are keyed here, rows written by an
 * older replica during a rolling deploy get '' and keep one order among themselves) and `seq`, the insertion order
 * (created_at has millisecond ties inside a transaction and uuids are random). Every service's migration
 * `..._outbox_aggregate_key` applies this.
 */
export const OUTBOX_ORDERING_UP: readonly string[] = [
  `alter table "outbox_message" add column "aggregate_key" varchar(200) not null default ''`,
  `alter table "outbox_message" add column "seq" bigserial not null`,
  `update "outbox_message" set "aggregate_key" = ${OUTBOX_AGGREGATE_KEY_SQL} where "published_at" is null`,
  `drop index if exists "outbox_message_unpublished_idx"`,
  `create index "outbox_message_pending_idx" on "outbox_message" ("seq") where published_at is null`,
  `create index "outbox_message_pending_key_idx" on "outbox_message" ("aggregate_key", "seq") where published_at is null`,
];

export const OUTBOX_ORDERING_DOWN: readonly string[] = [
  'drop index if exists "outbox_message_pending_key_idx"',
  'drop index if exists "outbox_message_pending_idx"',
  `create index if not exists "outbox_message_unpublished_idx" on "outbox_message" ("created_at") where published_at is null`,
  'alter table "outbox_message" drop column if exists "seq"',
  'alter table "outbox_message" drop column if exists "aggregate_key"',
];

/** The outbox and inbox tables as the latest migration leaves them (test harnesses that build tables directly). */
export const MESSAGING_TABLES_LATEST_UP: readonly string[] = [...MESSAGING_TABLES_UP, ...OUTBOX_ORDERING_UP];
