/** A region's or district's name in the UI language, else English, else its code. */
export function placeName(place: { code?: string; name?: Record<string, string | undefined> } | undefined, locale: string) {
  return place?.name?.[locale] || place?.name?.en || place?.code || '';
}
