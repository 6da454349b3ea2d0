import { createOrmConfig } from '@rd/persistence';
import { Community } from './communities/community.entity';
import { District } from './geography/district.entity';
import { Region } from './geography/region.entity';
import { MIGRATIONS } from './migrations';

export function communitiesOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [Region, District, Community], migrations: MIGRATIONS });
}
