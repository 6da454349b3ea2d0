import type { INestMicroservice } from '@nestjs/common';
import { AuditEntrySubmittedEvtV1, CATALOGUE, ErrorCode, ListAuditEntriesQryV1, VerifyAuditChainQryV1, type Actor, type AuditEntry, type DataOf } from '@rd/contracts';
import { createServiceApp, ensureEventStream, jetStreamPublisher, RpcClient, RpcError } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, eventually, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { AuditEventsConsumer } from '../src/audit-entries/audit-events.consumer';
import { auditOrmConfig } from '../src/orm.config';
import { auditEntry } from './factories/audit-entry.factory';

const coordinator: Actor = { userId: 'c', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const reviewer: Actor = { userId: 'r', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const ngo: Actor = { userId: 'n', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };

describe('audit log (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let prefix: string;
  let app: INestMicroservice;
  let rpc: RpcClient;
  let nc: NatsConnection;
  let pg: Client;
  /** The superuser on the suite's database: a DBA, who gets past the grants but still meets the trigger. */
  let dba: Client;
  let publish: ReturnType<typeof jetStreamPublisher>;
  const ctx = { correlationId: 'test' };

  beforeAll(async () => {
    db = await createTestDatabase('audit');
    prefix = testSubjectPrefix();
    nc = await connectTestNats();
    await ensureEventStream(await nc.jetstreamManager(), prefix, 'audit');
    publish = jetStreamPublisher(nc.jetstream(), prefix);
    await runMigrations('audit', auditOrmConfig(db.migrationUrl));
    app = await createServiceApp(AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix }), {
      service: 'audit',
      natsUrl: testNatsUrl(),
      prefix,
      logger: ['error'],
    });
    rpc = new RpcClient({ servers: testNatsUrl(), prefix });
    await rpc.connect();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    dba = new Client({ connectionString: db.superuserUrl });
    await dba.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await dba?.end();
    await rpc?.close();
    await app?.close();
    await deleteStreamsWithPrefix(nc, prefix);
    await nc?.close();
    await db?.drop();
  });

  const submit = (entry: AuditEntry, messageId = entry.id) =>
    publish({ id: messageId, subject: AuditEntrySubmittedEvtV1.name, payload: entry, correlationId: entry.correlationId, occurredAt: new Date(entry.occurredAt) });

  const list = (actor: Actor, query: Partial<DataOf<typeof ListAuditEntriesQryV1>> = {}) =>
    rpc.request(ListAuditEntriesQryV1, actor, ListAuditEntriesQryV1.schema.parse(query), ctx);

  const rowsWithId = async (id: string) => Number((await pg.query('select count(*) as n from audit_entry where id = $1', [id])).rows[0].n);

  describe('consuming submitted records', () => {
    it('should store a submitted record and answer it to the coordinator as it was submitted', async () => {
      const entry = auditEntry({ actor: { userId: 'u-store', username: 'store.check', roles: ['ngo-admin'] } });
      await submit(entry);
      const page = await eventually(async () => {
        const result = await list(coordinator, { username: 'store.check' });
        // find and count are two queries: wait until the row shows in both.
        expect(result.items).toHaveLength(1);
        expect(result.total).toBe(1);
        return result;
      });
      const { recordedAt, ...stored } = page.items[0];
      expect(stored).toEqual(entry);
      expect(Date.parse(recordedAt)).not.toBeNaN();
    });

    it('should store a record once when it is delivered twice, under the same or another message id', async () => {
      const entry = auditEntry();
      await submit(entry);
      await eventually(async () => expect(await rowsWithId(entry.id)).toBe(1));
      // A redelivery of the same message: the inbox turns it into a no-op.
      await expect(app.get(AuditEventsConsumer).applyEvent(AuditEntrySubmittedEvtV1.name, entry, entry.id, entry.correlationId)).resolves.toBe(false);
      // The same record submitted again under a new message id (e.g. a producer retry after the duplicate window).
      const marker = auditEntry({ actor: { userId: 'u-marker', username: 'marker', roles: [] } });
      await submit(entry, randomUUID());
      await submit(marker);
      await eventually(async () => expect(await rowsWithId(marker.id)).toBe(1));
      expect(await rowsWithId(entry.id)).toBe(1);
    });

    it('should dead-letter a record that breaks the contract instead of storing it', async () => {
      const bad = { ...auditEntry(), body: { name: 'Surkh' } } as unknown as AuditEntry;
      const marker = auditEntry();
      await submit(bad);
      await submit(marker);
      await eventually(async () => expect(await rowsWithId(marker.id)).toBe(1));
      expect(await rowsWithId(bad.id)).toBe(0);
    });
  });

  describe('append-only at the database level', () => {
    let id: string;

    beforeAll(async () => {
      const entry = auditEntry();
      id = entry.id;
      await submit(entry);
      await eventually(async () => expect(await rowsWithId(id)).toBe(1));
    });

    it.each([
      ['UPDATE', `update audit_entry set username = 'someone-else' where id = $1`],
      ['DELETE', 'delete from audit_entry where id = $1'],
    ])('should refuse %s to the application role (no privilege) and to a superuser (the trigger)', async (operation, sql) => {
      await expect(pg.query(sql, [id])).rejects.toThrow('permission denied for table audit_entry');
      await expect(dba.query(sql, [id])).rejects.toThrow(`audit_entry is append-only: ${operation} is not allowed`);
      expect(await rowsWithId(id)).toBe(1);
      const row = (await pg.query('select username from audit_entry where id = $1', [id])).rows[0];
      expect(row.username).toBe('ngo.isfara');
    });

    it('should refuse TRUNCATE', async () => {
      const before = Number((await pg.query('select count(*) as n from audit_entry')).rows[0].n);
      await expect(pg.query('truncate audit_entry')).rejects.toThrow('permission denied for table audit_entry');
      await expect(dba.query('truncate audit_entry')).rejects.toThrow('audit_entry is append-only: TRUNCATE is not allowed');
      expect(Number((await pg.query('select count(*) as n from audit_entry')).rows[0].n)).toBe(before);
    });

    it('should offer no command on the audit subjects, only the list and verify queries', () => {
      expect(CATALOGUE.filter((def) => def.owner === 'audit' && def.kind !== 'evt').map((def) => def.name)).toEqual([ListAuditEntriesQryV1.name, VerifyAuditChainQryV1.name]);
    });
  });

  describe('querying', () => {
    const run = randomUUID().slice(0, 8);
    const user = (name: string) => `${name}.${run}`;
    const base = Date.parse('2026-03-01T10:00:00Z');
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const entries = [
      auditEntry({ occurredAt: at(0), actor: { userId: `a-${run}`, username: user('alice'), roles: ['ngo-admin'] }, action: 'community:create', resourceType: 'community' }),
      auditEntry({ occurredAt: at(1), actor: { userId: `a-${run}`, username: user('alice'), roles: ['ngo-admin'] }, action: 'community:create', resourceType: 'community', outcome: 'failed', httpStatus: 409 }),
      auditEntry({ occurredAt: at(2), actor: { userId: `b-${run}`, username: user('bob'), roles: ['regional-reviewer'] }, action: 'community:create', resourceType: 'community', resourceId: null, outcome: 'denied', httpStatus: 403 }),
      auditEntry({ occurredAt: at(3), actor: { userId: `b-${run}`, username: user('bob'), roles: ['regional-reviewer'] }, action: 'audit:read', resourceType: 'audit', resourceId: null, outcome: 'denied', httpStatus: 403, method: 'GET', path: '/api/v1/audit' }),
      auditEntry({ occurredAt: at(4), actor: { userId: `c-${run}`, username: user('carol'), roles: ['national-coordinator'] }, action: 'report:read', resourceType: 'report', resourceId: 'isfara', method: 'GET', path: '/api/v1/reports/districts/isfara', httpStatus: 200 }),
    ];
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

    beforeAll(async () => {
      for (const entry of entries) await submit(entry);
      await eventually(async () => expect((await list(coordinator, { from: at(0), to: at(5) })).total).toBe(entries.length));
    });

    it('should list newest first by default, with the total over all pages', async () => {
      const page = await list(coordinator, { from: at(0), to: at(5), limit: 2 });
      expect(page.total).toBe(5);
      expect(ids(page)).toEqual([entries[4].id, entries[3].id]);
      const next = await list(coordinator, { from: at(0), to: at(5), limit: 2, offset: 2 });
      expect(ids(next)).toEqual([entries[2].id, entries[1].id]);
    });

    it('should filter by user, by username or user id', async () => {
      expect(ids(await list(coordinator, { username: user('alice') }))).toEqual([entries[1].id, entries[0].id]);
      expect(ids(await list(coordinator, { userId: `b-${run}` }))).toEqual([entries[3].id, entries[2].id]);
    });

    it('should filter by action, resource and outcome, combined with AND', async () => {
      expect(ids(await list(coordinator, { from: at(0), to: at(5), action: 'community:create', outcome: 'denied' }))).toEqual([entries[2].id]);
      expect(ids(await list(coordinator, { from: at(0), to: at(5), resourceType: 'report', resourceId: 'isfara' }))).toEqual([entries[4].id]);
      expect(ids(await list(coordinator, { username: user('bob'), action: 'audit:read' }))).toEqual([entries[3].id]);
      expect(ids(await list(coordinator, { correlationId: entries[1].correlationId }))).toEqual([entries[1].id]);
    });

    it('should filter by time: from inclusive, to exclusive', async () => {
      expect(ids(await list(coordinator, { from: at(1), to: at(3), sort: 'occurredAt', order: 'ASC' }))).toEqual([entries[1].id, entries[2].id]);
      expect((await list(coordinator, { from: at(10), to: at(20) })).total).toBe(0);
    });

    it('should sort by another column on request', async () => {
      const page = await list(coordinator, { from: at(0), to: at(5), sort: 'username', order: 'ASC' });
      expect(page.items.map((item) => item.actor.username)).toEqual([user('alice'), user('alice'), user('bob'), user('bob'), user('carol')]);
    });
  });

  describe('who may read it', () => {
    it.each([
      ['a regional reviewer', reviewer],
      ['an NGO admin', ngo],
    ])('should refuse %s with FORBIDDEN', async (_name, actor) => {
      const error = await list(actor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).payload.code).toBe(ErrorCode.Forbidden);
    });

    it('should refuse a request that carries no actor', async () => {
      const error = await rpc.request(ListAuditEntriesQryV1, undefined as unknown as Actor, ListAuditEntriesQryV1.schema.parse({}), ctx).catch((e: unknown) => e);
      expect((error as RpcError).payload.code).toBe(ErrorCode.Unauthenticated);
    });
  });
});
