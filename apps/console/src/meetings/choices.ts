import { MEETING_KINDS, MEETING_STATUSES, ORGANISED_BY, VENUE_TYPES } from '@rd/contracts';

export const meetingStatusChoices = MEETING_STATUSES.map((id) => ({ id, name: `resources.meetings.statuses.${id}` }));
export const venueTypeChoices = VENUE_TYPES.map((id) => ({ id, name: `resources.meetings.venueTypes.${id}` }));
export const organisedByChoices = ORGANISED_BY.map((id) => ({ id, name: `resources.meetings.organisedBy.${id}` }));
export const meetingKindChoices = MEETING_KINDS.map((id) => ({ id, name: `resources.meetings.kinds.${id}` }));
