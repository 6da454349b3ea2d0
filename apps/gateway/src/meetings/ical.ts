import type { MeetingStatus } from '@rd/contracts';

/** What a calendar entry shows; names only, no invitee data. */
export interface CalendarEvent {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  venueName: string;
  venueLocation: { lat: number; lng: number } | null;
  status: MeetingStatus;
  sequence: number;
  updatedAt: Date;
}

const PRODID = '-//Reporting Days//Meetings//EN';
/** Domain part of every UID, so UIDs are globally unique and stable per meeting (RFC 5545 §3.8.4.7). */
export const UID_DOMAIN = 'reporting-days';

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** UTC DATE-TIME form, e.g. 20261201T050000Z. */
export function formatUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
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

function icsStatus(status: MeetingStatus): 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED' {
  if (status === 'cancelled') return 'CANCELLED';
  return status === 'draft' ? 'TENTATIVE' : 'CONFIRMED';
}

function eventLines(event: CalendarEvent, stamp: Date): string[] {
  const end = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.id}@${UID_DOMAIN}`,
    `DTSTAMP:${formatUtc(stamp)}`,
    `DTSTART:${formatUtc(event.startsAt)}`,
    `DTEND:${formatUtc(end)}`,
    `SEQUENCE:${event.sequence}`,
    `SUMMARY:${escapeText(event.title)}`,
    `LOCATION:${escapeText(event.venueName)}`,
  ];
  if (event.venueLocation) lines.push(`GEO:${event.venueLocation.lat};${event.venueLocation.lng}`);
  lines.push(`STATUS:${icsStatus(event.status)}`, `LAST-MODIFIED:${formatUtc(event.updatedAt)}`, 'END:VEVENT');
  return lines;
}

/** An iCalendar object (RFC 5545) with one VEVENT per meeting; CRLF line ends, folded lines. */
export function toICalendar(events: readonly CalendarEvent[], options: { name?: string; now?: Date } = {}): string {
  const stamp = options.now ?? new Date();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const event of events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
