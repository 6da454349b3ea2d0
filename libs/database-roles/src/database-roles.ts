import { Client } from 'pg';

/** Table privileges an application role can be given; never TRUNCATE, REFERENCES or TRIGGER. */
export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** What a service's application role may do to its own tables. */
export const READ_WRITE: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
/** The audit service only appends and reads (its audit log and its inbox). */
export const APPEND_AND_READ: readonly TablePrivilege[] = ['SELECT', 'INSERT'];

const NEVER_GRANTED = ['TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;

/** The application role's table privileges of a service: the audit service appends and reads only. */
export function appPrivilegesOf(service: string): readonly TablePrivilege[] {
  return service === 'audit' ? APPEND_AND_READ : READ_WRITE;
}

/** One service's database and its two roles (docs/adr/0024-database-roles-and-audit-chain.md). */
export interface ServiceDatabaseSpec {
  database: string;
  /** Owns the database and its schema; runs migrations. Never used by the running service. */
  owner: string;
  /** The running service: CONNECT, schema USAGE and `appPrivileges` on the owner's tables; no DDL. */
  app: string;
  appPrivileges: readonly TablePrivilege[];
  /** Set on the roles when given; omitted where the server trusts loopback (dev and tests). */
  ownerPassword?: string;
  appPassword?: string;
}

/** `<prefix>_<service>_owner` and `<prefix>_<service>_app`: `rd_meetings_owner`, `rd_test_meetings_app`. */
export function serviceRoleNames(prefix: string, service: string): { owner: string; app: string } {
  const base = `${prefix}_${service.replace(/[^a-z0-9]/g, '_')}`;
  return { owner: `${base}_owner`, app: `${base}_app` };
}

/** `url` with another user (no password, or `password`) and database. */
export function roleDatabaseUrl(url: string, user: string, database: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password ?? '';
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** `url` pointing at another database, same user. */
export function databaseUrlOf(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain lowercase SQL identifier: "${name}"`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// Role creation and ALTER ROLE touch cluster-wide catalog rows: concurrent suites doing it at once fail with
// "tuple concurrently updated". One advisory lock, taken in the admin database every caller connects to.
const PROVISION_LOCK = 7_264_001;

function createRole(name: string, password: string | undefined): string[] {
  const role = identifier(name);
  const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT';
  return [
    `DO $$ BEGIN CREATE ROLE ${role} ${attributes}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    // A role that existed keeps no extra powers someone gave it by hand.
    `ALTER ROLE ${role} ${attributes}${password === undefined ? '' : ` PASSWORD ${literal(password)}`}`,
  ];
}

/** Statements run in the admin database, before the service database exists. */
export function clusterStatements(spec: ServiceDatabaseSpec): string[] {
  return [...createRole(spec.owner, spec.ownerPassword), ...createRole(spec.app, spec.appPassword)];
}

/** Statements run in the admin database once the service database exists. */
export function databaseGrantStatements(spec: ServiceDatabaseSpec): string[] {
  const db = identifier(spec.database);
  return [
    `ALTER DATABASE ${db} OWNER TO ${identifier(spec.owner)}`,
    // New databases let PUBLIC connect: only the service's own roles may.
    `REVOKE ALL ON DATABASE ${db} FROM PUBLIC`,
    `GRANT CONNECT ON DATABASE ${db} TO ${identifier(spec.app)}`,
  ];
}

/**
 * Statements run inside the service database as the admin: the owner owns the schema and every object in it
 * (objects a superuser made before the roles existed are handed over), the app role gets `appPrivileges` on the
 * owner's tables, present and future, and nothing else. Idempotent: rerunning converges to the same grants.
 */
export function schemaStatements(spec: ServiceDatabaseSpec): string[] {
  const owner = identifier(spec.owner);
  const app = identifier(spec.app);
  const privileges = spec.appPrivileges.join(', ');
  const revoked = [...(['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const).filter((p) => !spec.appPrivileges.includes(p)), ...NEVER_GRANTED].join(', ');
  return [
    `ALTER SCHEMA public OWNER TO ${owner}`,
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC',
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // Tables first: their owned sequences and indexes follow; then what is left (free sequences, functions).
    `DO $$ DECLARE r record; BEGIN
       FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> ${literal(spec.owner)}::regrole LOOP
         EXECUTE format('ALTER %s %I OWNER TO %I',
           CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, ${literal(spec.owner)});
       END LOOP;
       FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> ${literal(spec.owner)}::regrole LOOP
         EXECUTE format('ALTER SEQUENCE %I OWNER TO %I', r.relname, ${literal(spec.owner)});
       END LOOP;
       FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'public' AND p.proowner <> ${literal(spec.owner)}::regrole LOOP
         EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.signature, ${literal(spec.owner)});
       END LOOP;
     END $$`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT ${privileges} ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public REVOKE ${revoked} ON TABLES FROM ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public REVOKE UPDATE ON SEQUENCES FROM ${app}`,
    `GRANT ${privileges} ON ALL TABLES IN SCHEMA public TO ${app}`,
    `REVOKE ${revoked} ON ALL TABLES IN SCHEMA public FROM ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM ${app}`,
  ];
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (or brings into line) a service database, its owner role and its application role, through a superuser
 * connection to the admin database (`adminUrl`). `create: 'always'` makes a fresh database and fails if it exists
 * (tests); `'if-missing'` keeps an existing one and hands its objects to the owner (`npm start`). Roles are
 * cluster-wide and shared: they are created when missing and never dropped here.
 */
export async function provisionServiceDatabase(adminUrl: string, spec: ServiceDatabaseSpec, create: 'always' | 'if-missing'): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [PROVISION_LOCK]);
    try {
      for (const statement of clusterStatements(spec)) await admin.query(statement);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [PROVISION_LOCK]);
    }
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [spec.database])).rowCount;
    if (create === 'always' || !exists) await admin.query(`CREATE DATABASE ${identifier(spec.database)} OWNER ${identifier(spec.owner)}`);
    for (const statement of databaseGrantStatements(spec)) await admin.query(statement);
  });
  await withClient(databaseUrlOf(adminUrl, spec.database), async (db) => {
    for (const statement of schemaStatements(spec)) await db.query(statement);
  });
}

/**
 * infra/postgres/init.sql: what docker-compose's PostgreSQL runs once on an empty volume, as the superuser, through
 * psql. The same statements as provisionServiceDatabase, for every service, with the passwords taken from the
 * container's RD_DB_OWNER_PASSWORD and RD_DB_APP_PASSWORD. Regenerate with `npm run db:init-sql`; a unit test keeps
 * the file equal to this.
 */
export function initSqlScript(services: readonly string[]): string {
  const lines = [
    '-- Generated from libs/database-roles/src/database-roles.ts (initSqlScript); do not edit by hand: npm run db:init-sql.',
    '-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as POSTGRES_USER, with psql.',
    '-- Per service: database rd_<service>, owned by rd_<service>_owner (migrations) and used by rd_<service>_app (the',
    '-- running service: DML on its own tables only; the audit service INSERT and SELECT only). Nobody else may connect.',
    '-- Keep in step with the DATABASE_URLs in docker-compose.yml (tools/compose/compose.spec.ts checks it).',
    '-- Production: docs/runbooks/production-databases.md.',
    '\\set ON_ERROR_STOP on',
    '\\getenv rd_owner_password RD_DB_OWNER_PASSWORD',
    '\\getenv rd_app_password RD_DB_APP_PASSWORD',
  ];
  for (const service of services) {
    const spec: ServiceDatabaseSpec = { database: `rd_${service}`, ...serviceRoleNames('rd', service), appPrivileges: appPrivilegesOf(service) };
    lines.push('', `-- ${service}`);
    lines.push(...clusterStatements(spec).map((statement) => `${statement};`));
    lines.push(`ALTER ROLE ${identifier(spec.owner)} PASSWORD :'rd_owner_password';`, `ALTER ROLE ${identifier(spec.app)} PASSWORD :'rd_app_password';`);
    lines.push(`CREATE DATABASE ${identifier(spec.database)} OWNER ${identifier(spec.owner)};`);
    lines.push(...databaseGrantStatements(spec).map((statement) => `${statement};`));
    lines.push(`\\connect ${spec.database}`);
    lines.push(...schemaStatements(spec).map((statement) => `${statement.replace(/\n\s*/g, ' ')};`));
    lines.push('\\connect postgres');
  }
  return `${lines.join('\n')}\n`;
}
