/** A district's name in the UI language, else English, else its code. */
export function districtName(district: { code?: string; name?: Record<string, string> } | undefined, locale: string) {
  return district?.name?.[locale] || district?.name?.en || district?.code || '';
}
