import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Admin connection used to create and drop per-suite databases (trust auth on the local server). */
export function adminDatabaseUrl(): string {
  
  return process.env['RD_TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh, empty database `rd_test_<service>_<random>` on the local PostgreSQL, dropped by `drop()`. */
export async function createTestDatabase(service: string, adminUrl = adminDatabaseUrl()): Promise<TestDatabase> {
  const name = `rd_test_${service.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
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
