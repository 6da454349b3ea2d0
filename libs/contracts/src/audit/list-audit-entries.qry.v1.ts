import { z } from 'zod';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineRequest } from '../message';
import { AuditActionSchema, AuditEntryViewSchema, AuditOutcomeSchema } from './audit-entry.dto';

export const AUDIT_SORT_FIELDS = ['occurredAt', 'username', 'action', 'resourceType', 'outcome', 'httpStatus'] as const;

export const ListAuditEntriesQryV1 = defineRequest({
  name: 'audit.qry.entry.list.v1',
  kind: 'qry',
  owner: 'audit',
  description: 'Audit records, newest first by default; needs audit:read (national coordinator). Filters combine with AND.',
  schema: listQuerySchema(AUDIT_SORT_FIELDS).extend({
    order: z.enum(['ASC', 'DESC']).default('DESC').describe('Sort direction'),
    userId: z.string().min(1).max(100).optional().describe('Only this token subject'),
    username: z.string().min(1).max(100).optional().describe('Only this username (exact)'),
    resourceType: z.string().min(1).max(40).optional().describe('Only this resource type'),
    resourceId: z.string().min(1).max(100).optional().describe('Only this resource id or code'),
    action: AuditActionSchema.optional().describe('Only this action'),
    outcome: AuditOutcomeSchema.optional().describe('Only this outcome'),
    correlationId: z.string().min(1).max(100).optional().describe('Only this correlation id'),
    from: z.iso.datetime({ offset: true }).optional().describe('Occurred at or after (ISO 8601)'),
    to: z.iso.datetime({ offset: true }).optional().describe('Occurred before (ISO 8601, exclusive)'),
  }),
  reply: listReplySchema(AuditEntryViewSchema),
});
