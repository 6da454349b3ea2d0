import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';

/**
 * Applies a service's pending migrations, then runs `seed` if given (demo data). Used by each
 * service's `migrate.ts`, which the stack runs before starting the service.
 */
export async function runMigrations(
  service: string,
  config: Options,
  seed?: (em: EntityManager) => Promise<string>,
): Promise<void> {
  const orm = await MikroORM.init({ ...config, debug: false });
  try {
    const applied = await orm.getMigrator().up();
    console.log(`${service}: ${applied.length} migration(s) applied`);
    if (seed) console.log(`${service}: ${await seed(orm.em.fork())}`);
  } finally {
    await orm.close();
  }
}

/**
 * The owner-role URL migrate.ts connects with, or a clear failure: migrations never run as the application role
 * of DATABASE_URL (docs/runbooks/production-databases.md).
 */
export function requireMigrationUrl(service: string, url: string | undefined): string {
  if (!url) {
    throw new Error(
      `${service}: DATABASE_MIGRATION_URL is not set. Migrations run as the database owner role (rd_${service}_owner), ` +
        'never as the application role of DATABASE_URL (docs/runbooks/production-databases.md).',
    );
  }
  return url;
}
