import { actionChoices, resourceTypeChoices, toInstant } from './choices';

describe(toInstant.name, () => {
  it('should turn the local time of the input into an instant, and leave empty or broken values out', () => {
    expect(toInstant('2026-11-24T10:30')).toBe(new Date(2026, 10, 24, 10, 30).toISOString());
    expect(toInstant('')).toBeUndefined();
    expect(toInstant(null)).toBeUndefined();
    expect(toInstant('not a date')).toBeUndefined();
  });
});

describe('audit filter choices', () => {
  it('should offer each permission as an action and each resource once', () => {
    expect(actionChoices.map((c) => c.id)).toContain('community:create');
    const resources = resourceTypeChoices.map((c) => c.id);
    expect(resources).toEqual([...new Set(resources)]);
    expect(resources).toEqual(expect.arrayContaining(['audit', 'community', 'report']));
  });
});
