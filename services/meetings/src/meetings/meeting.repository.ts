import { raw, type FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { ActorScope, DataOf, ListMeetingsQryV1 } from '@rd/contracts';
import { Meeting } from './meeting.entity';

type ListQuery = DataOf<typeof ListMeetingsQryV1>;

/** Whose approval a list of minutes awaiting approval is for: any meeting (the coordinator) or one organisation's. */
export type MinutesApprover = { anyMeeting: true } | { anyMeeting: false; organisationId: string };

export class MeetingRepository extends EntityRepository<Meeting> {
  /** Scope first; client filters can only narrow it. */
  async listInScope(scope: ActorScope, query: ListQuery, approver?: MinutesApprover): Promise<[Meeting[], number]> {
    const where: FilterQuery<Meeting>[] = [];
    if (!scope.national) {
      where.push({ $or: [{ districtCode: { $in: scope.districts } }, { regionCode: { $in: scope.regions } }] });
    }
    if (query.districtCode) where.push({ districtCode: query.districtCode });
    if (query.status) where.push({ status: query.status });
    if (query.quarter) where.push({ quarter: query.quarter });
    if (query.recordedAfterwards !== undefined) where.push({ recordedAfterwards: query.recordedAfterwards });
    if (query.from) where.push({ startsAt: { $gte: new Date(query.from) } });
    if (query.to) where.push({ startsAt: { $lt: new Date(query.to) } });
    if (query.communityId) where.push({ [raw('community_ids @> ?::jsonb', [JSON.stringify([query.communityId])])]: [] } as FilterQuery<Meeting>);
    if (approver) {
      const draft = raw((alias: string) => `exists (select 1 from "minutes" mi where mi.meeting_id = ${alias}.id and mi.status = 'draft')`);
      where.push({ [draft]: [] } as FilterQuery<Meeting>);
      if (!approver.anyMeeting) where.push({ $or: [{ policeUnitId: approver.organisationId }, { facilitatingOrganisationId: approver.organisationId }] });
    }
    return this.findAndCount(
      { $and: where },
      { orderBy: [{ [query.sort]: query.order }, { id: 'ASC' }] as never, offset: query.offset, limit: query.limit },
    );
  }
}
