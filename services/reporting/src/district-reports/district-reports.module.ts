import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { CommunitySnapshot } from './community-snapshot.entity';
import { DistrictReportsController } from './district-reports.controller';
import { DistrictReportsService } from './district-reports.service';
import { DistrictSummary } from './district-summary.entity';

@Module({
  imports: [MikroOrmModule.forFeature([CommunitySnapshot, DistrictSummary])],
  controllers: [DistrictReportsController],
  providers: [DistrictReportsService],
  exports: [DistrictReportsService],
})
export class DistrictReportsModule {}
