import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { ConcernRegisterService } from './concern-register.service';
import { Concern } from './concern.entity';
import { ConcernsController } from './concerns.controller';
import { ConcernsService } from './concerns.service';

@Module({
  imports: [MikroOrmModule.forFeature([Concern])],
  controllers: [ConcernsController],
  providers: [ConcernsService, ConcernRegisterService],
  exports: [ConcernsService],
})
export class ConcernsModule {}
