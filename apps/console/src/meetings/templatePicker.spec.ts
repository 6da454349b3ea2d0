import type { TemplateView } from '@rd/contracts';
import { latestTemplateChoices, templateFields } from './templatePicker';

const template = (key: string, version: number, name: string, agenda = 1, checklist = 0): TemplateView => ({
  id: `00000000-0000-4000-8000-${String(version).padStart(6, '0')}${key.padEnd(6, '0').slice(0, 6)}`,
  key,
  version,
  name,
  agenda: Array.from({ length: agenda }, (_, index) => ({ kind: 'security-briefing' as const, title: `Item ${index + 1}` })),
  checklist: Array.from({ length: checklist }, (_, index) => ({ key: `step-${index}`, title: `Step ${index}`, offsetDays: -7 })),
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe(latestTemplateChoices.name, () => {
  it('should offer each template family once, at its latest version, whatever the list order', () => {
    const v1 = template('local', 1, 'Local reporting day', 3, 2);
    const v3 = template('local', 3, 'Local reporting day', 6, 4);
    const v2 = template('local', 2, 'Local reporting day', 5, 3);
    expect(latestTemplateChoices([v1, v3, v2])).toEqual([
      { id: v3.id, name: 'Local reporting day', version: 3, agendaItems: 6, checklistItems: 4 },
    ]);
  });

  it('should sort families by name', () => {
    const choices = latestTemplateChoices([template('regional', 1, 'Regional meeting'), template('field', 1, 'Harvest field meeting')]);
    expect(choices.map((choice) => choice.name)).toEqual(['Harvest field meeting', 'Regional meeting']);
  });

  it('should offer nothing when there are no templates', () => {
    expect(latestTemplateChoices([])).toEqual([]);
  });
});

describe(templateFields.name, () => {
  const choices = latestTemplateChoices([template('local', 2, 'Local reporting day')]);

  it('should send the picked version id with its version, pinning what the planner saw', () => {
    expect(templateFields(choices, choices[0].id)).toEqual({ templateId: choices[0].id, templateVersion: 2 });
  });

  it('should send no template fields without a pick or for an id no longer offered', () => {
    expect(templateFields(choices, null)).toEqual({});
    expect(templateFields(choices, undefined)).toEqual({});
    expect(templateFields(choices, '')).toEqual({});
    expect(templateFields(choices, '00000000-0000-4000-8000-999999999999')).toEqual({});
  });
});
