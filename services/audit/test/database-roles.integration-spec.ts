import { runMigrations } from '@rd/persistence';
import { createTestDatabase, type TestDatabase } from '@rd/testing';
import { Client } from 'pg';
import { auditOrmConfig } from '../src/orm.config';

/** A connection as `url`'s role; closed by the suite. */
async function connectAs(url: string, opened: Client[]): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  opened.push(client);
  return client;
}

/**
 * What the roles the services run as may and may not do (docs/adr/0024-database-roles-and-audit-chain.md), on
 * databases made by the same test harness every integration suite uses.
 */
describe('database roles (real PostgreSQL)', () => {
  let audit: TestDatabase;
  let other: TestDatabase;
  let app: Client;
  let owner: Client;
  let dba: Client;
  const opened: Client[] = [];

  beforeAll(async () => {
    audit = await createTestDatabase('audit');
    // Another service's database, with a table of its own.
    other = await createTestDatabase('meetings');
    await runMigrations('audit', auditOrmConfig(audit.migrationUrl));
    app = await connectAs(audit.url, opened);
    owner = await connectAs(audit.migrationUrl, opened);
    dba = await connectAs(audit.superuserUrl, opened);
    const otherOwner = await connectAs(other.migrationUrl, opened);
    await otherOwner.query('create table widget (id int primary key, name text not null)');
  });

  afterAll(async () => {
    await Promise.all(opened.map((client) => client.end().catch(() => undefined)));
    await audit?.drop();
    await other?.drop();
  });

  const insertSql = `insert into audit_entry (id, occurred_at, source, user_id, username, roles, action, resource_type, resource_id, outcome, http_status,
      correlation_id, client_address, method, path, recorded_at, seq, prev_hash, hash)
    values (gen_random_uuid(), now(), 'gateway', 'u', 'someone', '[]', 'community:create', 'community', null, 'success', 201, 'c', '127.0.0.1', 'POST', '/x', now(),
      $1, repeat('0', 64), repeat('a', 64))`;

  describe('the roles themselves', () => {
    it('should run the service as neither a superuser nor the owner of its tables', async () => {
      const { rows } = await app.query(`select current_user as name, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls,
         (select count(*)::int from pg_class c where c.relnamespace = 'public'::regnamespace and c.relowner = r.oid) as owned
         from pg_roles r where r.rolname = current_user`);
      expect(rows[0]).toEqual({ name: audit.roles.app, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false, owned: 0 });
      const tables = await dba.query(`select distinct pg_get_userbyid(relowner) as owner from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'S')`);
      expect(tables.rows).toEqual([{ owner: audit.roles.owner }]);
    });
  });

  describe('the audit application role', () => {
    it('should hold INSERT and SELECT only, on every table of its database', async () => {
      const { rows } = await dba.query(
        `select c.relname as table, array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
           where has_table_privilege($1, c.oid, p) order by p) as privileges
         from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by c.relname`,
        [audit.roles.app],
      );
      expect(rows).toEqual([
        { table: 'audit_entry', privileges: ['INSERT', 'SELECT'] },
        { table: 'inbox_message', privileges: ['INSERT', 'SELECT'] },
        { table: 'mikro_orm_migrations', privileges: ['INSERT', 'SELECT'] },
        { table: 'outbox_message', privileges: ['INSERT', 'SELECT'] },
      ]);
    });

    it('should insert and read audit entries', async () => {
      await app.query(insertSql, [1]);
      expect((await app.query('select count(*)::int as n from audit_entry')).rows[0].n).toBe(1);
    });

    it.each([
      ['UPDATE an entry', `update audit_entry set username = 'x'`, /permission denied for table audit_entry/],
      ['DELETE an entry', 'delete from audit_entry', /permission denied for table audit_entry/],
      ['TRUNCATE the log', 'truncate audit_entry', /permission denied for table audit_entry/],
      ['DELETE its inbox rows', 'delete from inbox_message', /permission denied for table inbox_message/],
      ['disable the append-only trigger', 'alter table audit_entry disable trigger audit_entry_no_update_or_delete', /must be owner of table audit_entry/],
      ['disable every trigger of the log', 'alter table audit_entry disable trigger all', /must be owner of table audit_entry/],
      ['skip triggers for its session', 'set session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
      ['drop the trigger', 'drop trigger audit_entry_no_update_or_delete on audit_entry', /must be owner of (table|relation) audit_entry/],
      ['replace the trigger function', `create or replace function audit_entry_append_only() returns trigger language plpgsql as $$ begin return old; end $$`, /must be owner of function audit_entry_append_only|permission denied for schema public/],
      ['DROP the log', 'drop table audit_entry', /must be owner of table audit_entry/],
      ['ALTER the log', 'alter table audit_entry add column note text', /must be owner of table audit_entry/],
      ['CREATE a table', 'create table note (id int)', /permission denied for schema public/],
    ])('should not be able to %s', async (_what, sql, error) => {
      const before = (await dba.query('select count(*)::int as n, max(username) as name from audit_entry')).rows[0];
      await expect(app.query(sql)).rejects.toThrow(error);
      expect((await dba.query('select count(*)::int as n, max(username) as name from audit_entry')).rows[0]).toEqual(before);
    });
  });

  it('should not be able to grant itself more (PostgreSQL only warns, and grants nothing)', async () => {
    await app.query(`grant update, delete, truncate on audit_entry to ${audit.roles.app}`).catch(() => undefined);
    const { rows } = await dba.query(`select has_table_privilege($1, 'audit_entry', 'UPDATE') or has_table_privilege($1, 'audit_entry', 'DELETE')
       or has_table_privilege($1, 'audit_entry', 'TRUNCATE') as more`, [audit.roles.app]);
    expect(rows[0].more).toBe(false);
  });

  describe('separation between services', () => {
    it('should not let one service connect to another service’s database', async () => {
      const intruder = new Client({ connectionString: audit.url.replace(`/${audit.name}`, `/${other.name}`) });
      await expect(intruder.connect()).rejects.toThrow(/permission denied for database/);
      await intruder.end().catch(() => undefined);
      const back = new Client({ connectionString: other.url.replace(`/${other.name}`, `/${audit.name}`) });
      await expect(back.connect()).rejects.toThrow(/permission denied for database/);
      await back.end().catch(() => undefined);
    });

    it('should give a read-write service role DML on its tables and no DDL', async () => {
      const meetings = await connectAs(other.url, opened);
      await meetings.query(`insert into widget values (1, 'a')`);
      await meetings.query(`update widget set name = 'b' where id = 1`);
      await meetings.query('delete from widget where id = 1');
      await expect(meetings.query('truncate widget')).rejects.toThrow(/permission denied for table widget/);
      await expect(meetings.query('drop table widget')).rejects.toThrow(/must be owner of table widget/);
      await expect(meetings.query('alter table widget add column x int')).rejects.toThrow(/must be owner of table widget/);
      await expect(meetings.query('create table other (id int)')).rejects.toThrow(/permission denied for schema public/);
    });
  });

  describe('the owner role', () => {
    it('should run migrations, and can suspend the trigger, which is why only migrations get its credentials', async () => {
      await owner.query('begin');
      await owner.query('alter table audit_entry disable trigger audit_entry_no_update_or_delete');
      await owner.query('rollback');
    });
  });
});
