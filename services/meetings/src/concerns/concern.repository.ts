import { EntityRepository } from '@mikro-orm/postgresql';
import type { ActionStatus } from '@rd/contracts';
import { Concern } from './concern.entity';

/** What concerns need to know of the meeting they are raised at. */
export interface MeetingPlace {
  id: string;
  districtCode: string;
  regionCode: string;
  status: string;
}

export class ConcernRepository extends EntityRepository<Concern> {
  /** Reads the meeting row directly: concerns depend on its place and status only, not on the Meeting aggregate. */
  async findMeetingPlace(meetingId: string): Promise<MeetingPlace | null> {
    // em.execute runs in the caller's transaction; getConnection().execute took a second pool connection, and a burst
    // of writes on one meeting (an offline queue flushing) held every connection waiting for another: 60 s, then 500s.
    const rows = await this.getEntityManager().execute<{ id: string; district_code: string; region_code: string; status: string }[]>(
      'select id, district_code, region_code, status from meeting where id = ?',
      [meetingId],
    );
    const row = rows[0];
    return row ? { id: row.id, districtCode: row.district_code, regionCode: row.region_code, status: row.status } : null;
  }

  /** Every concern of a meeting, oldest first; the caller filters them with canReadConcern. */
  findByMeeting(meetingId: string): Promise<Concern[]> {
    return this.find({ meetingId }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Status of every action of each concern, for counts and resolution. */
  async actionStatuses(concernIds: readonly string[]): Promise<Map<string, ActionStatus[]>> {
    const byConcern = new Map<string, ActionStatus[]>(concernIds.map((id) => [id, []]));
    if (concernIds.length === 0) return byConcern;
    const rows = await this.getEntityManager().execute<{ concern_id: string; status: ActionStatus }[]>(
      `select concern_id, status from follow_up_action where concern_id in (${concernIds.map(() => '?').join(', ')})`,
      [...concernIds],
    );
    for (const row of rows) byConcern.get(row.concern_id)?.push(row.status);
    return byConcern;
  }
}
