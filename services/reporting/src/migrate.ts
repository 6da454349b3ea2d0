import 'reflect-metadata';
import { runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { reportingOrmConfig } from './orm.config';

runMigrations('reporting', reportingOrmConfig(loadConfig().databaseUrl)).catch((error) => {
  console.error(error);
  process.exit(1);
});
