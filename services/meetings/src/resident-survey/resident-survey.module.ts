import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { ResidentSurvey, ResidentSurveySlip } from './resident-survey.entity';
import { ResidentSurveyController } from './resident-survey.controller';
import { ResidentSurveyService } from './resident-survey.service';

@Module({
  imports: [MikroOrmModule.forFeature([ResidentSurvey, ResidentSurveySlip])],
  controllers: [ResidentSurveyController],
  providers: [ResidentSurveyService],
})
export class ResidentSurveyModule {}
