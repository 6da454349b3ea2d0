import { Injectable } from '@nestjs/common';
import { AuditEntrySubmittedEvtV1 } from '@rd/contracts';
import { EventTableHost, eventTable, onEvent, type EventBinding } from '@rd/messaging';
import { insertAuditEntry } from './audit-entry.repository';

/** The events audit consumes: every record the gateway and the services submit ends up in audit_entry, once. */
@Injectable()
export class AuditEventsConsumer extends EventTableHost {
  bindings(): readonly EventBinding[] {
    return eventTable('audit', [onEvent(AuditEntrySubmittedEvtV1, (tx, entry) => insertAuditEntry(tx, entry))]);
  }
}
