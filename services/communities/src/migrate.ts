import 'reflect-metadata';
import { requireMigrationUrl, runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { communitiesOrmConfig } from './orm.config';
import { seedDemo } from './seeders/demo.seeder';
import { logFatal } from '@rd/messaging';

// `--seed-demo` also loads the demo data (idempotent).
const seed = process.argv.includes('--seed-demo')
  ? async (em: Parameters<typeof seedDemo>[0]) => `demo data loaded (${await seedDemo(em)} new communities)`
  : undefined;

// Migrations (and the demo data) run as the owner role (DATABASE_MIGRATION_URL); the service runs as the app role.
Promise.resolve()
  .then(() => runMigrations('communities', communitiesOrmConfig(requireMigrationUrl('communities', loadConfig().migrationDatabaseUrl)), seed))
  .catch((error) => {
    logFatal('communities', error);
    process.exit(1);
  });
