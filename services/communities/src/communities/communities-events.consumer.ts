import { Injectable } from '@nestjs/common';
import { MeetingScheduledEvtV1 } from '@rd/contracts';
import { EventTableHost, eventTable, onEvent, type EventBinding } from '@rd/messaging';
import { CommunitiesService } from './communities.service';

/** The events communities consumes: a scheduled meeting ticks "first reporting day planned". */
@Injectable()
export class CommunitiesEventsConsumer extends EventTableHost {
  constructor(private readonly communities: CommunitiesService) {
    super();
  }

  bindings(): readonly EventBinding[] {
    return eventTable('communities', [onEvent(MeetingScheduledEvtV1, (tx, e, meta) => this.communities.onMeetingScheduled(tx, e, meta))]);
  }
}
