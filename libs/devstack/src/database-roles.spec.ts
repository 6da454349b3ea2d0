import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPEND_AND_READ, appPrivilegesOf, initSqlScript, READ_WRITE, roleDatabaseUrl, schemaStatements, serviceRoleNames } from '@rd/database-roles';
import { REPO_ROOT, SERVICES } from './platform';

describe('database roles', () => {
  it('should name an owner and an application role per service', () => {
    expect(serviceRoleNames('rd', 'meetings')).toEqual({ owner: 'rd_meetings_owner', app: 'rd_meetings_app' });
    expect(serviceRoleNames('rd_test', 'persistence-outbox')).toEqual({ owner: 'rd_test_persistence_outbox_owner', app: 'rd_test_persistence_outbox_app' });
  });

  it('should let the audit application role append and read only, and every other one change its rows', () => {
    expect(appPrivilegesOf('audit')).toEqual(APPEND_AND_READ);
    for (const service of SERVICES.filter((s) => s !== 'audit')) expect(appPrivilegesOf(service)).toEqual(READ_WRITE);
  });

  it('should never grant TRUNCATE, REFERENCES or TRIGGER, and take from the audit app role what it must not have', () => {
    const audit = schemaStatements({ database: 'rd_audit', ...serviceRoleNames('rd', 'audit'), appPrivileges: APPEND_AND_READ });
    expect(audit.filter((s) => /\bGRANT\b/.test(s) && !/REVOKE/.test(s)).join('\n')).not.toMatch(/TRUNCATE|REFERENCES|TRIGGER|UPDATE ON (ALL )?TABLES|DELETE/);
    expect(audit).toContain('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "rd_audit_app"');
  });

  it('should refuse names that are not plain identifiers', () => {
    expect(() => schemaStatements({ database: 'x', owner: 'bad"; drop', app: 'a', appPrivileges: READ_WRITE })).toThrow(/identifier/);
  });

  it('should build role URLs from the admin URL without its password', () => {
    expect(roleDatabaseUrl('postgres://postgres:secret@db.example:5433/postgres', 'rd_audit_app', 'rd_audit')).toBe('postgres://rd_audit_app@db.example:5433/rd_audit');
  });

  it('should keep infra/postgres/init.sql generated from the same statements (npm run db:init-sql)', () => {
    expect(readFileSync(join(REPO_ROOT, 'infra/postgres/init.sql'), 'utf8')).toBe(initSqlScript(SERVICES));
  });
});
