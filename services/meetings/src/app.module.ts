import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceRuntimeModule } from '@rd/messaging';
import type { MeetingsConfig } from './config';
import { MeetingsModule } from './meetings/meetings.module';
import { ConcernsModule } from './concerns/concerns.module';
import { ActionsModule } from './actions/actions.module';
import { TemplatesModule } from './templates/templates.module';
import { AgendaModule } from './agenda/agenda.module';
import { MinutesModule } from './minutes/minutes.module';
import { AttendanceModule } from './attendance/attendance.module';
import { FeedbackModule } from './feedback/feedback.module';
import { ResidentSurveyModule } from './resident-survey/resident-survey.module';
import { HistoryModule } from './history/history.module';
import { CalendarFeedsModule } from './calendar-feeds/calendar-feeds.module';
import { meetingsOrmConfig } from './orm.config';
import { ClockModule } from './clock.module';

@Module({})
export class AppModule {
  static forRoot(config: MeetingsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MikroOrmModule.forRoot({ ...meetingsOrmConfig(config.databaseUrl), registerRequestContext: false }),
        ServiceRuntimeModule.forRoot({
          service: 'meetings',
          natsUrl: config.natsUrl,
          natsAuth: config.natsAuth,
          streamReplicas: config.streamReplicas ?? 1,
          prefix: config.prefix,
          databaseUrl: config.databaseUrl,
          relayOutbox: true,
        }),
        MeetingsModule.forRoot({ natsUrl: config.natsUrl, natsAuth: config.natsAuth, prefix: config.prefix }),
        ClockModule,
        ConcernsModule,
        ActionsModule,
        TemplatesModule,
        AgendaModule,
        MinutesModule,
        AttendanceModule,
        FeedbackModule,
        ResidentSurveyModule,
        CalendarFeedsModule,
        HistoryModule.forRoot({ natsUrl: config.natsUrl, natsAuth: config.natsAuth, prefix: config.prefix }),
      ],
    };
  }
}
