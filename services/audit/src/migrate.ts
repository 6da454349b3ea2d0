import 'reflect-metadata';
import { runMigrations } from '@rd/persistence';
import { auditOrmConfig } from './orm.config';
import { loadConfig } from './config';

runMigrations('audit', auditOrmConfig(loadConfig().databaseUrl)).catch((error) => {
  console.error(error);
  process.exit(1);
});
