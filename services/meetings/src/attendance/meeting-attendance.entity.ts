import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import type { AttendanceCounts, AttendanceInput } from '@rd/contracts';
import { MeetingAttendanceRepository } from './meeting-attendance.repository';

/** Who came to a held meeting, as counts: no names. One row per meeting, replaced when corrected. */
@Entity({ tableName: 'meeting_attendance', repository: () => MeetingAttendanceRepository })
export class MeetingAttendance {
  [EntityRepositoryType]?: MeetingAttendanceRepository;

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'string', length: 64 })
  districtCode!: string;

  @Property({ type: 'string', length: 64 })
  regionCode!: string;

  @Property({ type: 'json' })
  counts!: AttendanceCounts;

  @Property({ type: 'integer' })
  total!: number;

  @Property({ type: 'json' })
  byCommunity: AttendanceInput['byCommunity'] = [];

  @Property({ type: 'json' })
  officials: AttendanceInput['officials'] = [];

  @Property({ type: 'json' })
  staffIntroducedContactIds: string[] = [];

  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
