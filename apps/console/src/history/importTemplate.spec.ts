import { CONCERN_TOPICS, SENSITIVITIES } from '@rd/contracts';
import { PAST_DAY_COLUMNS, pastDayTemplateCsv } from './importTemplate';

describe(pastDayTemplateCsv.name, () => {
  const [header, example] = pastDayTemplateCsv().replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));

  it('should name every count column of ADR 35 once, the community by name and district', () => {
    expect(header.slice(0, 3)).toEqual(['communityName', 'districtCode', 'heldOn']);
    expect(header).toContain('women_under18');
    expect(header).toContain('other_60plus');
    expect(header.filter((column) => column.startsWith('concerns_'))).toHaveLength(CONCERN_TOPICS.length * SENSITIVITIES.length);
    expect(header).toEqual(expect.arrayContaining([...PAST_DAY_COLUMNS.feedback]));
    expect(new Set(header).size).toBe(header.length);
  });

  it('should give an example row whose survey counts agree (10 respondents for each question)', () => {
    const value = (column: string) => Number(example[header.indexOf(column)] || 0);
    const total = (columns: readonly string[]) => columns.reduce((sum, column) => sum + value(column), 0);
    expect(example).toHaveLength(header.length);
    expect(total(PAST_DAY_COLUMNS.feedback.filter((c) => c.startsWith('usefulness')))).toBe(10);
    expect(total(PAST_DAY_COLUMNS.feedback.filter((c) => c.startsWith('trust')))).toBe(10);
    expect(value('contact_yes') + value('contact_no')).toBe(10);
  });
});
