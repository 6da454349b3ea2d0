import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { hasPermission, type Permission } from '@rd/auth-core';
import { actorCoversDistrict, AttendanceRecordedEvtV1, attendanceTotal, DomainException, type Actor, type AttendanceInput, type AttendanceView } from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { attendanceErrors } from './attendance-rules';
import { MeetingAttendance } from './meeting-attendance.entity';
import { attendanceRecordedPayload, toAttendanceView } from './meeting-attendance.mapper';
import type { MeetingFrame } from './meeting-attendance.repository';

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.roles, permission)) throw new DomainException('auth.forbidden', `Your role does not allow ${permission}`);
}

/** The meeting if the actor's scope covers it; NOT_FOUND otherwise (a meeting out of scope is not admitted to exist). */
export async function loadMeetingInScope(em: EntityManager, actor: Actor, meetingId: string, forUpdate = false): Promise<MeetingFrame> {
  const meeting = await em.getRepository(MeetingAttendance).findMeetingFrame(meetingId, forUpdate);
  if (!meeting || !actorCoversDistrict(actor.scope, meeting.regionCode, meeting.districtCode)) {
    throw new DomainException('meeting.not-found', 'Meeting not found');
  }
  return meeting;
}

@Injectable()
export class AttendanceService {
  constructor(private readonly em: EntityManager) {}

  /** Records or replaces the attendance of a held meeting; the row and its event commit together. */
  async record(actor: Actor, meetingId: string, input: AttendanceInput, correlationId: string): Promise<AttendanceView> {
    requirePermission(actor, 'meeting:hold');
    return this.em.transactional(async (tx) => {
      const meeting = await loadMeetingInScope(tx, actor, meetingId, true);
      if (meeting.status !== 'held') {
        throw new DomainException('meeting.not-held', `Attendance is recorded for a held meeting; this one is ${meeting.status}`);
      }
      const errors = attendanceErrors(input, meeting);
      if (errors.length) throw new DomainException('attendance.inconsistent', 'The attendance is inconsistent', errors);
      const values = {
        districtCode: meeting.districtCode,
        regionCode: meeting.regionCode,
        counts: input.counts,
        total: attendanceTotal(input.counts),
        byCommunity: input.byCommunity,
        officials: input.officials,
        staffIntroducedContactIds: [...new Set(input.staffIntroducedContactIds)],
        recordedBy: actor.userId,
        recordedAt: new Date(),
      };
      let row = await tx.findOne(MeetingAttendance, { meetingId });
      if (row) tx.assign(row, values);
      else row = tx.create(MeetingAttendance, { meetingId, ...values });
      recordEvent(tx, AttendanceRecordedEvtV1, attendanceRecordedPayload(row), correlationId);
      await tx.flush();
      return toAttendanceView(row);
    });
  }

  async get(actor: Actor, meetingId: string): Promise<AttendanceView> {
    requirePermission(actor, 'meeting:read');
    const em = this.em.fork();
    await loadMeetingInScope(em, actor, meetingId);
    const row = await em.findOne(MeetingAttendance, { meetingId });
    if (!row) throw new DomainException('attendance.not-recorded', 'No attendance has been recorded for this meeting');
    return toAttendanceView(row);
  }

  /** For the close rule: whether attendance exists. */
  async isRecorded(em: EntityManager, meetingId: string): Promise<boolean> {
    return (await em.count(MeetingAttendance, { meetingId })) > 0;
  }
}
