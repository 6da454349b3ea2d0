import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { District } from './district.entity';
import { GeographyController } from './geography.controller';
import { GeographyService } from './geography.service';
import { Region } from './region.entity';

@Module({
  imports: [MikroOrmModule.forFeature([District, Region])],
  controllers: [GeographyController],
  providers: [GeographyService],
  exports: [MikroOrmModule],
})
export class GeographyModule {}
