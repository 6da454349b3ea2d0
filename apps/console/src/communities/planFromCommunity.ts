import type { CommunityView, OrganisedBy, Role, TemplateView } from '@rd/contracts';

/** The handbook's reporting-day template family: preferred when the library holds several. */
export const REPORTING_DAY_TEMPLATE = 'reporting-day';

/**
 * Who organises a reporting day planned by this user (the hand-over measure): a police officer plans it for the
 * police (facilitated when the community has a partner NGO), an NGO admin for the NGO; anyone else (the national
 * coordinator) as the police with the partner NGO facilitating, or the police alone. The planner can change it.
 */
export function organisedByFor(roles: readonly Role[], hasFacilitator: boolean): OrganisedBy {
  if (roles.includes('police-officer')) return hasFacilitator ? 'police-ngo-facilitated' : 'police';
  if (roles.includes('ngo-admin')) return 'ngo';
  return hasFacilitator ? 'police-ngo-facilitated' : 'police';
}

/**
 * The template a new reporting day starts from: the latest version of the handbook's reporting-day family, else the
 * latest version of the newest family; none when the library is empty.
 */
export function latestTemplateId(templates: readonly TemplateView[]): string | undefined {
  const latest = (rows: readonly TemplateView[]) =>
    [...rows].sort((a, b) => b.version - a.version || b.createdAt.localeCompare(a.createdAt))[0] as TemplateView | undefined;
  const reportingDay = latest(templates.filter((template) => template.key === REPORTING_DAY_TEMPLATE));
  if (reportingDay) return reportingDay.id;
  const newest = [...templates].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return newest ? latest(templates.filter((template) => template.key === newest.key))?.id : undefined;
}

/** The create form's values taken from the community and the planner (the form's record; every field stays editable). */
export interface MeetingPrefill {
  kind: 'local';
  districtCode: string;
  communityId: string;
  policeUnitId?: string;
  facilitatingOrganisationId?: string;
  organisedBy: OrganisedBy;
  templateId?: string;
  title?: string;
}

export function meetingPrefill(
  community: Pick<CommunityView, 'id' | 'districtCode' | 'policeUnitId' | 'partnerOrganisationId'>,
  planner: { roles: readonly Role[]; organisationId?: string },
  templates: readonly TemplateView[],
  title?: string,
): MeetingPrefill {
  // An NGO admin of an NGO that is not yet the community's partner facilitates it with the own organisation.
  const facilitator = community.partnerOrganisationId ?? (planner.roles.includes('ngo-admin') ? planner.organisationId : undefined);
  const templateId = latestTemplateId(templates);
  return {
    kind: 'local',
    districtCode: community.districtCode,
    communityId: community.id,
    ...(community.policeUnitId ? { policeUnitId: community.policeUnitId } : {}),
    ...(facilitator ? { facilitatingOrganisationId: facilitator } : {}),
    organisedBy: organisedByFor(planner.roles, Boolean(facilitator)),
    ...(templateId ? { templateId } : {}),
    ...(title ? { title } : {}),
  };
}

/** Route of the create form with the prefill (react-admin reads `?source=` as the new record). */
export function meetingCreatePath(prefill: MeetingPrefill): string {
  return `/meetings/create?source=${encodeURIComponent(JSON.stringify(prefill))}`;
}

/** Route of the meetings list narrowed to one community (the filter shows on the list and can be cleared). */
export function communityMeetingsPath(communityId: string): string {
  return `/meetings?filter=${encodeURIComponent(JSON.stringify({ communityId }))}`;
}

/** Route of the concerns register narrowed to one community's open concerns. */
export function communityConcernsPath(communityId: string): string {
  return `/concerns?filter=${encodeURIComponent(JSON.stringify({ communityId, status: 'open' }))}`;
}
