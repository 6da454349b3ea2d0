import type { Coordinates } from '../geography/geography.dto';

/**
 * The text rules of iCalendar (RFC 5545) shared by the gateway's calendars and feeds and the notifications' invitation
 * attachments, so both write a meeting the same way (same UID, same venue lines). Plain functions: no Node APIs.
 */

/** Domain part of every UID, so UIDs are globally unique and stable per meeting (RFC 5545 §3.8.4.7). */
export const ICS_UID_DOMAIN = 'reporting-days';

/** TEXT escaping (RFC 5545 §3.3.11). */
export function icsEscapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** UTC DATE-TIME form, e.g. 20261201T050000Z. */
export function icsUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function utf8Octets(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return code < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function icsFoldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Six decimals (about 0.1 m), no exponent and no trailing zeros: `1e-7` is not an RFC 5545 FLOAT. */
function decimal(value: number): string {
  const fixed = value.toFixed(6).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** The value of an iCalendar GEO property (RFC 5545 §3.8.1.6): `latitude;longitude` as plain decimals. */
export function icsGeoValue(location: Coordinates): string {
  return `${decimal(location.lat)};${decimal(location.lng)}`;
}

/** A map of the venue anyone can open (OpenStreetMap, a marker at the point); the venue of a meeting is not confidential. */
export function venueMapUrl(location: Coordinates): string {
  const lat = decimal(location.lat);
  const lng = decimal(location.lng);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
}

/** LOCATION, and with coordinates GEO and a DESCRIPTION holding the map link (unfolded, unjoined content lines). */
export function icsVenueLines(venueName: string, location: Coordinates | null | undefined): string[] {
  const lines = [`LOCATION:${icsEscapeText(venueName)}`];
  if (location) lines.push(`GEO:${icsGeoValue(location)}`, `DESCRIPTION:${icsEscapeText(venueMapUrl(location))}`);
  return lines;
}
