import type { AttendanceRecordedEvtV1, AttendanceView, DataOf } from '@rd/contracts';
import type { MeetingAttendance } from './meeting-attendance.entity';

export function toAttendanceView(row: MeetingAttendance): AttendanceView {
  return {
    meetingId: row.meetingId,
    counts: row.counts,
    total: row.total,
    byCommunity: row.byCommunity.map((c) => ({ ...c })),
    officials: row.officials.map((o) => ({ ...o })),
    staffIntroducedContactIds: [...row.staffIntroducedContactIds],
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** Counts only: no contact, organisation or community ids leave in the event. */
export function attendanceRecordedPayload(row: MeetingAttendance): DataOf<typeof AttendanceRecordedEvtV1> {
  return {
    meetingId: row.meetingId,
    districtCode: row.districtCode,
    regionCode: row.regionCode,
    counts: row.counts,
    total: row.total,
    communityCount: row.byCommunity.length,
    organisationsPresent: row.officials.length,
    officialsPresent: row.officials.reduce((sum, o) => sum + o.count, 0),
    staffIntroduced: row.staffIntroducedContactIds.length,
    occurredAt: row.recordedAt.toISOString(),
  };
}
