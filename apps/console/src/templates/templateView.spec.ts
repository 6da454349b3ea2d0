import { TemplateVersionInputSchema, type TemplateView } from '@rd/contracts';
import { addDays, offsetText, previewOf, templateFamilies, versionFormOf, versionInputOf } from './templateView';

const version = (key: string, n: number, name = 'Reporting day'): TemplateView => ({
  id: `${key}-${n}`,
  key,
  version: n,
  name,
  agenda: [{ kind: 'security-briefing', title: 'Security briefing', guidance: 'Brief on the situation' }],
  checklist: [
    { key: 'share-minutes', title: 'Share the minutes', offsetDays: 7 },
    { key: 'book-venue', title: 'Book a venue', offsetDays: -14, guidance: 'A place all can reach' },
  ],
  createdAt: '2026-12-01T00:00:00Z',
});

describe('handbook templates in the console', () => {
  it('should group versions by family, newest first, families by name', () => {
    const families = templateFamilies([version('reporting-day', 1), version('regional', 1, 'Regional day'), version('reporting-day', 2, 'Reporting day (2027)')]);
    expect(families.map((f) => [f.key, f.name, f.versions.map((v) => v.version)])).toEqual([
      ['regional', 'Regional day', [1]],
      ['reporting-day', 'Reporting day (2027)', [2, 1]],
    ]);
  });

  it('should put each step on the calendar of the previewed meeting, across months and years', () => {
    expect(addDays('2027-01-05', -14)).toBe('2026-12-22');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    const preview = previewOf(version('reporting-day', 1), '2027-01-05');
    expect(preview.checklist.map((s) => [s.key, s.dueDate])).toEqual([
      ['book-venue', '2026-12-22'],
      ['share-minutes', '2027-01-12'],
    ]);
    expect(preview.agenda[0]).toMatchObject({ position: 1, guidance: 'Brief on the situation' });
  });

  it('should say before, after or on the day', () => {
    expect(offsetText(-14)).toEqual({ key: 'resources.templates.offset.before', count: 14 });
    expect(offsetText(7)).toEqual({ key: 'resources.templates.offset.after', count: 7 });
    expect(offsetText(0).key).toBe('resources.templates.offset.onTheDay');
  });

  it('should send a new version as the contract wants it, blank guidance left out', () => {
    const form = versionFormOf(version('reporting-day', 1));
    const input = versionInputOf({ ...form, agenda: [{ ...form.agenda[0], guidance: '  ' }], checklist: form.checklist.map((s) => ({ ...s, offsetDays: String(s.offsetDays) })) });
    expect(TemplateVersionInputSchema.parse(input)).toEqual(input);
    expect(input.agenda[0]).toEqual({ kind: 'security-briefing', title: 'Security briefing' });
    expect(input.checklist[1]).toEqual({ key: 'book-venue', title: 'Book a venue', offsetDays: -14, guidance: 'A place all can reach' });
  });
});
