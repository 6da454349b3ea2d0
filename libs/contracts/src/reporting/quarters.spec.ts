import { QuarterSchema } from '../meetings/meeting.dto';
import { addQuarters, quartersBetween } from './report.dto';

// Fuzz case (apps/e2e/src/fuzz): POST /report-exports with quarter "0048-Q1" answered 500: the reporting service
// computed the previous quarter as "47-Q4", which parseQuarter refused ("not a quarter: 47-Q4").
describe('quarters of early years', () => {
  it('keeps four-digit years when stepping back', () => {
    expect(addQuarters('0048-Q1', -1)).toBe('0047-Q4');
    expect(addQuarters('1000-Q1', -1)).toBe('0999-Q4');
    expect(quartersBetween('0999-Q4', '1000-Q1')).toEqual(['0999-Q4', '1000-Q1']);
  });

  it('accepts years 1000-9999 only', () => {
    expect(QuarterSchema.safeParse('0048-Q1').success).toBe(false);
    expect(QuarterSchema.safeParse('0000-Q1').success).toBe(false);
    expect(QuarterSchema.safeParse('1000-Q1').success).toBe(true);
    expect(QuarterSchema.safeParse('2026-Q4').success).toBe(true);
  });
});
