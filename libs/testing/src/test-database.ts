import { appPrivilegesOf, databaseUrlOf, provisionServiceDatabase, roleDatabaseUrl, serviceRoleNames, type TablePrivilege } from '@rd/database-roles';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Admin connection used to create and drop per-suite databases (trust auth on the local server). */
export function adminDatabaseUrl(): string {
  
  return process.env['RD_TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  name: string;
  /** The service's application role (`rd_test_<service>_app`): DML on the owner's tables, no DDL. Services run as this. */
  url: string;
  /** The owner role (`rd_test_<service>_owner`): owns the schema; migrations run as this. */
  migrationUrl: string;
  /** The superuser, on this database: for a test that plays a DBA (tampering, inspecting grants). */
  superuserUrl: string;
  roles: { owner: string; app: string };
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The app role's table privileges; by default what the service gets in production (audit: SELECT, INSERT). */
  appPrivileges?: readonly TablePrivilege[];
}

/**
 * A fresh, empty database `rd_test_<service>_<random>` on the local PostgreSQL, owned by `rd_test_<service>_owner`
 * and used by `rd_test_<service>_app`, as in production (docs/adr/0024-database-roles-and-audit-chain.md). The roles
 * are cluster-wide and shared by every suite of that service, so they are never dropped; `drop()` drops the database.
 */
export async function createTestDatabase(service: string, adminUrl = adminDatabaseUrl(), options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const slug = service.replace(/[^a-z0-9]/g, '_');
  const name = `rd_test_${slug}_${randomBytes(4).toString('hex')}`;
  const roles = serviceRoleNames('rd_test', slug);
  const appPrivileges = options.appPrivileges ?? appPrivilegesOf(slug);
  await provisionServiceDatabase(adminUrl, { database: name, ...roles, appPrivileges }, 'always');
  return {
    name,
    url: roleDatabaseUrl(adminUrl, roles.app, name),
    migrationUrl: roleDatabaseUrl(adminUrl, roles.owner, name),
    superuserUrl: databaseUrlOf(adminUrl, name),
    roles,
    drop: () => dropDatabase(name, adminUrl),
  };
}

export async function dropDatabase(name: string, adminUrl = adminDatabaseUrl()): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
