/**
 * The calendar entry sent with invitations, updates and cancellations (RFC 5545 / iTIP RFC 5546). The UID is the
 * one the gateway's calendar feeds use (`<meeting id>@reporting-days`), so a calendar keeps one entry per meeting
 * and SEQUENCE orders the updates.
 */
export interface IcsMeeting {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  venueName: string;
  sequence: number;
}

const escapeText = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
const utc = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > (out.length === 0 ? 75 : 74)) {
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

export function meetingIcs(meeting: IcsMeeting, method: 'REQUEST' | 'CANCEL', organiserEmail: string, now = new Date()): string {
  const start = new Date(meeting.startsAt);
  const end = new Date(start.getTime() + meeting.durationMinutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Reporting Days//Notifications//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${meeting.id}@reporting-days`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SEQUENCE:${meeting.sequence}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    `LOCATION:${escapeText(meeting.venueName)}`,
    `ORGANIZER:mailto:${organiserEmail}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
