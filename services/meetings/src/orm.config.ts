import { createOrmConfig } from '@rd/persistence';
import { MeetingStatusChange } from './meetings/meeting-status-change.entity';
import { Meeting } from './meetings/meeting.entity';
import { MIGRATIONS } from './migrations';
import { Concern } from './concerns/concern.entity';
import { FollowUpAction } from './actions/follow-up-action.entity';

export function meetingsOrmConfig(databaseUrl: string) {
  return createOrmConfig({ databaseUrl, entities: [Meeting, MeetingStatusChange, Concern, FollowUpAction], migrations: MIGRATIONS });
}
