import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CommunityCreatedConsumer } from './community-created.consumer';
import { CommunitySnapshot } from './community-snapshot.entity';
import { CommunityStatusChangedConsumer } from './community-status-changed.consumer';
import { DistrictReportsController } from './district-reports.controller';
import { DistrictReportsService } from './district-reports.service';
import { DistrictSummary } from './district-summary.entity';

@Module({
  imports: [MikroOrmModule.forFeature([CommunitySnapshot, DistrictSummary])],
  controllers: [DistrictReportsController],
  providers: [DistrictReportsService, CommunityCreatedConsumer, CommunityStatusChangedConsumer],
})
export class DistrictReportsModule {}
