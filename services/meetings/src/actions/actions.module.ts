import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { ConcernsModule } from '../concerns/concerns.module';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';
import { FollowUpAction } from './follow-up-action.entity';

@Module({
  imports: [MikroOrmModule.forFeature([FollowUpAction]), ConcernsModule],
  controllers: [ActionsController],
  providers: [ActionsService],
})
export class ActionsModule {}
