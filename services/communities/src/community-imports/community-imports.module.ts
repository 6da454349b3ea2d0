import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { Community } from '../communities/community.entity';
import { District } from '../geography/district.entity';
import { CommunityImportsController } from './community-imports.controller';
import { CommunityImportsService } from './community-imports.service';

@Module({
  imports: [MikroOrmModule.forFeature([Community, District])],
  controllers: [CommunityImportsController],
  providers: [CommunityImportsService],
})
export class CommunityImportsModule {}
