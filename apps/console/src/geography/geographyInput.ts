// Form values → request bodies for regions and districts. The gateway's schemas are strict, so a body carries
// exactly the contract's fields: no `id`, no read-only `code` on update, empty translations left out.

export const NAME_LOCALES = ['en', 'ru', 'tg', 'ky'] as const;
export type NameLocale = (typeof NAME_LOCALES)[number];

export type NameValues = Partial<Record<NameLocale, string | null>>;
export interface CoordinateValues {
  lat?: number | string | null;
  lng?: number | string | null;
}

export interface PlaceName {
  en: string;
  ru?: string;
  tg?: string;
  ky?: string;
}
export interface Point {
  lat: number;
  lng: number;
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** English is required by the contract; the other names are sent only when filled in. */
export function toLocalizedName(values: NameValues | null | undefined): PlaceName {
  const name: PlaceName = { en: values?.en?.trim() ?? '' };
  for (const locale of NAME_LOCALES) {
    const value = values?.[locale]?.trim();
    if (locale !== 'en' && value) name[locale] = value;
  }
  return name;
}

/** Both coordinates → a point; neither → null (no location); one of them only is refused by the form validator. */
export function toPoint(values: CoordinateValues | null | undefined): Point | null {
  if (!values || blank(values.lat) || blank(values.lng)) return null;
  return { lat: Number(values.lat), lng: Number(values.lng) };
}

/** Form-level check: latitude and longitude come together. Returns field errors as react-admin expects them. */
export function validateCoordinatePair(values: { location?: CoordinateValues | null }, source = 'location') {
  const location = values.location;
  if (!location) return {};
  const hasLat = !blank(location.lat);
  const hasLng = !blank(location.lng);
  if (hasLat === hasLng) return {};
  const message = 'app.geography.bothCoordinates';
  return hasLat ? { [source]: { lng: message } } : { [source]: { lat: message } };
}

export interface RegionFormValues {
  code?: string;
  countryCode?: string;
  name?: NameValues;
  location?: CoordinateValues | null;
}

export function toCreateRegionInput(values: RegionFormValues) {
  const location = toPoint(values.location);
  return {
    code: values.code?.trim(),
    countryCode: values.countryCode?.trim().toUpperCase(),
    name: toLocalizedName(values.name),
    ...(location ? { location } : {}),
  };
}

/** The patch: name and location (null clears it); code and country never change. */
export function toUpdateRegionInput(values: RegionFormValues) {
  return { name: toLocalizedName(values.name), location: toPoint(values.location) };
}

export interface DistrictFormValues {
  code?: string;
  regionCode?: string;
  timeZone?: string;
  name?: NameValues;
  location?: CoordinateValues | null;
}

export function toCreateDistrictInput(values: DistrictFormValues) {
  const location = toPoint(values.location);
  return {
    code: values.code?.trim(),
    regionCode: values.regionCode,
    name: toLocalizedName(values.name),
    ...(blank(values.timeZone) ? {} : { timeZone: values.timeZone?.trim() }),
    ...(location ? { location } : {}),
  };
}

export function toUpdateDistrictInput(values: DistrictFormValues) {
  return {
    name: toLocalizedName(values.name),
    ...(blank(values.timeZone) ? {} : { timeZone: values.timeZone?.trim() }),
    location: toPoint(values.location),
  };
}
