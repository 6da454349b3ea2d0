import { FeedbackBatchInputSchema } from '@rd/contracts';
import { feedbackCell, feedbackRecordedPayload, sourceMix, summariseFeedback, type ScoredResponse } from './feedback-summary';

const r = (usefulness: number, trustInPolice: number, wouldContactPoliceFirst: boolean, over: Partial<ScoredResponse> = {}): ScoredResponse => ({
  usefulness,
  trustInPolice,
  wouldContactPoliceFirst,
  comment: null,
  gender: null,
  ageGroup: null,
  source: 'staff',
  ...over,
});

describe('feedback summary', () => {
  const women = [1, 2, 3, 4, 5].map((n) => r(n, 4, n > 2, { gender: 'female', ageGroup: '30-59', comment: n === 1 ? 'Too long' : null }));
  const men = [r(5, 5, true, { gender: 'male', ageGroup: '18-29' }), r(3, 2, false, { gender: 'male' })];
  const all = [...women, ...men];

  it('should compute n, averages and the share of yes', () => {
    expect(feedbackCell(all, false)).toEqual({ n: 7, suppressed: false, usefulnessAverage: 3.29, trustAverage: 3.86, contactPoliceFirstShare: 0.57 });
    expect(feedbackCell([], true)).toEqual({ n: 0, suppressed: false, usefulnessAverage: null, trustAverage: null, contactPoliceFirstShare: null });
  });

  it('should suppress groups under 5 for audiences other than the organisers', () => {
    const summary = summariseFeedback('m', all, { suppressSmallCells: true, includeComments: true });
    expect(summary.byGender.female).toMatchObject({ n: 5, suppressed: false, usefulnessAverage: 3 });
    expect(summary.byGender.male).toEqual({ n: 2, suppressed: true, usefulnessAverage: null, trustAverage: null, contactPoliceFirstShare: null });
    expect(summary.byAgeGroup['18-29']).toMatchObject({ n: 1, suppressed: true });
    expect(summary.byAgeGroup.unspecified).toMatchObject({ n: 1, suppressed: true });
    expect(summary.overall.suppressed).toBe(false);
  });

  it('should show every group to the organisers', () => {
    const summary = summariseFeedback('m', all, { suppressSmallCells: false, includeComments: true });
    expect(summary.byGender.male).toMatchObject({ n: 2, suppressed: false, usefulnessAverage: 4 });
    expect(summary.comments).toEqual(['Too long']);
  });

  it('should suppress even the overall figure of a survey under 5, and leave comments out when told', () => {
    const summary = summariseFeedback('m', men, { suppressSmallCells: true, includeComments: false });
    expect(summary.overall).toMatchObject({ n: 2, suppressed: true, trustAverage: null });
    expect(summary.comments).toEqual([]);
  });

  it('should refuse scores outside 1–5 and an empty batch', () => {
    expect(FeedbackBatchInputSchema.safeParse([]).success).toBe(false);
    expect(FeedbackBatchInputSchema.safeParse([{ usefulness: 6, trustInPolice: 3, wouldContactPoliceFirst: true }]).success).toBe(false);
    expect(FeedbackBatchInputSchema.safeParse([{ usefulness: 5, trustInPolice: 0, wouldContactPoliceFirst: true }]).success).toBe(false);
    expect(FeedbackBatchInputSchema.safeParse([{ usefulness: 5, trustInPolice: 1, wouldContactPoliceFirst: false, gender: 'female', ageGroup: '60-plus' }]).success).toBe(true);
  });

  it('should show every source, the share residents gave themselves and whether staff-entered answers dominate', () => {
    const kiosk = [1, 2, 3, 4, 5].map(() => r(5, 5, true, { source: 'kiosk' }));
    const resident = [r(4, 4, true, { source: 'resident' })];
    const mixed = summariseFeedback('m', [...kiosk, ...resident, ...men], { suppressSmallCells: true, includeComments: false });
    expect(mixed.bySource.kiosk).toMatchObject({ n: 5, suppressed: false, trustAverage: 5 });
    expect(mixed.bySource.resident).toMatchObject({ n: 1, suppressed: true, trustAverage: null });
    expect(mixed.bySource.staff).toMatchObject({ n: 2, suppressed: true });
    expect(mixed).toMatchObject({ selfReportedShare: 0.75, staffDominates: false });
    expect(sourceMix(all)).toEqual({ selfReportedShare: 0, staffDominates: true });
    expect(sourceMix([{ source: 'staff' }, { source: 'resident' }])).toEqual({ selfReportedShare: 0.5, staffDominates: false });
    expect(sourceMix([])).toEqual({ selfReportedShare: null, staffDominates: false });
  });

  it('should carry the totals per source in the event, never comments', () => {
    const payload = feedbackRecordedPayload({ meetingId: 'm', districtCode: 'isfara', regionCode: 'sughd' }, 1, [...women, r(5, 1, false, { source: 'resident' })], new Date(0));
    expect(payload).toMatchObject({ added: 1, respondents: 6, bySource: { staff: { respondents: 5, trustAverage: 4 }, resident: { respondents: 1, trustAverage: 1, contactPoliceFirstShare: 0 }, kiosk: { respondents: 0, trustAverage: 0 } } });
    expect(JSON.stringify(payload)).not.toContain('Too long');
  });

  it('should accept the kiosk and staff as sources on the organisers\' route, never resident', () => {
    const answer = { usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true };
    expect(FeedbackBatchInputSchema.safeParse([{ ...answer, source: 'kiosk' }]).success).toBe(true);
    expect(FeedbackBatchInputSchema.safeParse([{ ...answer, source: 'resident' }]).success).toBe(false);
  });
});
