import { adminDatabaseUrl, dropDatabase } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APPEND_AND_READ, databaseUrlOf, provisionServiceDatabase, READ_WRITE, roleDatabaseUrl, serviceRoleNames, type ServiceDatabaseSpec } from '@rd/database-roles';

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What `npm start` meets on a machine that ran the stack before the roles existed: a database the superuser made and migrated. */
describe('provisionServiceDatabase on a database an older stack made (real PostgreSQL)', () => {
  const admin = adminDatabaseUrl();
  const name = `rd_test_adopt_${randomBytes(4).toString('hex')}`;
  const roles = serviceRoleNames('rd_test', 'adopt');
  const spec = (appPrivileges: ServiceDatabaseSpec['appPrivileges']): ServiceDatabaseSpec => ({ database: name, ...roles, appPrivileges });
  const asApp = (sql: string) => query(roleDatabaseUrl(admin, roles.app, name), sql);
  const asSuperuser = <T extends object>(sql: string, params: unknown[] = []) => query<T>(databaseUrlOf(admin, name), sql, params);

  beforeAll(async () => {
    await query(admin, `create database "${name}"`);
    await asSuperuser(`create table widget (id serial primary key, name text not null)`);
    await asSuperuser(`create function widget_touch() returns trigger language plpgsql as $$ begin return new; end $$`);
    await asSuperuser(`create trigger widget_touch before insert on widget for each row execute function widget_touch()`);
    await asSuperuser(`insert into widget (name) values ('old')`);
  });

  afterAll(async () => {
    await dropDatabase(name, admin);
  });

  it('should hand every object to the owner and give the app role DML on what exists, twice without error', async () => {
    await provisionServiceDatabase(admin, spec(READ_WRITE), 'if-missing');
    await provisionServiceDatabase(admin, spec(READ_WRITE), 'if-missing');
    const owners = await asSuperuser<{ owner: string }>(
      `select distinct pg_get_userbyid(relowner) as owner from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'S')
       union select distinct pg_get_userbyid(proowner) from pg_proc where pronamespace = 'public'::regnamespace
       union select pg_get_userbyid(datdba) from pg_database where datname = $1`,
      [name],
    );
    expect(owners).toEqual([{ owner: roles.owner }]);
    await asApp(`insert into widget (name) values ('new')`);
    await asApp(`update widget set name = 'renamed' where name = 'old'`);
    await asApp(`delete from widget where name = 'new'`);
    await expect(asApp('drop table widget')).rejects.toThrow(/must be owner/);
    await expect(asApp('truncate widget')).rejects.toThrow(/permission denied/);
    expect(await asSuperuser('select name from widget')).toEqual([{ name: 'renamed' }]);
  });

  it('should take back what the app role may no longer do when its privileges shrink (audit: append and read)', async () => {
    await provisionServiceDatabase(admin, spec(APPEND_AND_READ), 'if-missing');
    await asApp(`insert into widget (name) values ('appended')`);
    await expect(asApp(`update widget set name = 'x'`)).rejects.toThrow(/permission denied for table widget/);
    await expect(asApp('delete from widget')).rejects.toThrow(/permission denied for table widget/);
    await query(roleDatabaseUrl(admin, roles.owner, name), 'create table later_by_owner (id int)');
    expect(await asSuperuser<{ p: string }>(`select privilege_type as p from information_schema.role_table_grants where grantee = $1 and table_name = 'later_by_owner' order by 1`, [roles.app])).toEqual([
      { p: 'INSERT' },
      { p: 'SELECT' },
    ]);
  });
});
