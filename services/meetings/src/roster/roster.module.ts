import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { OfficerAssignedConsumer } from './officer-assigned.consumer';
import { OfficerRosterEntry } from './officer-roster-entry.entity';
import { RosterService } from './roster.service';

@Module({
  imports: [MikroOrmModule.forFeature([OfficerRosterEntry])],
  providers: [RosterService, OfficerAssignedConsumer],
  exports: [RosterService],
})
export class RosterModule {}
