import 'reflect-metadata';
import { requireMigrationUrl, runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { meetingsOrmConfig } from './orm.config';
import { logFatal } from '@rd/messaging';

// Migrations run as the owner role (DATABASE_MIGRATION_URL); the service itself runs as the app role.
Promise.resolve()
  .then(() => runMigrations('meetings', meetingsOrmConfig(requireMigrationUrl('meetings', loadConfig().migrationDatabaseUrl))))
  .catch((error) => {
    logFatal('meetings', error);
    process.exit(1);
  });
