import 'reflect-metadata';
import { requireMigrationUrl, runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { meetingsOrmConfig } from './orm.config';

// Migrations run as the owner role (DATABASE_MIGRATION_URL); the service itself runs as the app role.
Promise.resolve()
  .then(() => runMigrations('meetings', meetingsOrmConfig(requireMigrationUrl('meetings', loadConfig().migrationDatabaseUrl))))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
