import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineEvent, defineRequest } from '../message';

const Id = z.string().uuid();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like "2026-11-24"');

export const AssignOfficerInputSchema = z
  .object({
    communityId: Id.describe('Community served'),
    officerContactId: Id.describe('The community police officer (a contact)'),
    policeUnitId: Id.optional().describe('Police unit (organisation); kept as is when omitted'),
    since: IsoDate.optional().describe('First day of service; today when omitted'),
  })
  .strict();
export type AssignOfficerInput = z.infer<typeof AssignOfficerInputSchema>;

/** One row of the officer roster: who served which community from when until when. */
export const OfficerAssignmentViewSchema = z.object({
  id: Id.describe('Assignment id'),
  communityId: Id,
  officerContactId: Id,
  policeUnitId: Id.nullable(),
  districtCode: GeoCodeSchema,
  since: IsoDate.describe('First day of service'),
  until: IsoDate.nullable().describe('Last day, null while current'),
  current: z.boolean(),
  createdAt: z.string(),
});
export type OfficerAssignmentView = z.infer<typeof OfficerAssignmentViewSchema>;

export const AssignOfficerCmdV1 = defineRequest({
  name: 'communities.cmd.officer-assignment.create.v1',
  kind: 'cmd',
  owner: 'communities',
  description:
    'Assign the community police officer: closes the current assignment, opens a new one and emits officer.assigned.',
  schema: AssignOfficerInputSchema,
  reply: OfficerAssignmentViewSchema,
});

export const ListOfficerAssignmentsQryV1 = defineRequest({
  name: 'communities.qry.officer-assignment.list.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'The officer roster in scope, newest first by default.',
  schema: listQuerySchema(['since', 'createdAt'] as const).extend({
    communityId: Id.optional().describe('Only this community'),
    officerContactId: Id.optional().describe('Only this officer'),
    current: z.boolean().optional().describe('Only current (true) or past (false) assignments'),
  }),
  reply: listReplySchema(OfficerAssignmentViewSchema),
});

export const GetOfficerAssignmentQryV1 = defineRequest({
  name: 'communities.qry.officer-assignment.get.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'One roster row; NOT_FOUND when unknown or outside the actor scope.',
  schema: z.object({ id: Id.describe('Assignment id') }).strict(),
  reply: OfficerAssignmentViewSchema,
});

export const OfficerAssignedEvtV1 = defineEvent({
  name: 'communities.evt.officer.assigned.v1',
  owner: 'communities',
  description: 'A community has a new police officer; the next reporting day should introduce them. Ids only.',
  schema: z
    .object({
      assignmentId: Id.describe('Roster row id'),
      communityId: Id.describe('Community served'),
      districtCode: GeoCodeSchema,
      regionCode: GeoCodeSchema,
      officerContactId: Id.describe('New officer (contact id)'),
      previousOfficerContactId: Id.nullable().describe('Officer before, if any'),
      policeUnitId: Id.nullable().describe('Police unit (organisation id)'),
      since: IsoDate.describe('First day of service'),
      occurredAt: z.string().datetime().describe('When it was recorded (UTC)'),
    })
    .strict(),
});
