import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { FeedbackResponse } from './feedback-response.entity';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

@Module({
  imports: [MikroOrmModule.forFeature([FeedbackResponse])],
  controllers: [FeedbackController],
  providers: [FeedbackService],
})
export class FeedbackModule {}
