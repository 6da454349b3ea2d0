import { attendanceTotal, type AttendanceInput, type FieldError, type MeetingKind } from '@rd/contracts';

/** Checks attendance against its meeting; pure. Empty when it may be recorded. */
export function attendanceErrors(input: AttendanceInput, meeting: { kind: MeetingKind; communityIds: readonly string[] }): FieldError[] {
  const errors: FieldError[] = [];
  const total = attendanceTotal(input.counts);
  if (total === 0) errors.push({ field: 'counts', message: 'at least one attendee must be counted' });
  if (input.byCommunity.length > 0) {
    if (meeting.kind !== 'regional') {
      errors.push({ field: 'byCommunity', message: 'only regional meetings count attendees per community' });
    } else {
      const seen = new Set<string>();
      input.byCommunity.forEach((row, i) => {
        if (!meeting.communityIds.includes(row.communityId)) errors.push({ field: `byCommunity.${i}.communityId`, message: 'not a community of this meeting' });
        if (seen.has(row.communityId)) errors.push({ field: `byCommunity.${i}.communityId`, message: 'listed twice' });
        seen.add(row.communityId);
      });
      const sum = input.byCommunity.reduce((s, row) => s + row.attendees, 0);
      if (sum !== total) errors.push({ field: 'byCommunity', message: `attendees per community add up to ${sum}, not the total ${total}` });
    }
  }
  const organisations = input.officials.map((o) => o.organisationId);
  if (new Set(organisations).size !== organisations.length) errors.push({ field: 'officials', message: 'an organisation is listed twice' });
  return errors;
}
