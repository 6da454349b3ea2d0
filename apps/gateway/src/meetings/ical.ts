import { ICS_UID_DOMAIN, icsEscapeText, icsFoldLine, icsUtc, icsVenueLines, type MeetingStatus } from '@rd/contracts';

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

function icsStatus(status: MeetingStatus): 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED' {
  if (status === 'cancelled') return 'CANCELLED';
  return status === 'draft' ? 'TENTATIVE' : 'CONFIRMED';
}

function eventLines(event: CalendarEvent, stamp: Date): string[] {
  const end = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
  return [
    'BEGIN:VEVENT',
    `UID:${event.id}@${ICS_UID_DOMAIN}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(end)}`,
    `SEQUENCE:${event.sequence}`,
    `SUMMARY:${icsEscapeText(event.title)}`,
    ...icsVenueLines(event.venueName, event.venueLocation),
    `STATUS:${icsStatus(event.status)}`,
    `LAST-MODIFIED:${icsUtc(event.updatedAt)}`,
    'END:VEVENT',
  ];
}

/** An iCalendar object (RFC 5545) with one VEVENT per meeting; CRLF line ends, folded lines. */
export function toICalendar(events: readonly CalendarEvent[], options: { name?: string; now?: Date } = {}): string {
  const stamp = options.now ?? new Date();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${icsEscapeText(options.name)}`);
  for (const event of events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(icsFoldLine).join('\r\n') + '\r\n';
}
