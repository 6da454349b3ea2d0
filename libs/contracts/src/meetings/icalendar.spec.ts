import { icsEscapeText, icsFoldLine, icsGeoValue, icsUtc, icsVenueLines, venueMapUrl } from './icalendar';

describe('icalendar', () => {
  it('should escape text values', () => {
    expect(icsEscapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('should format times in UTC', () => {
    expect(icsUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });

  it('should fold lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'Ҳисоботдиҳӣ 🙂 '.repeat(12)}`;
    const parts = icsFoldLine(line).split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('should leave a line of exactly 75 octets whole and fold one of 76', () => {
    expect(icsFoldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(icsFoldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('should write GEO as latitude;longitude in plain decimals, never an exponent', () => {
    expect(icsGeoValue({ lat: 39.98, lng: 70.6 })).toBe('39.98;70.6');
    expect(icsGeoValue({ lat: -0.0000001, lng: 1e-7 })).toBe('0;0');
    expect(icsGeoValue({ lat: 0.0000015, lng: -179.1234567 })).toBe('0.000002;-179.123457');
    expect(icsGeoValue({ lat: -90, lng: 180 })).toBe('-90;180');
  });

  it('should link the venue on OpenStreetMap with a marker', () => {
    expect(venueMapUrl({ lat: 39.98, lng: 70.6 })).toBe('https://www.openstreetmap.org/?mlat=39.98&mlon=70.6#map=17/39.98/70.6');
  });

  it('should write GEO and the map link only for a venue with coordinates', () => {
    expect(icsVenueLines('Field; by the canal', null)).toEqual(['LOCATION:Field\\; by the canal']);
    expect(icsVenueLines('School', { lat: 40.1, lng: 70.2 })).toEqual([
      'LOCATION:School',
      'GEO:40.1;70.2',
      'DESCRIPTION:https://www.openstreetmap.org/?mlat=40.1&mlon=70.2#map=17/40.1/70.2',
    ]);
  });
});
