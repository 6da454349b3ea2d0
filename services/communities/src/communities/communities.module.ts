import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';
import { CommunityStatusChange } from './community-status-change.entity';
import { Community } from './community.entity';
import { MeetingScheduledConsumer } from './meeting-scheduled.consumer';

@Module({
  imports: [MikroOrmModule.forFeature([Community, CommunityStatusChange])],
  controllers: [CommunitiesController],
  providers: [CommunitiesService, MeetingScheduledConsumer],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}
