import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { defineEvent, type DataOf } from '@rd/contracts';
import { applyOnce, createOrmConfig, MESSAGING_TABLES_LATEST_UP, recordEvent } from '@rd/persistence';
import { randomUUID } from 'node:crypto';
import type { JetStreamManager } from 'nats';
import { z } from 'zod';
import type { EventMeta } from '../../src';
import { Client } from 'pg';

/** A tiny aggregate for the messaging tests: one row per write, one event per row. */
@Entity({ tableName: 'widget' })
export class Widget {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  name!: string;
}

export const WidgetCreatedEvtV1 = defineEvent({
  name: 'communities.evt.widget.created.v1',
  owner: 'communities',
  description: 'Test-only event: a widget was created.',
  schema: z
    .object({
      widgetId: z.string().uuid().describe('Widget id'),
      name: z.string().min(1).max(100).describe('Widget name'),
    })
    .strict(),
});

export type WidgetCreated = DataOf<typeof WidgetCreatedEvtV1>;

const TEST_TABLES_UP = [
  `create table "widget" ("id" uuid not null primary key, "name" varchar(100) not null)`,
  // The consumer's effect. Deliberately no unique key: applying a message twice shows up as two rows.
  `create table "widget_effect" (
     "consumer" varchar(200) not null,
     "message_id" varchar(100) not null,
     "widget_id" uuid not null,
     "applied_at" timestamptz not null default clock_timestamp())`,
];

/** MikroORM (as the app role) on a fresh test database with the outbox/inbox tables, the widget table and the effect table. */
export async function initWidgetOrm(db: { url: string; migrationUrl: string }, poolMax = 10): Promise<MikroORM> {
  // The tables as the owner role, the ORM as the application role: the relay and the consumer run least-privileged.
  const owner = new Client({ connectionString: db.migrationUrl });
  await owner.connect();
  try {
    for (const statement of [...MESSAGING_TABLES_LATEST_UP, ...TEST_TABLES_UP]) await owner.query(statement);
  } finally {
    await owner.end();
  }
  return MikroORM.init(createOrmConfig({ databaseUrl: db.url, entities: [Widget], migrations: [], poolMax }));
}

/** Creates a widget and its event in one transaction; resolves with the outbox row id once committed. */
export async function createWidget(orm: MikroORM, name = 'widget'): Promise<string> {
  return orm.em.fork().transactional(async (tx) => {
    const widget = tx.create(Widget, { name });
    return recordEvent(tx, WidgetCreatedEvtV1, { widgetId: widget.id, name }, `corr-${widget.id}`).id;
  });
}

/** The consumer side: the effect and the inbox row commit together. Resolves false for a duplicate. */
export function applyWidgetEffect(orm: MikroORM, payload: WidgetCreated, meta: EventMeta): Promise<boolean> {
  return applyOnce(orm.em, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, (tx: EntityManager) =>
    tx.execute(`insert into "widget_effect" ("consumer", "message_id", "widget_id") values (?, ?, ?)`, [
      meta.consumer,
      meta.messageId,
      payload.widgetId,
    ]).then(() => undefined),
  );
}

export async function countRows(orm: MikroORM, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await orm.em.fork().getConnection().execute<{ n: string }[]>(sql, params);
  return Number(row.n);
}

export interface StoredEvent {
  seq: number;
  subject: string;
  msgId: string | undefined;
  headers: Record<string, string>;
  data: string;
}

/** Every message currently in the stream, with its headers. */
export async function readStream(jsm: JetStreamManager, stream: string): Promise<StoredEvent[]> {
  const info = await jsm.streams.info(stream);
  const events: StoredEvent[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
    if (!msg) continue; // deleted or purged
    const headers: Record<string, string> = {};
    msg.header?.keys().forEach((key) => (headers[key] = msg.header?.get(key) ?? ''));
    events.push({ seq, subject: msg.subject, msgId: headers['Nats-Msg-Id'], headers, data: msg.string() });
  }
  return events;
}

export async function streamMessageCount(jsm: JetStreamManager, stream: string): Promise<number> {
  return (await jsm.streams.info(stream)).state.messages;
}

/** Collects log lines instead of printing them; dump them when a test fails. */
export function memoryLogger() {
  const lines: string[] = [];
  return {
    lines,
    log: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(`WARN ${m}`),
    error: (m: string) => lines.push(`ERROR ${m}`),
  };
}
