import 'reflect-metadata';
import { requireMigrationUrl, runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { reportingOrmConfig } from './orm.config';

// Migrations run as the owner role (DATABASE_MIGRATION_URL); the service itself runs as the app role.
Promise.resolve()
  .then(() => runMigrations('reporting', reportingOrmConfig(requireMigrationUrl('reporting', loadConfig().migrationDatabaseUrl))))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
