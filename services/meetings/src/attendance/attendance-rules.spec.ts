import { AttendanceInputSchema, attendanceTotal, type AttendanceInput } from '@rd/contracts';
import { attendanceErrors } from './attendance-rules';

const A = '6f1b1a52-3c38-4f0e-9a3e-1f6d8f0c0a01';
const B = '6f1b1a52-3c38-4f0e-9a3e-1f6d8f0c0a02';
const ORG = '6f1b1a52-3c38-4f0e-9a3e-1f6d8f0c0a03';
const row = (n: number) => ({ under18: n, from18to29: n, from30to59: n, from60: n });
const input = (over: Partial<AttendanceInput> = {}): AttendanceInput =>
  AttendanceInputSchema.parse({ counts: { women: row(2), men: row(1), other: row(0) }, ...over });

describe('attendanceErrors', () => {
  const local = { kind: 'local' as const, communityIds: [A] };
  const regional = { kind: 'regional' as const, communityIds: [A, B] };

  it('should total every gender × age cell', () => {
    expect(attendanceTotal(input().counts)).toBe(12);
  });

  it('should accept a plain local attendance', () => {
    expect(attendanceErrors(input({ officials: [{ organisationId: ORG, count: 2 }] }), local)).toEqual([]);
  });

  it('should refuse an attendance of nobody', () => {
    expect(attendanceErrors(input({ counts: { women: row(0), men: row(0), other: row(0) } }), local)).toEqual([{ field: 'counts', message: 'at least one attendee must be counted' }]);
  });

  it('should refuse per-community counts on a local meeting', () => {
    expect(attendanceErrors(input({ byCommunity: [{ communityId: A, attendees: 12 }] }), local).map((e) => e.field)).toEqual(['byCommunity']);
  });

  it('should need per-community counts of a regional meeting to be its communities and add up to the total', () => {
    expect(attendanceErrors(input({ byCommunity: [{ communityId: A, attendees: 5 }, { communityId: B, attendees: 7 }] }), regional)).toEqual([]);
    const wrong = attendanceErrors(input({ byCommunity: [{ communityId: A, attendees: 5 }, { communityId: ORG, attendees: 5 }] }), regional);
    expect(wrong.map((e) => e.field)).toEqual(['byCommunity.1.communityId', 'byCommunity']);
  });

  it('should refuse an organisation listed twice', () => {
    expect(attendanceErrors(input({ officials: [{ organisationId: ORG, count: 1 }, { organisationId: ORG, count: 2 }] }), local).map((e) => e.field)).toEqual(['officials']);
  });

  it('should refuse negative, fractional and missing counts in the schema', () => {
    const bad = AttendanceInputSchema.safeParse({ counts: { women: { ...row(1), under18: -1 }, men: { ...row(1), from60: 1.5 }, other: { under18: 0 } } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['counts.women.under18', 'counts.men.from60', 'counts.other.from18to29']));
  });
});
