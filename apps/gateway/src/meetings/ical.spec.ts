import { toICalendar, type CalendarEvent } from './ical';

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: '7f1c0a4e-6a55-4f59-9f55-0b2a1f2f1c11',
  title: 'Reporting day, Khoja Alo',
  startsAt: new Date('2026-12-01T05:00:00Z'),
  durationMinutes: 90,
  venueName: 'School No. 5; hall, first floor',
  venueLocation: { lat: 39.98, lng: 70.6 },
  status: 'scheduled',
  sequence: 2,
  updatedAt: new Date('2026-11-20T08:00:00Z'),
  ...over,
});

describe('ical', () => {
  const now = new Date('2026-11-24T10:11:12.345Z');

  it('should write a VCALENDAR with CRLF line ends and the required properties', () => {
    const text = toICalendar([event()], { now });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.replace(/\r\n /g, '').split('\r\n'); // unfolded
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Reporting Days//Meetings//EN']);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:7f1c0a4e-6a55-4f59-9f55-0b2a1f2f1c11@reporting-days',
        'DTSTAMP:20261124T101112Z',
        'DTSTART:20261201T050000Z',
        'DTEND:20261201T063000Z',
        'SEQUENCE:2',
        'SUMMARY:Reporting day\\, Khoja Alo',
        'LOCATION:School No. 5\\; hall\\, first floor',
        'GEO:39.98;70.6',
        'DESCRIPTION:https://www.openstreetmap.org/?mlat=39.98&mlon=70.6#map=17/39.98/70.6',
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
  });

  it('should mark cancelled meetings STATUS:CANCELLED and drafts TENTATIVE', () => {
    expect(toICalendar([event({ status: 'cancelled' })], { now })).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(toICalendar([event({ status: 'draft' })], { now })).toContain('\r\nSTATUS:TENTATIVE\r\n');
  });

  it('should write an empty calendar for no meetings', () => {
    expect(toICalendar([], { now })).not.toContain('BEGIN:VEVENT');
  });

  it('should write GEO as plain decimals and the map link in DESCRIPTION when the venue has coordinates', () => {
    const lines = toICalendar([event({ venueLocation: { lat: 40.0000001, lng: -0.0000001 } })], { now }).replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain('GEO:40;0');
    expect(lines).toContain('DESCRIPTION:https://www.openstreetmap.org/?mlat=40&mlon=0#map=17/40/0');
  });

  it('should write no GEO and no map link without coordinates', () => {
    const text = toICalendar([event({ venueLocation: null })], { now });
    expect(text).not.toContain('GEO:');
    expect(text).not.toContain('DESCRIPTION:');
  });
});
