import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { MeetingReferences, type CommunitiesRpcOptions } from './meeting-references';
import { MeetingStatusChange } from './meeting-status-change.entity';
import { Meeting } from './meeting.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

@Module({})
export class MeetingsModule {
  /** `communities`: where the service looks up the place and the references of a meeting (MeetingReferences). */
  static forRoot(communities: CommunitiesRpcOptions): DynamicModule {
    return {
      module: MeetingsModule,
      imports: [MikroOrmModule.forFeature([Meeting, MeetingStatusChange])],
      controllers: [MeetingsController],
      providers: [MeetingsService, { provide: MeetingReferences, useFactory: () => MeetingReferences.overNats(communities) }],
      // One connection to communities for the service: actions ask it whose contact the caller is ("my actions").
      global: true,
      exports: [MeetingsService, MeetingReferences],
    };
  }
}
