import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { BriefingsModule } from '../briefings/briefings.module';
import { RosterModule } from '../roster/roster.module';
import { TemplatesModule } from '../templates/templates.module';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { MeetingAgenda, MeetingAgendaItem, MeetingChecklistItem } from './meeting-agenda.entity';

@Module({
  imports: [MikroOrmModule.forFeature([MeetingAgenda, MeetingAgendaItem, MeetingChecklistItem]), TemplatesModule, RosterModule, BriefingsModule],
  controllers: [AgendaController],
  providers: [AgendaService],
})
export class AgendaModule {}
