import fc from 'fast-check';
import { PAST_REPORTING_DAY_MAX_CONCERNS, PastReportingDayInputSchema } from '@rd/contracts';
import { heldAtFor, heldOnError, pastReportingDayErrors, responsesFromCounts } from './past-reporting-day-rules';

describe('past reporting day rules', () => {
  describe(heldAtFor.name, () => {
    it('should place the day at midday in the district, never after now', () => {
      expect(heldAtFor('2024-05-14', 'Asia/Dushanbe', new Date('2026-12-07T09:00:00Z')).toISOString()).toBe('2024-05-14T07:00:00.000Z');
      const now = new Date('2026-12-07T03:00:00Z');
      expect(heldAtFor('2026-12-07', 'Asia/Dushanbe', now)).toBe(now);
    });
  });

  describe(heldOnError.name, () => {
    it('should refuse a day after today in the district and take today and before', () => {
      expect(heldOnError('2026-12-08', '2026-12-07')).toMatchObject({ field: 'heldOn' });
      expect(heldOnError('2026-12-07', '2026-12-07')).toBeNull();
      expect(heldOnError('2019-03-01', '2026-12-07')).toBeNull();
    });
  });

  describe(pastReportingDayErrors.name, () => {
    it('should refuse a topic and sensitivity counted twice, and too many concerns in all', () => {
      const twice = pastReportingDayErrors({
        concerns: [
          { topic: 'theft', sensitivity: 'public', count: 2 },
          { topic: 'theft', sensitivity: 'restricted', count: 2 },
          { topic: 'theft', sensitivity: 'public', count: 1 },
        ],
      });
      expect(twice).toEqual([{ field: 'concerns.2', message: 'theft (public) is counted twice' }]);
      const many = pastReportingDayErrors({
        concerns: [
          { topic: 'theft', sensitivity: 'public', count: PAST_REPORTING_DAY_MAX_CONCERNS },
          { topic: 'drugs', sensitivity: 'public', count: 1 },
        ],
      });
      expect(many.map((e) => e.field)).toEqual(['concerns']);
    });

    it('should need the three survey questions to add up to the same respondents', () => {
      const ok = { usefulness: [0, 1, 2, 5, 4], trust: [0, 0, 3, 6, 3], contactPoliceFirst: { yes: 8, no: 4 } };
      expect(pastReportingDayErrors({ concerns: [], feedback: ok })).toEqual([]);
      const off = pastReportingDayErrors({ concerns: [], feedback: { ...ok, trust: [0, 0, 3, 6, 2], contactPoliceFirst: { yes: 8, no: 5 } } });
      expect(off.map((e) => e.field)).toEqual(['feedback.trust', 'feedback.contactPoliceFirst']);
      const none = pastReportingDayErrors({ concerns: [], feedback: { usefulness: [0, 0, 0, 0, 0], trust: [0, 0, 0, 0, 0], contactPoliceFirst: { yes: 0, no: 0 } } });
      expect(none.map((e) => e.field)).toEqual(['feedback.usefulness']);
    });
  });

  describe(responsesFromCounts.name, () => {
    it('should give one response per respondent whose sums equal the counts', () => {
      const counts = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 });
      fc.assert(
        fc.property(counts, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (usefulness, seed, yesSeed) => {
          const n = usefulness.reduce((a, b) => a + b, 0);
          // Another distribution of the same n for trust.
          const trust = [0, 0, 0, 0, 0];
          for (let i = 0; i < n; i += 1) trust[(seed + i * 7) % 5] += 1;
          const yes = n === 0 ? 0 : yesSeed % (n + 1);
          const responses = responsesFromCounts({ usefulness, trust, contactPoliceFirst: { yes, no: n - yes } });
          expect(responses).toHaveLength(n);
          const score = (pick: (r: (typeof responses)[number]) => number) => responses.reduce((s, r) => s + pick(r), 0);
          expect(score((r) => r.usefulness)).toBe(usefulness.reduce((s, c, i) => s + c * (i + 1), 0));
          expect(score((r) => r.trustInPolice)).toBe(trust.reduce((s, c, i) => s + c * (i + 1), 0));
          expect(responses.filter((r) => r.wouldContactPoliceFirst)).toHaveLength(yes);
        }),
      );
    });
  });

  describe('PastReportingDayInputSchema', () => {
    const valid = {
      communityId: '5d1f4d3e-0000-4000-8000-000000000001',
      heldOn: '2024-05-14',
      organisedBy: 'police',
      attendance: { counts: { women: { under18: 0, from18to29: 1, from30to59: 2, from60: 0 }, men: { under18: 0, from18to29: 1, from30to59: 2, from60: 0 }, other: { under18: 0, from18to29: 0, from30to59: 0, from60: 0 } } },
    };

    it('should take counts only: a concern with text is refused', () => {
      expect(PastReportingDayInputSchema.safeParse(valid).success).toBe(true);
      const withText = { ...valid, concerns: [{ topic: 'border-guards', sensitivity: 'confidential', count: 1, text: 'names someone' }] };
      expect(PastReportingDayInputSchema.safeParse(withText).success).toBe(false);
    });

    it('should refuse a day before 2000 or not a date', () => {
      expect(PastReportingDayInputSchema.safeParse({ ...valid, heldOn: '1999-12-31' }).success).toBe(false);
      expect(PastReportingDayInputSchema.safeParse({ ...valid, heldOn: '14.05.2024' }).success).toBe(false);
    });
  });
});
