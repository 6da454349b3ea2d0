import { toZonedIso, type MeetingStatusChangeView, type MeetingView } from '@rd/contracts';
import { allowedTransitions } from './meeting-lifecycle';
import type { MeetingStatusChange } from './meeting-status-change.entity';
import type { Meeting } from './meeting.entity';

function toChangeView(change: MeetingStatusChange): MeetingStatusChangeView {
  return {
    from: change.fromStatus,
    to: change.toStatus,
    reason: change.reason,
    previousStartsAt: change.previousStartsAt?.toISOString() ?? null,
    newStartsAt: change.newStartsAt?.toISOString() ?? null,
    changedAt: change.changedAt.toISOString(),
  };
}

/** The only place that decides what of a meeting leaves the service. */
export function toMeetingView(meeting: Meeting, history: readonly MeetingStatusChange[] = []): MeetingView {
  return {
    id: meeting.id,
    kind: meeting.kind,
    title: meeting.title,
    communityIds: [...meeting.communityIds],
    districtCode: meeting.districtCode,
    regionCode: meeting.regionCode,
    timeZone: meeting.timeZone,
    startsAt: meeting.startsAt.toISOString(),
    startsAtLocal: toZonedIso(meeting.startsAt, meeting.timeZone),
    durationMinutes: meeting.durationMinutes,
    quarter: meeting.quarter,
    venueName: meeting.venueName,
    venueType: meeting.venueType,
    venueLocation: meeting.venueLocation ? { lat: meeting.venueLocation.lat, lng: meeting.venueLocation.lng } : null,
    venueAccessibility: meeting.venueAccessibility,
    policeUnitId: meeting.policeUnitId,
    facilitatingOrganisationId: meeting.facilitatingOrganisationId,
    organisedBy: meeting.organisedBy,
    inviteeContactIds: [...meeting.inviteeContactIds],
    inviteeOrganisationIds: [...meeting.inviteeOrganisationIds],
    status: meeting.status,
    statusReason: meeting.statusReason,
    allowedTransitions: allowedTransitions(meeting.status),
    history: [...history].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime()).map(toChangeView),
    sequence: meeting.sequence,
    heldAt: meeting.heldAt?.toISOString() ?? null,
    closedAt: meeting.closedAt?.toISOString() ?? null,
    recordedAfterwards: meeting.recordedAfterwards,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
