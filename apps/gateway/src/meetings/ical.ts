import { ICS_UID_DOMAIN, icsEscapeText, icsFoldLine, icsUtc, icsVenueLines, type MeetingStatus, type MeetingView } from '@rd/contracts';

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

/** The calendar entry of a meeting (what `toICalendar` writes of it). */
export function calendarEventOf(meeting: MeetingView): CalendarEvent {
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: new Date(meeting.startsAt),
    durationMinutes: meeting.durationMinutes,
    venueName: meeting.venueName,
    venueLocation: meeting.venueLocation,
    status: meeting.status,
    sequence: meeting.sequence,
    updatedAt: new Date(meeting.updatedAt),
  };
}

/** How far back the calendar feeds reach: meetings starting from this many days ago. */
const PAST_DAYS = 180;

export function calendarFrom(now = Date.now()): string {
  return new Date(now - PAST_DAYS * 24 * 60 * 60 * 1000).toISOString();
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
export function toICalendar(events: readonly CalendarEvent[], options: { name?: string; now?: Date; refreshMinutes?: number } = {}): string {
  const stamp = options.now ?? new Date();
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${icsEscapeText(options.name)}`);
  // How often a subscribing app should fetch again (RFC 7986 REFRESH-INTERVAL, and the older X-PUBLISHED-TTL).
  if (options.refreshMinutes) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${options.refreshMinutes}M`);
  for (const event of events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(icsFoldLine).join('\r\n') + '\r\n';
}
