import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { SensitivitySchema } from '../common/sensitivity';
import { defineRequest } from '../message';
import { ConcernTopicSchema, ConcernViewSchema, HiddenConcernCountsSchema, RequestOriginSchema } from './concern.dto';
import { MeetingStatusSchema } from './meeting.dto';

/** Where a concern stands: resolved (all its actions done, or none needed) or still open. */
export const CONCERN_STATUSES = ['open', 'resolved'] as const;
export const ConcernStatusSchema = z.enum(CONCERN_STATUSES).describe('open: not resolved yet; resolved: all its actions done, or none needed');
export type ConcernStatus = z.infer<typeof ConcernStatusSchema>;

/** Sort fields of the register; `raisedAt` is the start of the meeting it was raised at. */
export const CONCERN_REGISTER_SORT_FIELDS = ['raisedAt', 'createdAt', 'topic', 'sensitivity', 'districtCode'] as const;

const AgeDays = z.number().int().min(0).max(36_500);

/** One row of the register: a concern the reader may read, with what the reader needs of its meeting to find it. */
export const ConcernRegisterRowSchema = ConcernViewSchema.extend({
  raisedAt: z.string().describe('Start of the meeting it was raised at (ISO 8601): its age counts from here'),
  meeting: z
    .object({
      id: z.string().uuid().describe('Meeting id'),
      title: z.string().describe('Meeting title'),
      status: MeetingStatusSchema,
      communityIds: z.array(z.string().uuid()).describe('Communities of the meeting'),
    })
    .strict()
    .describe('The meeting it was raised at'),
});
export type ConcernRegisterRow = z.infer<typeof ConcernRegisterRowSchema>;

export const ListConcernRegisterQryV1 = defineRequest({
  name: 'meetings.qry.concern-register.list.v1',
  kind: 'qry',
  owner: 'meetings',
  description:
    'The concerns register: concerns across the meetings in the actor scope that the actor may read (canReadConcern, as the per-meeting ' +
    'list), filtered and sorted; the others matching the place, topic, sensitivity and age filters are only counted per sensitivity ' +
    '(never their text, handlers, status or any detail; the status filter does not apply to them). Each confidential concern returned is audited.',
  schema: listQuerySchema(CONCERN_REGISTER_SORT_FIELDS).extend({
    order: z.enum(['ASC', 'DESC']).default('DESC').describe('Sort direction; newest first unless told'),
    districtCode: GeoCodeSchema.optional().describe('Only concerns of meetings in this district'),
    communityId: z.string().uuid().optional().describe('Only concerns of meetings for this community'),
    topic: ConcernTopicSchema.optional().describe('Only this topic'),
    sensitivity: SensitivitySchema.optional().describe('Only this sensitivity'),
    status: ConcernStatusSchema.optional().describe('Only open or only resolved concerns'),
    minAgeDays: AgeDays.optional().describe('Only concerns raised at least this many days ago'),
    maxAgeDays: AgeDays.optional().describe('Only concerns raised at most this many days ago'),
    origin: RequestOriginSchema.optional(),
  }),
  reply: listReplySchema(ConcernRegisterRowSchema).extend({ hidden: HiddenConcernCountsSchema }),
});
