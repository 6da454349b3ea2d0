import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { Briefing } from './briefing.entity';
import { BriefingsController } from './briefings.controller';
import { BriefingsService } from './briefings.service';

@Module({
  imports: [MikroOrmModule.forFeature([Briefing])],
  controllers: [BriefingsController],
  providers: [BriefingsService],
  exports: [BriefingsService],
})
export class BriefingsModule {}
