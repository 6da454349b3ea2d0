import { createOrmConfig } from '@rd/persistence';
import { CommunityStatusChange } from './communities/community-status-change.entity';
import { Community } from './communities/community.entity';
import { Contact } from './contacts/contact.entity';
import { District } from './geography/district.entity';
import { Region } from './geography/region.entity';
import { OfficerAssignment } from './officer-assignments/officer-assignment.entity';
import { Organisation } from './organisations/organisation.entity';
import { MIGRATIONS } from './migrations';

export function communitiesOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [Region, District, Community, CommunityStatusChange, Organisation, Contact, OfficerAssignment], migrations: MIGRATIONS });
}
