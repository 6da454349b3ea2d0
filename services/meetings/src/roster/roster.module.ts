import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { MeetingsEventsConsumer } from './meetings-events.consumer';
import { OfficerRosterEntry } from './officer-roster-entry.entity';
import { RosterService } from './roster.service';

@Module({
  imports: [MikroOrmModule.forFeature([OfficerRosterEntry])],
  providers: [RosterService, MeetingsEventsConsumer],
  exports: [RosterService],
})
export class RosterModule {}
