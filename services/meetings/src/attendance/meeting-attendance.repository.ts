import { EntityRepository } from '@mikro-orm/postgresql';
import type { MeetingKind, MeetingStatus } from '@rd/contracts';
import { MeetingAttendance } from './meeting-attendance.entity';

/** What attendance and feedback need to know of their meeting. */
export interface MeetingFrame {
  id: string;
  districtCode: string;
  regionCode: string;
  status: MeetingStatus;
  kind: MeetingKind;
  communityIds: string[];
  /** A reporting day recorded afterwards (ADR 35). */
  recordedAfterwards: boolean;
}

export class MeetingAttendanceRepository extends EntityRepository<MeetingAttendance> {
  /** Reads the meeting row directly (and locks it for a write): attendance depends on its place, kind and status only. */
  async findMeetingFrame(meetingId: string, forUpdate = false): Promise<MeetingFrame | null> {
    // em.execute runs in the caller's transaction (getConnection().execute would not, and `for update` would lock nothing).
    const rows = await this.getEntityManager().execute<
      { id: string; district_code: string; region_code: string; status: MeetingStatus; kind: MeetingKind; community_ids: string[]; recorded_afterwards: boolean }[]
    >(
        `select id, district_code, region_code, status, kind, community_ids, recorded_afterwards from meeting where id = ?${forUpdate ? ' for update' : ''}`,
        [meetingId],
      );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          districtCode: row.district_code,
          regionCode: row.region_code,
          status: row.status,
          kind: row.kind,
          communityIds: row.community_ids ?? [],
          recordedAfterwards: row.recorded_afterwards === true,
        }
      : null;
  }
}
