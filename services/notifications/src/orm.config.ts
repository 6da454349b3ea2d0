import { createOrmConfig } from '@rd/persistence';
import { MIGRATIONS } from './migrations';

export function notificationsOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [], migrations: MIGRATIONS });
}
