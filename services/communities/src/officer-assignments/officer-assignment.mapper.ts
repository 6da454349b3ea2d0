import type { OfficerAssignmentView } from '@rd/contracts';
import type { OfficerAssignment } from './officer-assignment.entity';

export function toOfficerAssignmentView(row: OfficerAssignment): OfficerAssignmentView {
  return {
    id: row.id,
    communityId: row.communityId,
    officerContactId: row.officerContactId,
    policeUnitId: row.policeUnitId,
    districtCode: row.districtCode,
    since: dateOnly(row.since),
    until: row.until === null ? null : dateOnly(row.until),
    current: row.until === null,
    createdAt: row.createdAt.toISOString(),
  };
}

// The pg driver may hand back a Date for a `date` column.
function dateOnly(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
