import 'reflect-metadata';
import { requireMigrationUrl, runMigrations } from '@rd/persistence';
import { auditOrmConfig } from './orm.config';
import { loadConfig } from './config';

// Migrations run as the owner role (DATABASE_MIGRATION_URL); the service itself runs as the app role.
Promise.resolve()
  .then(() => runMigrations('audit', auditOrmConfig(requireMigrationUrl('audit', loadConfig().migrationDatabaseUrl))))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
