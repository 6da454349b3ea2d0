import { addQuarters, MAX_REPORT_QUARTERS, quarterIndex } from '@rd/contracts';

/** A report period: `from` and `to` are quarters like `2026-Q4`, both included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export type PeriodPreset = 'this-quarter' | 'last-quarter' | 'last-4' | 'this-year' | 'last-8';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['this-quarter', 'last-quarter', 'last-4', 'this-year', 'last-8'];

const QUARTER = /^\d{4}-Q[1-4]$/;

/** The period a preset stands for, relative to the current quarter. */
export function presetPeriod(preset: PeriodPreset, current: string): ReportPeriod {
  switch (preset) {
    case 'this-quarter':
      return { from: current, to: current };
    case 'last-quarter': {
      const last = addQuarters(current, -1);
      return { from: last, to: last };
    }
    case 'last-4':
      return { from: addQuarters(current, -3), to: current };
    case 'last-8':
      return { from: addQuarters(current, -7), to: current };
    case 'this-year':
      return { from: `${current.slice(0, 4)}-Q1`, to: current };
  }
}

/** The preset a period matches, if any (to highlight it in the picker). */
export function presetOf(period: ReportPeriod, current: string): PeriodPreset | undefined {
  return PERIOD_PRESETS.find((preset) => {
    const candidate = presetPeriod(preset, current);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

/** Quarters offered in the pickers, newest first: the current one and `count - 1` before it. */
export function quarterChoices(current: string, count = 16): string[] {
  return Array.from({ length: count }, (_, i) => addQuarters(current, -i));
}

/**
 * Checks a range picked by hand. The gateway refuses the same things (400), this only says so before asking.
 * Returns the i18n key of the problem, or null when the period is fine.
 */
export function periodProblem(period: ReportPeriod): string | null {
  if (!QUARTER.test(period.from) || !QUARTER.test(period.to)) return 'reporting.period.invalid';
  const span = quarterIndex(period.to) - quarterIndex(period.from) + 1;
  if (span < 1) return 'reporting.period.toBeforeFrom';
  if (span > MAX_REPORT_QUARTERS) return 'reporting.period.tooLong';
  return null;
}

/** Changing one end of the range keeps the other end valid: `to` never before `from`. */
export function withFrom(period: ReportPeriod, from: string): ReportPeriod {
  return quarterIndex(from) > quarterIndex(period.to) ? { from, to: from } : { ...period, from };
}

export function withTo(period: ReportPeriod, to: string): ReportPeriod {
  return quarterIndex(to) < quarterIndex(period.from) ? { from: to, to } : { ...period, to };
}

/** `2026-Q1 – 2026-Q4`, or just `2026-Q4` for one quarter. */
export function periodLabel(period: ReportPeriod): string {
  return period.from === period.to ? period.from : `${period.from} – ${period.to}`;
}
