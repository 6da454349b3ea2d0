import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  defineEvent,
  eventStreamName,
  eventStreamSubjects,
  HEADER_CORRELATION_ID,
  HEADER_OCCURRED_AT,
  prefixedSubject,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, JSONCodec, nanos, type JetStreamClient, type JetStreamManager } from 'nats';
import { z } from 'zod';
import { createOrmConfig, MESSAGING_TABLES_LATEST_UP, recordEvent, type AckedPublish } from '../../src';
import { Client } from 'pg';

/** A tiny aggregate for the relay tests: one row per write, one event per row. */
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

const WIDGET_TABLE_UP = `create table "widget" ("id" uuid not null primary key, "name" varchar(100) not null)`;

/** MikroORM (as the app role) on a fresh test database with the outbox/inbox tables and the widget table. */
export async function initWidgetOrm(db: { url: string; migrationUrl: string }, poolMax = 10): Promise<MikroORM> {
  // The tables as the owner role, the ORM as the application role: the relay and the consumer run least-privileged.
  const owner = new Client({ connectionString: db.migrationUrl });
  await owner.connect();
  try {
    for (const statement of [...MESSAGING_TABLES_LATEST_UP, WIDGET_TABLE_UP]) await owner.query(statement);
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

export async function countRows(orm: MikroORM, sql: string): Promise<number> {
  const [row] = await orm.em.fork().getConnection().execute<{ n: string }[]>(sql);
  return Number(row.n);
}

export interface StoredEvent {
  seq: number;
  subject: string;
  msgId: string | undefined;
  payload: unknown;
}

/** Every message currently in the stream, with its Nats-Msg-Id header. */
export async function readStream(jsm: JetStreamManager, stream: string): Promise<StoredEvent[]> {
  const info = await jsm.streams.info(stream);
  const events: StoredEvent[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
    if (!msg) continue; // deleted or purged
    events.push({ seq, subject: msg.subject, msgId: msg.header?.get('Nats-Msg-Id'), payload: msg.json() });
  }
  return events;
}

export async function streamMessageCount(jsm: JetStreamManager, stream: string): Promise<number> {
  return (await jsm.streams.info(stream)).state.messages;
}

// @rd/messaging depends on this library (its relay host), so these tests talk to JetStream with the
// client directly: the same stream layout and acknowledged publish with Nats-Msg-Id = outbox row id.

/** The owner's event stream, `<PREFIX>_COMMUNITIES_EVT` on `<prefix>.communities.evt.>`. */
export async function ensureWidgetStream(jsm: JetStreamManager, prefix: string): Promise<string> {
  const name = eventStreamName(prefix, 'communities');
  await jsm.streams.add({ name, subjects: [eventStreamSubjects(prefix, 'communities')], duplicate_window: nanos(120_000) });
  return name;
}

/** JetStream's acknowledged publish; resolves only once the stream stored (or de-duplicated) the event. */
export function ackedPublish(js: JetStreamClient, prefix: string, timeoutMs = 5000): AckedPublish {
  const json = JSONCodec();
  return async (message) => {
    const h = natsHeaders();
    h.set(HEADER_CORRELATION_ID, message.correlationId);
    h.set(HEADER_OCCURRED_AT, message.occurredAt.toISOString());
    await js.publish(prefixedSubject(prefix, message.subject), json.encode(message.payload), {
      msgID: message.id,
      headers: h,
      timeout: timeoutMs,
    });
  };
}
