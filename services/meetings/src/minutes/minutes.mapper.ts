import { SENSITIVITY_READERS } from '@rd/auth-core';
import { SENSITIVITIES, type Actor, type MinutesApprovedEvtV1, type DataOf, type MinutesView, type MinutesVersionView, type MinutesConcernSection, type Sensitivity } from '@rd/contracts';
import type { Meeting } from '../meetings/meeting.entity';
import type { Minutes, MinutesVersion } from './minutes.entity';

/** The gateway path where an authorised user reads the minutes (the event carries it, never the body). */
export const minutesPath = (meetingId: string): string => `/api/v1/meetings/${meetingId}/minutes`;

/**
 * The concern section as one reader may see it (ADR 0011): per topic, only the counts of the
 * sensitivities their role reads (local government and the notifications service actor: public; police and NGO:
 * public and restricted; confidential: the national coordinator only, since a topic with "1 confidential" in a small
 * meeting says who raised what). Topics left with nothing are dropped; the totals per sensitivity stay.
 */
export function sectionFor(actor: Actor, section: MinutesConcernSection): MinutesConcernSection {
  // Public is what every holder of minutes:read reads (the service actor has no role but that permission).
  const reads = (sensitivity: Sensitivity) =>
    sensitivity === 'public' || actor.roles.includes('national-coordinator') || actor.roles.some((role) => SENSITIVITY_READERS[sensitivity].includes(role));
  const byTopic = section.byTopic
    .map((entry) => ({
      ...entry,
      counts: Object.fromEntries(SENSITIVITIES.map((s) => [s, reads(s) ? entry.counts[s] : 0])) as Record<Sensitivity, number>,
    }))
    .filter((entry) => SENSITIVITIES.some((s) => entry.counts[s] > 0));
  return { ...section, byTopic };
}

export function toMinutesView(meetingId: string, minutes: Minutes | null, concerns: MinutesConcernSection): MinutesView {
  return {
    meetingId,
    status: minutes?.status ?? 'none',
    version: minutes?.version ?? 0,
    body: minutes?.body ?? '',
    language: minutes?.language ?? 'ru',
    updatedBy: minutes?.updatedBy ?? null,
    updatedAt: minutes?.updatedAt.toISOString() ?? null,
    approvedBy: minutes?.approvedBy ?? null,
    approvedAt: minutes?.approvedAt?.toISOString() ?? null,
    concerns,
  };
}

export function toMinutesVersionView(version: MinutesVersion): MinutesVersionView {
  return { version: version.version, body: version.body, language: version.language, createdBy: version.createdBy, createdAt: version.createdAt.toISOString() };
}

type MeetingFields = Pick<Meeting, 'id' | 'communityIds' | 'districtCode' | 'regionCode' | 'quarter' | 'heldAt' | 'policeUnitId' | 'facilitatingOrganisationId' | 'inviteeOrganisationIds'>;

/** The distribution event: ids, counts and a path. Never the body, never concern text. */
export function minutesApprovedPayload(meeting: MeetingFields, minutes: Minutes, concerns: MinutesConcernSection): DataOf<typeof MinutesApprovedEvtV1> {
  const recipients: DataOf<typeof MinutesApprovedEvtV1>['recipients'] = [];
  const seen = new Set<string>();
  const add = (organisationId: string | null, kind: (typeof recipients)[number]['kind']) => {
    if (!organisationId || seen.has(organisationId)) return;
    seen.add(organisationId);
    recipients.push({ organisationId, kind });
  };
  add(meeting.policeUnitId, 'police-unit');
  add(meeting.facilitatingOrganisationId, 'facilitating-organisation');
  for (const id of meeting.inviteeOrganisationIds) add(id, 'invited-organisation');
  return {
    meetingId: meeting.id,
    communityIds: [...meeting.communityIds],
    districtCode: meeting.districtCode,
    regionCode: meeting.regionCode,
    quarter: meeting.quarter,
    heldAt: meeting.heldAt?.toISOString() ?? null,
    approvedAt: (minutes.approvedAt ?? new Date()).toISOString(),
    version: minutes.version,
    language: minutes.language,
    recipients,
    summary: { concernsTotal: concerns.total, concernsBySensitivity: { ...concerns.bySensitivity }, topics: concerns.byTopic.length },
    minutesPath: minutesPath(meeting.id),
  };
}
