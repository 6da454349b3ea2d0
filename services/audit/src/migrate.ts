import 'reflect-metadata';
import { requireMigrationUrl, runMigrations } from '@rd/persistence';
import { auditOrmConfig } from './orm.config';
import { loadConfig } from './config';
import { logFatal } from '@rd/messaging';

// Migrations run as the owner role (DATABASE_MIGRATION_URL); the service itself runs as the app role.
Promise.resolve()
  .then(() => runMigrations('audit', auditOrmConfig(requireMigrationUrl('audit', loadConfig().migrationDatabaseUrl))))
  .catch((error) => {
    logFatal('audit', error);
    process.exit(1);
  });
