import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { CoordinatesSchema } from '../geography/geography.dto';
import { DEFAULT_TIME_ZONE } from '../time/quarters';

export const MEETING_KINDS = ['local', 'regional'] as const;
export const MeetingKindSchema = z.enum(MEETING_KINDS).describe('local: one community; regional: several communities');
export type MeetingKind = z.infer<typeof MeetingKindSchema>;

export const MEETING_STATUSES = ['draft', 'scheduled', 'postponed', 'held', 'closed', 'cancelled'] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES).describe('Lifecycle status of a meeting');
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

export const VENUE_TYPES = ['administrative-building', 'school', 'community-centre', 'open-air', 'other'] as const;
export const VenueTypeSchema = z.enum(VENUE_TYPES).describe('Kind of venue (open-air: a field, e.g. during harvest)');
export type VenueType = z.infer<typeof VenueTypeSchema>;

/** Who organised the meeting: the hand-over measure (police organising on their own is the goal). */
export const ORGANISED_BY = ['police', 'police-ngo-facilitated', 'ngo'] as const;
export const OrganisedBySchema = z.enum(ORGANISED_BY).describe('Who organised the meeting (hand-over measure)');
export type OrganisedBy = z.infer<typeof OrganisedBySchema>;

export const QuarterSchema = z
  .string()
  // Years 1000-9999: the quarter before a year-0000 quarter has no four-digit form (fuzz case: 0048-Q1 was a 500).
  .regex(/^[1-9]\d{3}-Q[1-4]$/, 'must be a quarter like "2026-Q4"')
  .describe('Calendar quarter, e.g. 2026-Q4');

/** An IANA time zone name the runtime knows (checked with Intl). */
export const TimeZoneSchema = z
  .string()
  .min(3)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, `must be an IANA time zone like "${DEFAULT_TIME_ZONE}"`)
  .describe('IANA time zone');

const uuids = (max: number, what: string) => z.array(z.string().uuid()).max(max).describe(what);

const meetingFields = {
  title: z.string().trim().min(3).max(200).describe('Title shown in calendars'),
  startsAt: z.string().datetime({ offset: true }).describe('Start (ISO 8601; stored in UTC)'),
  durationMinutes: z.number().int().min(15).max(720).describe('Planned duration in minutes'),
  venueName: z.string().trim().min(2).max(200).describe('Venue, as residents know it'),
  venueType: VenueTypeSchema,
  venueLocation: CoordinatesSchema.nullable().describe('Venue location, when known'),
  venueAccessibility: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .describe('How residents reach the venue: step-free access, transport, shade or water in a field; null when none'),
  policeUnitId: z.string().uuid().nullable().describe('Organising police unit (organisation id)'),
  facilitatingOrganisationId: z.string().uuid().nullable().describe('Facilitating organisation (NGO), or null'),
  organisedBy: OrganisedBySchema,
  inviteeContactIds: uuids(200, 'Invited contacts (officials, focal points)'),
  inviteeOrganisationIds: uuids(100, 'Invited organisations'),
};

/** Body of POST /meetings: creates a draft. The district is given by the planner; its region and time zone are looked up. */
export const CreateMeetingInputSchema = z
  .object({
    kind: MeetingKindSchema,
    communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities the meeting is for (all in the district)'),
    districtCode: GeoCodeSchema.describe('District the meeting is held in'),
    ...meetingFields,
    durationMinutes: meetingFields.durationMinutes.default(120),
    venueLocation: meetingFields.venueLocation.optional(),
    venueAccessibility: meetingFields.venueAccessibility.optional(),
    policeUnitId: meetingFields.policeUnitId.optional(),
    facilitatingOrganisationId: meetingFields.facilitatingOrganisationId.optional(),
    inviteeContactIds: meetingFields.inviteeContactIds.default([]),
    inviteeOrganisationIds: meetingFields.inviteeOrganisationIds.default([]),
    templateId: z.string().uuid().optional().describe('Handbook template (any version of its family): its agenda and checklist are copied at creation'),
    templateVersion: z.number().int().positive().optional().describe('Version of that template family to copy (default: the latest)'),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.templateVersion !== undefined && input.templateId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['templateVersion'], message: 'give templateId with templateVersion' });
    }
    if (input.kind === 'local' && input.communityIds.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['communityIds'], message: 'a local meeting is for exactly one community' });
    }
    if (input.kind === 'regional' && input.communityIds.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['communityIds'], message: 'a regional meeting is for two or more communities' });
    }
    if (new Set(input.communityIds).size !== input.communityIds.length) {
      ctx.addIssue({ code: 'custom', path: ['communityIds'], message: 'communities must not repeat' });
    }
  });
