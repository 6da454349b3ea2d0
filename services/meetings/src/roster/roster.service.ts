import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { DataOf, OfficerAssignedEvtV1, ProposedStaff } from '@rd/contracts';
import { dateOnly } from '../actions/follow-up-action.mapper';
import { Meeting } from '../meetings/meeting.entity';
import { OfficerRosterEntry } from './officer-roster-entry.entity';

const HELD: readonly string[] = ['held', 'closed'];

@Injectable()
export class RosterService {
  constructor(private readonly em: EntityManager) {}

  /** Stores the assignment (applied once through the meetings event table). */
  async onOfficerAssigned(tx: EntityManager, event: DataOf<typeof OfficerAssignedEvtV1>): Promise<void> {
    await tx.upsert(OfficerRosterEntry, {
      assignmentId: event.assignmentId,
      communityId: event.communityId,
      districtCode: event.districtCode,
      regionCode: event.regionCode,
      officerContactId: event.officerContactId,
      previousOfficerContactId: event.previousOfficerContactId,
      policeUnitId: event.policeUnitId,
      since: event.since,
      recordedAt: new Date(event.occurredAt),
    });
    await tx.flush();
  }

  /**
   * Staff to introduce: officers whose service began after the community's last held meeting before this one
   * (every assignment when the community has not held one yet).
   */
  async proposedStaff(em: EntityManager, meeting: Meeting): Promise<ProposedStaff[]> {
    if (meeting.communityIds.length === 0) return [];
    const earlier = await em.find(Meeting, { districtCode: meeting.districtCode, startsAt: { $lt: meeting.startsAt }, id: { $ne: meeting.id } });
    const entries = await em.find(OfficerRosterEntry, { communityId: { $in: meeting.communityIds } }, { orderBy: { since: 'ASC', assignmentId: 'ASC' } });
    return entries
      .filter((entry) => {
        const lastHeld = earlier
          .filter((m) => HELD.includes(m.status) && m.communityIds.includes(entry.communityId))
          .map((m) => (m.heldAt ?? m.startsAt).toISOString().slice(0, 10))
          .sort()
          .at(-1);
        return lastHeld === undefined || dateOnly(entry.since) > lastHeld;
      })
      .map((entry) => ({
        assignmentId: entry.assignmentId,
        communityId: entry.communityId,
        officerContactId: entry.officerContactId,
        policeUnitId: entry.policeUnitId,
        since: dateOnly(entry.since),
      }));
  }
}
