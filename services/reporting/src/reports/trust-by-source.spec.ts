import { toMeasures } from './measures';
import { buildRawCounts, type MeetingRow } from './raw-counts';

const options = (suppress: boolean) => ({ suppress, threshold: 5, overdue: 0, today: '2026-12-08' });
const meeting = (over: Partial<MeetingRow>): MeetingRow => ({
  meetingId: 'm1',
  state: 'held',
  organisedBy: 'police',
  attendance: null,
  officials: 0,
  respondents: 0,
  usefulnessSum: 0,
  trustSum: 0,
  contactFirstCount: 0,
  ...over,
});
const sums = (n: number, trust: number) => ({ n, usefulnessSum: 4 * n, trustSum: trust * n, firstCount: n });

describe('trust by source (ADR 46)', () => {
  // 30 answers: 12 from residents' phones (trust 4), 8 on the kiosk (trust 5), 10 typed in by staff (trust 2).
  const mixed = meeting({ respondents: 30, usefulnessSum: 120, trustSum: 12 * 4 + 8 * 5 + 10 * 2, contactFirstCount: 30, selfReported: { resident: sums(12, 4), kiosk: sums(8, 5) } });

  it('should show trust per source, staff being what remains of the total, and the share self-reported', () => {
    const { trust } = toMeasures(buildRawCounts([], [mixed], [], []), {}, options(true));
    expect(trust.bySource?.resident).toMatchObject({ respondents: 12, trustAverage: { value: 4, n: 12, suppressed: false } });
    expect(trust.bySource?.kiosk).toMatchObject({ respondents: 8, trustAverage: { value: 5, n: 8 } });
    expect(trust.bySource?.staff).toMatchObject({ respondents: 10, trustAverage: { value: 2, n: 10 } });
    expect(trust.selfReportedShare).toEqual({ value: 20 / 30, n: 30, suppressed: false });
    expect(trust.staffDominates).toBe(false);
  });

  it('should count answers known before sources (feedback-recorded v1, or cells written before) as staff-entered, and say they dominate', () => {
    const old = meeting({ respondents: 9, usefulnessSum: 27, trustSum: 27, contactFirstCount: 3 });
    const { trust } = toMeasures(buildRawCounts([], [old], [], []), {}, options(true));
    expect(trust.bySource?.staff).toMatchObject({ respondents: 9, trustAverage: { value: 3 } });
    expect(trust.bySource?.resident.respondents).toBe(0);
    expect(trust).toMatchObject({ selfReportedShare: { value: 0 }, staffDominates: true });
  });

  it('should hide every source when one is a small group, so that none can be subtracted from the total', () => {
    const few = meeting({ respondents: 23, usefulnessSum: 92, trustSum: 3 * 1 + 20 * 4, contactFirstCount: 23, selfReported: { resident: sums(3, 1), kiosk: sums(0, 0) } });
    const { trust } = toMeasures(buildRawCounts([], [few], [], []), {}, options(true));
    for (const source of ['resident', 'kiosk', 'staff'] as const) expect(trust.bySource?.[source].trustAverage.suppressed).toBe(true);
    expect(trust.trustAverage.suppressed).toBe(false);
    expect(trust.staffDominates).toBe(true);
    // The organisers' own view (no suppression) shows them.
    expect(toMeasures(buildRawCounts([], [few], [], []), {}, options(false)).trust.bySource?.resident.trustAverage).toEqual({ value: 1, n: 3, suppressed: false });
  });
});
