import type { INestMicroservice } from '@nestjs/common';
import { AuditEntrySubmittedEvtV1, ErrorCode, VerifyAuditChainQryV1, type Actor, type AuditChainReport, type AuditEntry, type DataOf } from '@rd/contracts';
import { createServiceApp, ensureEventStream, jetStreamPublisher, RpcClient, RpcError } from '@rd/messaging';
import { runMigrations } from '@rd/persistence';
import { connectTestNats, createTestDatabase, deleteStreamsWithPrefix, eventually, testNatsUrl, testSubjectPrefix, type TestDatabase } from '@rd/testing';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { auditEntryHash, GENESIS_HASH } from '../src/audit-entries/audit-chain';
import { AuditEntriesService } from '../src/audit-entries/audit-entries.service';
import { AuditEventsConsumer } from '../src/audit-entries/audit-events.consumer';
import { MIGRATIONS } from '../src/migrations';
import { auditOrmConfig } from '../src/orm.config';
import { auditEntry } from './factories/audit-entry.factory';

const coordinator: Actor = { userId: 'c', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const reviewer: Actor = { userId: 'r', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };
const ngo: Actor = { userId: 'n', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const ctx = { correlationId: 'test' };

interface AuditUnderTest {
  db: TestDatabase;
  prefix: string;
  app: INestMicroservice;
  rpc: RpcClient;
  /** The superuser on this database, playing a DBA who bypasses grants and triggers. */
  dba: Client;
  record(entry?: AuditEntry): Promise<AuditEntry>;
  verify(actor?: Actor, query?: Partial<DataOf<typeof VerifyAuditChainQryV1>>): Promise<AuditChainReport>;
  close(): Promise<void>;
}

/** The audit service on a fresh database of its own (each test tampers with its chain), migrated as the owner. */
async function startAudit(nc: NatsConnection, migrations = MIGRATIONS): Promise<AuditUnderTest> {
  const db = await createTestDatabase('audit');
  const prefix = testSubjectPrefix();
  await ensureEventStream(await nc.jetstreamManager(), prefix, 'audit');
  await runMigrations('audit', { ...auditOrmConfig(db.migrationUrl), migrations: { ...auditOrmConfig(db.migrationUrl).migrations, migrationsList: migrations as never } });
  const app = await createServiceApp(AppModule.forRoot({ databaseUrl: db.url, natsUrl: testNatsUrl(), prefix }), {
    service: 'audit',
    natsUrl: testNatsUrl(),
    prefix,
    logger: ['error'],
  });
  const rpc = new RpcClient({ servers: testNatsUrl(), prefix });
  await rpc.connect();
  const dba = new Client({ connectionString: db.superuserUrl });
  await dba.connect();
  // As a DBA would: replica mode skips the append-only trigger for this session.
  await dba.query('set session_replication_role = replica');
  const self: AuditUnderTest = {
    db,
    prefix,
    app,
    rpc,
    dba,
    record: async (entry = auditEntry()) => {
      await self.app.get(AuditEventsConsumer).applyEvent(AuditEntrySubmittedEvtV1.name, entry, entry.id, entry.correlationId);
      return entry;
    },
    verify: (actor = coordinator, query = {}) => rpc.request(VerifyAuditChainQryV1, actor, VerifyAuditChainQryV1.schema.parse(query), ctx),
    close: async () => {
      await dba.end();
      await rpc.close();
      await self.app.close();
      await deleteStreamsWithPrefix(nc, prefix);
      await db.drop();
    },
  };
  return self;
}

interface StoredLink {
  seq: number;
  id: string;
  prev_hash: string;
  hash: string;
}

const links = async (audit: AuditUnderTest): Promise<StoredLink[]> =>
  (await audit.dba.query<StoredLink>('select seq::int as seq, id, prev_hash, hash from audit_entry order by seq')).rows;

describe('audit log hash chain (real PostgreSQL and NATS)', () => {
  let nc: NatsConnection;
  let audit: AuditUnderTest | undefined;

  beforeAll(async () => {
    nc = await connectTestNats();
  });

  afterEach(async () => {
    await audit?.close();
    audit = undefined;
  });

  afterAll(async () => {
    await nc?.close();
  });

  const recordMany = async (under: AuditUnderTest, count: number) => {
    const entries: AuditEntry[] = [];
    for (let i = 0; i < count; i++) entries.push(await under.record(auditEntry({ path: `/api/v1/communities/${i}` })));
    return entries;
  };

  describe('an untouched log', () => {
    it('should chain each entry to the one before it, from the genesis hash, and verify', async () => {
      audit = await startAudit(nc);
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 0, head: null, firstBreak: null });
      const entries = await recordMany(audit, 12);
      const stored = await links(audit);
      expect(stored.map((link) => link.seq)).toEqual(entries.map((_, i) => i + 1));
      expect(stored.map((link) => link.id)).toEqual(entries.map((entry) => entry.id));
      expect(stored[0].prev_hash).toBe(GENESIS_HASH);
      stored.slice(1).forEach((link, i) => expect(link.prev_hash).toBe(stored[i].hash));
      expect(new Set(stored.map((link) => link.hash)).size).toBe(12);
      const report = await audit.verify();
      expect(report).toMatchObject({ ok: true, checked: 12, head: { seq: 12, hash: stored[11].hash }, firstBreak: null });
      expect(Date.parse(report.verifiedAt)).not.toBeNaN();
    });

    it('should chain what arrives through JetStream, and a record submitted twice takes one position', async () => {
      audit = await startAudit(nc);
      const publish = jetStreamPublisher(nc.jetstream(), audit.prefix);
      const entry = auditEntry();
      const submit = (messageId: string) =>
        publish({ id: messageId, subject: AuditEntrySubmittedEvtV1.name, payload: entry, correlationId: entry.correlationId, occurredAt: new Date(entry.occurredAt) });
      await submit(entry.id);
      await submit(randomUUID());
      const marker = await audit.record();
      const under = audit;
      await eventually(async () => expect((await links(under)).map((link) => link.id)).toEqual([entry.id, marker.id]));
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 2, head: { seq: 2 } });
    });

    it('should keep a single chain when entries are recorded concurrently', async () => {
      audit = await startAudit(nc);
      const under = audit;
      const entries = await Promise.all(Array.from({ length: 40 }, () => under.record()));
      const stored = await links(audit);
      expect(stored.map((link) => link.seq)).toEqual(entries.map((_, i) => i + 1));
      expect(new Set(stored.map((link) => link.id))).toEqual(new Set(entries.map((entry) => entry.id)));
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 40, firstBreak: null });
    });

    it('should verify across pages, in parts up to a limit, and from a head recorded earlier', async () => {
      audit = await startAudit(nc);
      await recordMany(audit, 7);
      const stored = await links(audit);
      expect(await audit.app.get(AuditEntriesService).verify(coordinator, { limit: 100 }, 3)).toMatchObject({ ok: true, checked: 7, complete: true, next: null, head: { seq: 7 } });
      const part = await audit.verify(coordinator, { limit: 4 });
      expect(part).toMatchObject({ ok: true, checked: 4, complete: false, next: { seq: 4, hash: stored[3].hash }, head: { seq: 7 } });
      expect(await audit.verify(coordinator, { after: part.next ?? undefined })).toMatchObject({ ok: true, checked: 3, complete: true, head: { seq: 7 } });
    });

    it('should report a recorded head that is no longer in the log (the newest entries removed)', async () => {
      audit = await startAudit(nc);
      await recordMany(audit, 5);
      const recorded = (await audit.verify()).head;
      expect(recorded).toMatchObject({ seq: 5 });
      await audit.dba.query('delete from audit_entry where seq >= 4');
      // Without the recorded head, a truncated log still links up: the ADR says why the head must be kept elsewhere.
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 3 });
      const report = await audit.verify(coordinator, { after: recorded ?? undefined });
      expect(report.firstBreak).toEqual({ seq: 5, id: null, reason: 'anchor-mismatch', missingFrom: null, detail: 'no entry is stored there any more' });
    });
  });

  describe('a log a DBA changed behind the service', () => {
    it.each([
      ['a deleted entry in the middle', 4, 5, 4],
      ['the first entry deleted', 1, 2, 1],
    ])('should report %s at the entry after the gap', async (_name, deleted, reportedAt, missingFrom) => {
      audit = await startAudit(nc);
      const entries = await recordMany(audit, 8);
      await audit.dba.query('delete from audit_entry where seq = $1', [deleted]);
      const report = await audit.verify();
      expect(report.ok).toBe(false);
      expect(report.firstBreak).toMatchObject({ seq: reportedAt, id: entries[reportedAt - 1].id, reason: 'entries-missing', missingFrom });
      expect(report.checked).toBe(reportedAt - 1);
    });

    it('should report a deleted entry whose successors were renumbered to close the gap, as a broken link', async () => {
      audit = await startAudit(nc);
      const entries = await recordMany(audit, 6);
      await audit.dba.query('delete from audit_entry where seq = 3');
      for (const seq of [4, 5, 6]) await audit.dba.query('update audit_entry set seq = $1 where seq = $2', [seq - 1, seq]);
      expect((await audit.verify()).firstBreak).toMatchObject({ seq: 3, id: entries[3].id, reason: 'link-broken', missingFrom: null });
    });

    it.each([
      ['the username', `update audit_entry set username = 'someone-else' where seq = 6`],
      ['the outcome', `update audit_entry set outcome = 'success', http_status = 200 where seq = 6`],
      ['the time it occurred', `update audit_entry set occurred_at = occurred_at - interval '1 day' where seq = 6`],
      ['the roles', `update audit_entry set roles = '["national-coordinator"]' where seq = 6`],
    ])('should report an entry whose %s was edited at that entry', async (_field, sql) => {
      audit = await startAudit(nc);
      const entries = await recordMany(audit, 9);
      await audit.dba.query(sql);
      const report = await audit.verify();
      expect(report).toMatchObject({ ok: false, checked: 6, head: { seq: 9 } });
      expect(report.firstBreak).toMatchObject({ seq: 6, id: entries[5].id, reason: 'entry-altered', missingFrom: null });
    });

    it('should report an entry edited and re-hashed by someone who knows the scheme at the entry after it', async () => {
      audit = await startAudit(nc);
      const entries = await recordMany(audit, 5);
      const row = (await audit.dba.query('select * from audit_entry where seq = 2')).rows[0];
      const forged = auditEntryHash({
        seq: 2,
        prevHash: row.prev_hash,
        id: row.id,
        occurredAt: row.occurred_at,
        source: row.source,
        userId: row.user_id,
        username: 'someone-else',
        roles: row.roles,
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        outcome: row.outcome,
        httpStatus: row.http_status,
        correlationId: row.correlation_id,
        clientAddress: row.client_address,
        method: row.method,
        path: row.path,
        recordedAt: row.recorded_at,
      });
      await audit.dba.query(`update audit_entry set username = 'someone-else', hash = $1 where seq = 2`, [forged]);
      expect((await audit.verify()).firstBreak).toMatchObject({ seq: 3, id: entries[2].id, reason: 'link-broken' });
    });
  });

  describe('who may verify', () => {
    it.each([
      ['a regional reviewer', reviewer],
      ['an NGO admin', ngo],
    ])('should refuse %s with FORBIDDEN', async (_name, actor) => {
      audit = await startAudit(nc);
      const error = await audit.verify(actor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).payload.code).toBe(ErrorCode.Forbidden);
    });
  });

  describe('the migration that adds the chain', () => {
    it('should chain the entries stored before it in the order they were recorded, and the log verifies', async () => {
      audit = await startAudit(nc, MIGRATIONS.slice(0, 1));
      await audit.app.close();
      // Entries as the service stored them before the chain existed (recorded_at with microseconds, as now() gives).
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const [i, id] of ids.entries()) {
        const entry = auditEntry({ id });
        await audit.dba.query(
          `insert into audit_entry (id, occurred_at, source, user_id, username, roles, action, resource_type, resource_id, outcome, http_status,
             correlation_id, client_address, method, path, recorded_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now() - make_interval(secs => $16::float8 + 0.000123))`,
          [id, entry.occurredAt, entry.source, entry.actor.userId, entry.actor.username, JSON.stringify(entry.actor.roles), entry.action, entry.resourceType, entry.resourceId, entry.outcome, entry.httpStatus, entry.correlationId, entry.clientAddress, entry.method, entry.path, 60 - i * 10],
        );
      }
      await runMigrations('audit', auditOrmConfig(audit.db.migrationUrl));
      audit.app = await createServiceApp(AppModule.forRoot({ databaseUrl: audit.db.url, natsUrl: testNatsUrl(), prefix: audit.prefix }), {
        service: 'audit',
        natsUrl: testNatsUrl(),
        prefix: audit.prefix,
        logger: ['error'],
      });
      expect((await links(audit)).map((link) => link.id)).toEqual(ids);
      const next = await audit.record();
      expect((await links(audit)).map((link) => [link.seq, link.id])).toEqual([...ids, next.id].map((id, i) => [i + 1, id]));
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 4, head: { seq: 4 } });
    });
  });
});
