import { ICS_UID_DOMAIN, icsEscapeText, icsFoldLine, icsUtc, icsVenueLines } from '@rd/contracts';
import type { MessageData } from '../templates/render';

/**
 * The calendar entry sent with invitations, updates and cancellations (RFC 5545 / iTIP RFC 5546). The UID is the
 * one the gateway's calendar feeds use (`<meeting id>@reporting-days`), so a calendar keeps one entry per meeting
 * and SEQUENCE orders the updates. The venue lines (LOCATION, GEO and the map link) are the feeds' too.
 */
export type IcsMeeting = Pick<NonNullable<MessageData['meeting']>, 'id' | 'title' | 'startsAt' | 'durationMinutes' | 'venueName' | 'venueLocation' | 'sequence'>;

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
    `UID:${meeting.id}@${ICS_UID_DOMAIN}`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART:${icsUtc(start)}`,
    `DTEND:${icsUtc(end)}`,
    `SEQUENCE:${meeting.sequence}`,
    `SUMMARY:${icsEscapeText(meeting.title)}`,
    ...icsVenueLines(meeting.venueName, meeting.venueLocation),
    `ORGANIZER:mailto:${organiserEmail}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(icsFoldLine).join('\r\n') + '\r\n';
}