export type CreateMeetingInput = z.infer<typeof CreateMeetingInputSchema>;

/** Fields that may change while the meeting is a draft, scheduled or postponed. The date of a scheduled or postponed meeting moves by postponing. */
export const UpdateMeetingInputSchema = z
  .object({
    title: meetingFields.title.optional(),
    startsAt: meetingFields.startsAt.optional(),
    durationMinutes: meetingFields.durationMinutes.optional(),
    venueName: meetingFields.venueName.optional(),
    venueType: VenueTypeSchema.optional(),
    venueLocation: meetingFields.venueLocation.optional(),
    venueAccessibility: meetingFields.venueAccessibility.optional(),
    policeUnitId: meetingFields.policeUnitId.optional(),
    facilitatingOrganisationId: meetingFields.facilitatingOrganisationId.optional(),
    organisedBy: OrganisedBySchema.optional(),
    inviteeContactIds: meetingFields.inviteeContactIds.optional(),
    inviteeOrganisationIds: meetingFields.inviteeOrganisationIds.optional(),
  })
  .strict();
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInputSchema>;

/** Body of POST /meetings/{id}/transitions. */
export const TransitionMeetingInputSchema = z
  .object({
    to: MeetingStatusSchema.describe('Target status'),
    reason: z.string().trim().min(1).max(500).optional().describe('Why (required to postpone or cancel; kept in history, never in events)'),
    newStartsAt: z.string().datetime({ offset: true }).optional().describe('New start when postponing (ISO 8601)'),
    startedAt: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe('When a held meeting really started (ISO 8601; only with to=held, default: when it is recorded). A phone that recorded it offline sends it later.'),
  })
  .strict();
export type TransitionMeetingInput = z.infer<typeof TransitionMeetingInputSchema>;

export const MeetingStatusChangeViewSchema = z.object({
  from: MeetingStatusSchema,
  to: MeetingStatusSchema,
  reason: z.string().nullable().describe('Reason given'),
  previousStartsAt: z.string().nullable().describe('Start before a postponement (UTC)'),
  newStartsAt: z.string().nullable().describe('Start after a postponement (UTC)'),
  changedAt: z.string().describe('When (UTC)'),
});
export type MeetingStatusChangeView = z.infer<typeof MeetingStatusChangeViewSchema>;

export const MeetingViewSchema = z.object({
  id: z.string().uuid(),
  kind: MeetingKindSchema,
  title: z.string(),
  communityIds: z.array(z.string().uuid()),
  districtCode: GeoCodeSchema,
  regionCode: GeoCodeSchema,
  timeZone: z.string().describe('IANA time zone of the district'),
  startsAt: z.string().describe('Start (UTC, ISO 8601)'),
  startsAtLocal: z.string().describe('Start in the district time zone, e.g. 2026-12-01T10:00:00+05:00'),
  durationMinutes: z.number().int(),
  quarter: QuarterSchema,
  venueName: z.string(),
  venueType: VenueTypeSchema,
  venueLocation: CoordinatesSchema.nullable(),
  venueAccessibility: z.string().nullable().optional().describe('How residents reach the venue (null when none given)'),
  policeUnitId: z.string().uuid().nullable(),
  facilitatingOrganisationId: z.string().uuid().nullable(),
  organisedBy: OrganisedBySchema,
  inviteeContactIds: z.array(z.string().uuid()),
  inviteeOrganisationIds: z.array(z.string().uuid()),
  status: MeetingStatusSchema,
  statusReason: z.string().nullable().describe('Reason of the last postponement or cancellation'),
  allowedTransitions: z.array(MeetingStatusSchema).describe('Statuses reachable from here'),
  history: z.array(MeetingStatusChangeViewSchema).describe('Status changes, oldest first'),
  sequence: z.number().int().min(0).describe('iCalendar SEQUENCE: bumped whenever the calendar entry changes'),
  heldAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  recordedAfterwards: z.boolean().optional().describe('A reporting day held before the software, recorded afterwards (ADR 35)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingView = z.infer<typeof MeetingViewSchema>;
