import { z } from 'zod';
import { RoleSchema } from '../common/actor';

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export const AuditOutcomeSchema = z
  .enum(AUDIT_OUTCOMES)
  .describe('success: done (2xx/3xx); denied: refused for lack of a permission or scope (403); failed: any other error');
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

/** `<resource>:<action>` like the permission matrix (`community:create`), or `http:<method>` when no permission applies. */
export const AuditActionSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, 'must look like "community:create"')
  .max(100)
  .describe('What was attempted: the permission the route needs (`community:create`), or `http:<method>`');

/** Who acted: the verified token subject, for the record. District scope is left out on purpose. */
export const AuditActorSchema = z
  .object({
    userId: z.string().min(1).max(100).describe('Token subject (Keycloak user id)'),
    username: z.string().max(100).describe('preferred_username at the time of the action'),
    roles: z.array(RoleSchema).max(10).describe('Platform roles the token carried'),
  })
  .strict()
  .describe('Who acted: token subject, username and roles (no district scope)');
export type AuditActor = z.infer<typeof AuditActorSchema>;

/**
 * One audit record. Ids, codes and request coordinates only: never a request or response body, a query
 * string, concern text or contact details.
 */
export const AuditEntrySchema = z
  .object({
    id: z.string().uuid().describe('Record id, also the Nats-Msg-Id it travels under'),
    occurredAt: z.iso.datetime({ offset: true }).describe('When the action finished (UTC)'),
    source: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(40)
      .describe('Who recorded it: `gateway` or the name of the service'),
    actor: AuditActorSchema,
    action: AuditActionSchema,
    resourceType: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(40)
      .describe('Kind of thing acted on, the resource part of the permission (`community`)'),
    resourceId: z.string().max(100).nullable().describe('Id or code of the thing acted on, when there is one'),
    outcome: AuditOutcomeSchema,
    httpStatus: z.number().int().min(100).max(599).describe('HTTP status answered to the caller'),
    correlationId: z.string().min(1).max(100).describe('X-Correlation-Id of the request, followed across services'),
    clientAddress: z.string().max(64).describe('Address the request came from, as the gateway saw it'),
    method: z.string().regex(/^[A-Z]+$/).max(10).describe('HTTP method'),
    path: z.string().max(300).describe('Request path without the query string'),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** An audit record as the audit service answers it. */
export const AuditEntryViewSchema = AuditEntrySchema.extend({
  recordedAt: z.string().describe('When the audit service stored it (ISO 8601)'),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;
