import { defineEvent } from '../message';
import { AuditEntrySchema } from './audit-entry.dto';

export const AuditEntrySubmittedEvtV1 = defineEvent({
  name: 'audit.evt.entry.submitted.v1',
  owner: 'audit',
  description:
    'An audit record to be stored. Owner and only consumer: the audit service. Producers: the gateway (every ' +
    'state-changing request and every 403) and any service that must record a read (e.g. of a confidential ' +
    'concern) — the one subject not published by its owner only (docs/adr/0003-audit-trail.md). ' +
    'Nats-Msg-Id = record id. Ids and request coordinates only, never bodies or concern text.',
  schema: AuditEntrySchema,
});
