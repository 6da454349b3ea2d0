import { createOrmConfig } from '@rd/persistence';
import { MIGRATIONS } from './migrations';

export function meetingsOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [], migrations: MIGRATIONS });
}
