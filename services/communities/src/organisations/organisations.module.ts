import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [MikroOrmModule.forFeature([Organisation])],
  controllers: [OrganisationsController],
  providers: [OrganisationsService],
})
export class OrganisationsModule {}
