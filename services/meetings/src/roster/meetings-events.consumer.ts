import { Injectable } from '@nestjs/common';
import { OfficerAssignedEvtV1 } from '@rd/contracts';
import { EventTableHost, eventTable, onEvent, type EventBinding } from '@rd/messaging';
import { RosterService } from './roster.service';

/** The events meetings consumes: officer assignments keep the officer roster. */
@Injectable()
export class MeetingsEventsConsumer extends EventTableHost {
  constructor(private readonly roster: RosterService) {
    super();
  }

  bindings(): readonly EventBinding[] {
    return eventTable('meetings', [onEvent(OfficerAssignedEvtV1, (tx, e) => this.roster.onOfficerAssigned(tx, e))]);
  }
}
