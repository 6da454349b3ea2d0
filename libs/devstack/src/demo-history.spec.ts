import { addQuarters, quarterOf } from '@rd/contracts';
import { apportion, HISTORY_QUARTERS, planDemoHistory } from './demo-history';

describe(planDemoHistory.name, () => {
  const now = new Date('2026-12-07T06:00:00Z');
  const plan = planDemoHistory(now);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it('should give Isfara and Batken communities join dates about two years back, onboarding before activation', () => {
    expect(plan.map((community) => `${community.district}/${community.name}`)).toEqual(expect.arrayContaining(['isfara/Khoja Alo', 'isfara/Somonien', 'batken/Ak-Sai']));
    const khojaAlo = plan.find((community) => community.name === 'Khoja Alo');
    expect(khojaAlo).toMatchObject({ onboardingOn: '2024-09-09', activeOn: '2024-10-10' });
    for (const community of plan) expect(community.onboardingOn < community.activeOn).toBe(true);
  });

  it('should hold reporting days in the eight quarters before this one only, never today or later, some quarters missed', () => {
    const current = quarterOf(now, 'Asia/Dushanbe');
    const window = Array.from({ length: HISTORY_QUARTERS }, (_, i) => addQuarters(current, -(i + 1)));
    for (const community of plan) {
      const quarters = community.days.map((day) => day.quarter);
      expect(new Set(quarters).size).toBe(quarters.length);
      for (const day of community.days) {
        expect(window).toContain(day.quarter);
        expect(day.heldOn < '2026-10-01').toBe(true);
        expect(day.heldOn >= community.activeOn).toBe(true);
      }
    }
    const khojaAlo = plan.find((community) => community.name === 'Khoja Alo');
    expect(khojaAlo?.days).toHaveLength(7);
    expect(khojaAlo?.days[0]).toMatchObject({ quarter: '2024-Q4', heldOn: '2024-10-25' });
  });

  it('should count plausibly: attendance growing, a few restricted and confidential concerns, survey answers that agree', () => {
    const days = plan.flatMap((community) => community.days);
    const sensitivities = new Set(days.flatMap((day) => day.concerns.map((concern) => concern.sensitivity)));
    expect([...sensitivities].sort()).toEqual(['confidential', 'public', 'restricted']);
    for (const day of days) {
      const n = sum(day.feedback.usefulness);
      expect(sum(day.feedback.trust)).toBe(n);
      expect(day.feedback.contactPoliceFirst.yes + day.feedback.contactPoliceFirst.no).toBe(n);
      expect(new Set(day.concerns.map((concern) => `${concern.topic}/${concern.sensitivity}`)).size).toBe(day.concerns.length);
      expect(day.concerns.every((concern) => concern.count >= 1 && concern.count <= 1000)).toBe(true);
    }
    const attendance = (day: (typeof days)[number]) => sum(Object.values(day.attendance.counts).flatMap((row) => Object.values(row)));
    const vorukh = plan.find((community) => community.name === 'Vorukh')?.days ?? [];
    expect(attendance(vorukh[vorukh.length - 1])).toBeGreaterThan(attendance(vorukh[0]));
  });

  it('should plan the same history on every start', () => {
    expect(planDemoHistory(now)).toEqual(plan);
  });
});

describe(apportion.name, () => {
  it('should split a total into whole numbers that add up to it', () => {
    expect(apportion(10, [1, 3, 4, 2])).toEqual([1, 3, 4, 2]);
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
});
