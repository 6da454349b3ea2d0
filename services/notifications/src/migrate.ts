import 'reflect-metadata';
import { runMigrations } from '@rd/persistence';
import { loadConfig } from './config';
import { notificationsOrmConfig } from './orm.config';

runMigrations('notifications', notificationsOrmConfig(loadConfig().databaseUrl)).catch((error) => {
  console.error(error);
  process.exit(1);
});
