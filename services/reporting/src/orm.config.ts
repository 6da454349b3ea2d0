import { createOrmConfig } from '@rd/persistence';
import { CommunitySnapshot } from './district-reports/community-snapshot.entity';
import { DistrictSummary } from './district-reports/district-summary.entity';
import { MIGRATIONS } from './migrations';

export function reportingOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [CommunitySnapshot, DistrictSummary], migrations: MIGRATIONS });
}
