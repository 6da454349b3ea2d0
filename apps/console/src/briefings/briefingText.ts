import type { BriefingInput, BriefingView } from '@rd/contracts';

export const BRIEFING_LANGUAGES = ['en', 'ru', 'tg', 'ky'] as const;
type Language = (typeof BRIEFING_LANGUAGES)[number];
type Localised = Partial<Record<Language, string | null>>;

/** The text in the reader's language, else in English (the only one a briefing must have). */
export function inLanguage(text: Localised | undefined, locale: string): string {
  const wanted = text?.[locale as Language]?.trim();
  return wanted || text?.en?.trim() || '';
}

/** The form's values as the contract wants them: English required, other languages only when written. */
export function briefingInput(form: { title?: Localised; summary?: Localised; body?: Localised; effectiveDate?: string | null }): BriefingInput {
  const localised = (text: Localised | undefined) => {
    const out: Localised = { en: text?.en?.trim() ?? '' };
    for (const language of BRIEFING_LANGUAGES.slice(1)) {
      const value = text?.[language]?.trim();
      if (value) out[language] = value;
    }
    return out as BriefingInput['title'];
  };
  return { title: localised(form.title), summary: localised(form.summary), body: localised(form.body), effectiveDate: String(form.effectiveDate ?? '').slice(0, 10) };
}

/** Every version of a briefing family, newest first. */
export function versionsOf(all: readonly BriefingView[], familyId: string): BriefingView[] {
  return all.filter((row) => row.familyId === familyId).sort((a, b) => b.version - a.version);
}

/** Only the newest version of each briefing, for choosing what to present. */
export function latestVersions(all: readonly BriefingView[]): BriefingView[] {
  const newest = new Map<string, BriefingView>();
  for (const row of all) if ((newest.get(row.familyId)?.version ?? 0) < row.version) newest.set(row.familyId, row);
  return [...newest.values()].sort((a, b) => a.title.en.localeCompare(b.title.en));
}
