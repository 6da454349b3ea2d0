import { BriefingInputSchema, type BriefingView } from '@rd/contracts';
import { briefingInput, inLanguage, latestVersions, versionsOf } from './briefingText';

const row = (familyId: string, version: number, en: string): BriefingView => ({
  id: `${familyId}-${version}`,
  familyId,
  version,
  title: { en },
  summary: { en: 's' },
  body: { en: 'b' },
  effectiveDate: '2026-01-01',
  createdBy: 'u',
  createdAt: '2026-01-01T00:00:00Z',
});

describe('legal briefings in the console', () => {
  it('should show the reader language and fall back to English', () => {
    expect(inLanguage({ en: 'Pastures', ru: 'Пастбища' }, 'ru')).toBe('Пастбища');
    expect(inLanguage({ en: 'Pastures', ru: ' ' }, 'ru')).toBe('Pastures');
    expect(inLanguage({ en: 'Pastures' }, 'ky')).toBe('Pastures');
  });

  it('should send English always and other languages only when written, as the contract wants', () => {
    const input = briefingInput({
      title: { en: ' Use of pastures abroad ', ru: 'Пастбища за рубежом', tg: '' },
      summary: { en: 'What changes', ky: null },
      body: { en: 'Full text' },
      effectiveDate: '2027-01-01T00:00:00.000Z',
    });
    expect(input).toEqual({
      title: { en: 'Use of pastures abroad', ru: 'Пастбища за рубежом' },
      summary: { en: 'What changes' },
      body: { en: 'Full text' },
      effectiveDate: '2027-01-01',
    });
    expect(BriefingInputSchema.safeParse(input).success).toBe(true);
    expect(BriefingInputSchema.safeParse(briefingInput({ title: { en: '' }, effectiveDate: '' })).success).toBe(false);
  });

  it('should list the versions of one briefing newest first, and the newest of each for presenting', () => {
    const all = [row('a', 1, 'Border rules'), row('b', 1, 'A new law'), row('a', 2, 'Border rules')];
    expect(versionsOf(all, 'a').map((r) => r.version)).toEqual([2, 1]);
    expect(latestVersions(all).map((r) => r.id)).toEqual(['b-1', 'a-2']);
  });
});
