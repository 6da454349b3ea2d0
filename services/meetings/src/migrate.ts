import 'reflect-metadata';
import { runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { meetingsOrmConfig } from './orm.config';

runMigrations('meetings', meetingsOrmConfig(loadConfig().databaseUrl)).catch((error) => {
  console.error(error);
  process.exit(1);
});
