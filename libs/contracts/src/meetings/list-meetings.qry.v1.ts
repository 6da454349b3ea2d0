import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineRequest } from '../message';
import { MeetingStatusSchema, MeetingViewSchema, QuarterSchema } from './meeting.dto';

export const ListMeetingsQryV1 = defineRequest({
  name: 'meetings.qry.meeting.list.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'Meetings within the actor scope; filters only narrow that scope. Also feeds the district calendar.',
  schema: listQuerySchema(['startsAt', 'createdAt', 'status', 'districtCode', 'title'] as const).extend({
    districtCode: GeoCodeSchema.optional().describe('Only this district'),
    communityId: z.string().uuid().optional().describe('Only meetings for this community'),
    status: MeetingStatusSchema.optional().describe('Only this status'),
    quarter: QuarterSchema.optional().describe('Only meetings counting for this quarter'),
    recordedAfterwards: z.boolean().optional().describe('Only reporting days recorded afterwards (true) or only the others (false); ADR 35'),
    from: z.string().datetime({ offset: true }).optional().describe('Starting at or after (ISO 8601)'),
    to: z.string().datetime({ offset: true }).optional().describe('Starting before (ISO 8601)'),
    minutesAwaitingApproval: z
      .literal(true)
      .optional()
      .describe(
        'Only meetings whose minutes are a draft this actor may approve (minutes:approve and the approval rule of ADR 34: ' +
          'the national coordinator, or the organisation the token names is the police unit or facilitating NGO); none without that permission',
      ),
  }),
  reply: listReplySchema(MeetingViewSchema),
});
