import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CommunitiesEventsConsumer } from './communities-events.consumer';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';
import { CommunityStatusChange } from './community-status-change.entity';
import { Community } from './community.entity';

@Module({
  imports: [MikroOrmModule.forFeature([Community, CommunityStatusChange])],
  controllers: [CommunitiesController],
  providers: [CommunitiesService, CommunitiesEventsConsumer],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}
