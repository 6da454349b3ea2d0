import { Module, type DynamicModule } from '@nestjs/common';
import { MeetingReferences, type CommunitiesRpcOptions } from '../meetings/meeting-references';
import { PastReportingDaysController } from './past-reporting-days.controller';
import { PastReportingDaysService } from './past-reporting-days.service';

/** The programme's history: reporting days held before the software (docs/adr/0035-programme-history.md). */
@Module({})
export class HistoryModule {
  /** `communities`: where the communities and districts of the days are looked up, with the caller's scope. */
  static forRoot(communities: CommunitiesRpcOptions): DynamicModule {
    return {
      module: HistoryModule,
      controllers: [PastReportingDaysController],
      providers: [PastReportingDaysService, { provide: MeetingReferences, useFactory: () => MeetingReferences.overNats(communities) }],
    };
  }
}
