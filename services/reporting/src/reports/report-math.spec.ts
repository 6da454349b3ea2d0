import fc from 'fast-check';
import { AGE_GROUPS, CONCERN_TOPICS, GENDERS, type Cell, type ReportMeasures } from '@rd/contracts';
import { activeIntervals, complianceRows, type MeetingFactForCompliance } from './compliance';
import { BREAKDOWN_RELATIONS, toMeasures } from './measures';
import { allDueDays, buildRawCounts, daysToResolve, histogramMedian, overdueActions, splitDueDays, sumCounts, withDueDays, type RawCounts } from './raw-counts';

const SUPPRESSED: Cell = { value: null, n: null, suppressed: true };

const cellsOf = (m: ReportMeasures): Cell[] => {
  const out: Cell[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      if ('suppressed' in (v as object) && 'value' in (v as object)) out.push(v as Cell);
      else Object.values(v as object).forEach(walk);
    }
  };
  walk(m);
  return out;
};

describe('report math', () => {
  describe('compliance', () => {
    const held = (quarter: string, heldAt: string, timeZone = 'Asia/Dushanbe'): MeetingFactForCompliance => ({
      meetingId: 'm',
      quarter,
      state: 'held',
      heldAt: new Date(heldAt),
      timeZone,
      scheduledFor: null,
    });

    it('should not expect a quarter a community was active in for less than half, unless it held one', () => {
      const facts = [{ at: new Date('2026-02-20T00:00:00Z'), status: 'active' as const }];
      expect(complianceRows(facts, [], '2026-Q2').map((r) => [r.quarter, r.expected])).toEqual([
        ['2026-Q1', false],
        ['2026-Q2', true],
      ]);
      const rows = complianceRows(facts, [held('2026-Q1', '2026-03-01T10:00:00Z')], '2026-Q1');
      expect(rows[0]).toMatchObject({ expected: true, held: true, heldOnTime: true });
    });

    it('should close active periods at a pause and reopen them', () => {
      const facts = [
        { at: new Date('2025-01-01T00:00:00Z'), status: 'active' as const },
        { at: new Date('2025-02-01T00:00:00Z'), status: 'paused' as const },
        { at: new Date('2025-06-01T00:00:00Z'), status: 'active' as const },
      ];
      expect(activeIntervals(facts)).toEqual([
        { from: Date.parse('2025-01-01T00:00:00Z'), to: Date.parse('2025-02-01T00:00:00Z') },
        { from: Date.parse('2025-06-01T00:00:00Z'), to: null },
      ]);
      expect(complianceRows(facts, [], '2025-Q3').map((r) => [r.quarter, r.expected])).toEqual([
        ['2025-Q1', false],
        ['2025-Q2', false],
        ['2025-Q3', true],
      ]);
    });

    it('should count a community from the day its activation took effect, though created and activated later (ADR 35)', () => {
      // Created (proposed) and activated today, the activation effective in January 2024 and its onboarding before.
      const today = new Date('2026-12-07T09:00:00Z');
      const facts = [
        { at: today, status: 'proposed' as const },
        { at: new Date('2023-11-30T19:00:00Z'), recordedAt: today, status: 'onboarding' as const },
        { at: new Date('2023-12-31T19:00:00Z'), recordedAt: new Date(today.getTime() + 1000), status: 'active' as const },
      ];
      expect(activeIntervals(facts)).toEqual([{ from: Date.parse('2023-12-31T19:00:00Z'), to: null }]);
      const rows = complianceRows(facts, [held('2024-Q2', '2024-05-14T07:00:00Z')], '2026-Q4');
      expect(rows[0]).toMatchObject({ quarter: '2023-Q4', expected: false });
      expect(rows[1]).toMatchObject({ quarter: '2024-Q1', expected: true, held: false });
      expect(rows[2]).toMatchObject({ quarter: '2024-Q2', expected: true, held: true, heldOnTime: true });
      expect(rows.filter((r) => r.expected)).toHaveLength(12);
    });

    it('should apply two changes effective on the same day in the order they were recorded (ADR 35)', () => {
      const day = new Date('2024-03-01T00:00:00Z');
      const paused = { at: day, recordedAt: new Date('2026-12-07T10:00:00Z'), status: 'paused' as const };
      const active = { at: day, recordedAt: new Date('2026-12-07T10:05:00Z'), status: 'active' as const };
      const first = { at: new Date('2024-01-01T00:00:00Z'), status: 'active' as const };
      // Without the recording order, the lifecycle rank would put active before paused and end paused.
      expect(activeIntervals([first, active, paused])).toEqual([
        { from: Date.parse('2024-01-01T00:00:00Z'), to: Date.parse('2024-03-01T00:00:00Z') },
        { from: Date.parse('2024-03-01T00:00:00Z'), to: null },
      ]);
    });

    it('should count a meeting recorded as held after its quarter ended in the district zone as late', () => {
      const facts = [{ at: new Date('2025-01-01T00:00:00Z'), status: 'active' as const }];
      expect(complianceRows(facts, [held('2026-Q1', '2026-03-31T23:30:00Z')], '2026-Q1').pop()).toMatchObject({ held: true, heldOnTime: false });
      expect(complianceRows(facts, [held('2026-Q1', '2026-03-31T23:30:00Z', 'UTC')], '2026-Q1').pop()).toMatchObject({ held: true, heldOnTime: true });
    });

    it('should never count more held than expected, whatever the history', () => {
      const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 364 }), fc.constantFrom('active', 'paused', 'onboarding', 'archived')), { maxLength: 6 }),
          fc.array(fc.tuple(fc.constantFrom(...quarters), fc.constantFrom('held', 'cancelled', 'scheduled')), { maxLength: 6 }),
          (steps, meetings) => {
            const facts = steps.map(([day, status]) => ({ at: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000), status: status as 'active' }));
            const ms = meetings.map(([quarter, state]) => ({ ...held(quarter, '2025-12-01T00:00:00Z'), state: state as 'held' }));
            const raw = buildRawCounts(complianceRows(facts, ms, '2025-Q4'), [], [], []);
            expect(raw.held ?? 0).toBeLessThanOrEqual(raw.expected ?? 0);
            expect(raw.heldOnTime ?? 0).toBeLessThanOrEqual(raw.held ?? 0);
          },
        ),
      );
    });
  });

  describe('histogram median', () => {
    it('should equal the median of the sorted list, and stay additive across cells', () => {
      fc.assert(
        fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 20 }), { maxLength: 5 }), (groups) => {
          const cells = groups.map((days) => {
            const raw: RawCounts = {};
            for (const d of days) raw[`c.days.${d}`] = (raw[`c.days.${d}`] ?? 0) + 1;
            return raw;
          });
          const all = groups.flat().sort((a, b) => a - b);
          const expected = all.length === 0 ? null : all.length % 2 ? all[(all.length - 1) / 2] : (all[all.length / 2 - 1] + all[all.length / 2]) / 2;
          expect(histogramMedian(sumCounts(cells))).toBe(expected);
        }),
      );
    });

    it('should count whole days and never negative ones', () => {
      expect(daysToResolve(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-03T09:59:59Z'))).toBe(1);
      expect(daysToResolve(new Date('2026-01-01T10:00:00Z'), new Date('2025-12-31T10:00:00Z'))).toBe(0);
    });

    it('should count open actions due before today as overdue', () => {
      const raw = { 'a.dueM.2026-02': 5, 'a.due.2026-02-10': 5, 'a.dueM.2026-03': 3, 'a.due.2026-03-30': 2, 'a.due.2026-03-31': 1, 'a.dueM.2026-04': 4, 'a.due.2026-04-01': 4 };
      expect(overdueActions(raw, '2026-03-31')).toBe(7);
      expect(overdueActions(raw, '2026-04-15')).toBe(12);
    });

    it('should store due-date days apart by month and count overdue the same from the current month alone', () => {
      const raw = { 'a.open': 12, 'a.dueM.2026-02': 5, 'a.due.2026-02-10': 5, 'a.dueM.2026-03': 3, 'a.due.2026-03-30': 2, 'a.due.2026-03-31': 1, 'a.dueM.2026-04': 4, 'a.due.2026-04-01': 4 };
      const { counts, dueDays } = splitDueDays(raw);
      expect(Object.keys(counts).some((k) => k.startsWith('a.due.'))).toBe(false);
      expect(dueDays).toEqual({ '2026-02': { '2026-02-10': 5 }, '2026-03': { '2026-03-30': 2, '2026-03-31': 1 }, '2026-04': { '2026-04-01': 4 } });
      expect(withDueDays(counts, allDueDays(dueDays))).toEqual(raw);
      for (const today of ['2026-02-11', '2026-03-31', '2026-04-02', '2026-05-01']) {
        expect(overdueActions(withDueDays(counts, dueDays[today.slice(0, 7)]), today)).toBe(overdueActions(raw, today));
      }
    });
  });

  describe('suppression', () => {
    it('should hide every breakdown cell built from 1..threshold-1 people, and nothing when not applied', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...GENDERS.flatMap((g) => AGE_GROUPS.map((a) => `att.${g}.${a}`)), 'fb.n', 'c.sens.public', 'c.topic.drugs'), fc.integer({ min: 0, max: 12 })), fc.integer({ min: 1, max: 10 }), (raw, threshold) => {
          const counts = { ...raw, 'fb.trust': (raw['fb.n'] ?? 0) * 3, 'att.meetings': 1, 'c.total': (raw['c.sens.public'] ?? 0) + (raw['c.topic.drugs'] ?? 0) };
          const on = toMeasures(counts, {}, { suppress: true, threshold, overdue: 0, today: '2026-01-01' });
          for (const cell of cellsOf(on)) {
            if (cell.suppressed) expect(cell).toEqual({ value: null, n: null, suppressed: true });
            else expect(cell.n === 0 || (cell.n ?? 0) >= threshold).toBe(true);
          }
          const off = toMeasures(counts, {}, { suppress: false, threshold, overdue: 0, today: '2026-01-01' });
          expect(cellsOf(off).every((c) => !c.suppressed)).toBe(true);
          // Totals are never suppressed.
          expect(on.attendance.total).toBe(off.attendance.total);
        }),
      );
    });

    it('should hide a share whose numerator is a small group', () => {
      const m = toMeasures({ 'att.women.from18to29': 2, 'att.men.from30to59': 40, 'att.meetings': 1 }, {}, { suppress: true, threshold: 5, overdue: 0, today: '2026-01-01' });
      expect(m.attendance.womenShare.suppressed).toBe(true);
      expect(m.attendance.youthShare.suppressed).toBe(true);
      expect(m.attendance.total).toBe(42);
      // 42 - 40 - 0 would give the 2 women back: the men are hidden with them, the empty "other" stays shown.
      expect(m.attendance.byGender).toEqual({ women: SUPPRESSED, men: SUPPRESSED, other: { value: 0, n: 0, suppressed: false } });
    });

    it('should hide a second cell so that no small group can be subtracted from a total (total 9, men 5, other 0)', () => {
      const m = toMeasures(
        { 'att.women.from30to59': 4, 'att.men.from30to59': 5, 'c.total': 12, 'c.sens.public': 9, 'c.sens.restricted': 0, 'c.sens.confidential': 3, 'c.topic.water-and-irrigation': 12 },
        {},
        { suppress: true, threshold: 5, overdue: 0, today: '2026-01-01' },
      );
      expect(m.attendance.byGender).toEqual({ women: SUPPRESSED, men: SUPPRESSED, other: { value: 0, n: 0, suppressed: false } });
      // The three confidential concerns cannot be had as 12 - 9 - 0 either.
      expect(m.concerns.bySensitivity).toEqual({ public: SUPPRESSED, restricted: { value: 0, n: 0, suppressed: false }, confidential: SUPPRESSED });
      expect(m.concerns.byTopic['water-and-irrigation']).toEqual({ value: 12, n: 12, suppressed: false });
    });

    it('should leave no sum with exactly one hidden term, across the gender × age table and its margins', () => {
      const keys = GENDERS.flatMap((g) => AGE_GROUPS.map((a) => `att.${g}.${a}`));
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys, ...CONCERN_TOPICS.map((t) => `c.topic.${t}`)), fc.integer({ min: 0, max: 15 })), fc.integer({ min: 2, max: 8 }), (raw, threshold) => {
          const concerns = CONCERN_TOPICS.reduce((s, t) => s + (raw[`c.topic.${t}`] ?? 0), 0);
          const counts = { ...raw, 'att.meetings': 1, 'c.total': concerns, 'c.sens.public': concerns };
          const m = toMeasures(counts, {}, { suppress: true, threshold, overdue: 0, today: '2026-01-01' });
          const cell = (key: string): Cell => {
            const [, a, b] = key.split('.');
            if (key.startsWith('att.g.')) return m.attendance.byGender[b as (typeof GENDERS)[number]];
            if (key.startsWith('att.a.')) return m.attendance.byAgeGroup[b as (typeof AGE_GROUPS)[number]];
            if (key.startsWith('c.topic.')) return m.concerns.byTopic[b as (typeof CONCERN_TOPICS)[number]];
            if (key.startsWith('c.sens.')) return m.concerns.bySensitivity[b as 'public'];
            return m.attendance.byGenderAndAge[a as (typeof GENDERS)[number]][b as (typeof AGE_GROUPS)[number]];
          };
          for (const { parts, total } of BREAKDOWN_RELATIONS) {
            const unknown = parts.filter((key) => cell(key).suppressed).length + (total && cell(total).suppressed ? 1 : 0);
            expect(unknown).not.toBe(1);
          }
          // Every small group is hidden; a share is hidden with its numerator.
          for (const key of keys) if ((raw[key] ?? 0) > 0 && (raw[key] ?? 0) < threshold) expect(cell(key).suppressed).toBe(true);
          if (m.attendance.byGender.women.suppressed) expect(m.attendance.womenShare.suppressed).toBe(true);
        }),
      );
    });
  });
});
