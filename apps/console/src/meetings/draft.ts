/** A form's unsaved values kept in sessionStorage until the server has them: nothing is lost when a save fails. */
export function loadDraft<T>(key: string): T | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, value: unknown): void {
  try {
    globalThis.sessionStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the values stay in the form's state.
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.sessionStorage?.removeItem(key);
  } catch {
    // ignore
  }
}

export const GENDERS = ['women', 'men', 'other'] as const;
export const AGE_GROUPS = ['under18', 'from18to29', 'from30to59', 'from60'] as const;
export type Counts = Record<(typeof GENDERS)[number], Record<(typeof AGE_GROUPS)[number], number>>;

export const emptyCounts = (): Counts => ({
  women: { under18: 0, from18to29: 0, from30to59: 0, from60: 0 },
  men: { under18: 0, from18to29: 0, from30to59: 0, from60: 0 },
  other: { under18: 0, from18to29: 0, from30to59: 0, from60: 0 },
});

/** "" or junk → 0; negative → 0; decimals truncated. */
export const toCount = (text: string): number => {
  const value = Math.trunc(Number(text));
  return Number.isFinite(value) && value > 0 ? value : 0;
};

export const totalOf = (counts: Counts): number =>
  GENDERS.reduce((sum, gender) => sum + AGE_GROUPS.reduce((row, age) => row + counts[gender][age], 0), 0);
