import type { CommunityView } from '@rd/contracts';
import type { CommunityStatusChange } from './community-status-change.entity';
import type { Community } from './community.entity';
import { allowedTransitions, checklistOf, dayOf } from './onboarding';

/** The only place that decides what of a community leaves the service; the status history only for a single one. */
export function toCommunityView(community: Community, history?: readonly CommunityStatusChange[]): CommunityView {
  return {
    id: community.id,
    code: community.code,
    name: community.name,
    districtCode: community.districtCode,
    regionCode: community.regionCode,
    kind: community.kind,
    location: community.location ? { lat: community.location.lat, lng: community.location.lng } : null,
    population: community.population,
    borderAdjacent: community.borderAdjacent,
    languages: [...community.languages],
    status: community.status,
    pairedCommunityIds: [...community.pairedCommunityIds],
    partnerOrganisationId: community.partnerOrganisationId,
    policeUnitId: community.policeUnitId,
    officerContactId: community.officerContactId,
    focalPointContactIds: [...community.focalPointContactIds],
    localGovernmentContactId: community.localGovernmentContactId,
    firstMeetingId: community.firstMeetingId,
    checklist: checklistOf(community),
    allowedTransitions: allowedTransitions(community.status),
    statusChangedAt: community.statusChangedAt?.toISOString() ?? null,
    statusEffectiveOn: community.statusEffectiveOn === null ? null : dayOf(community.statusEffectiveOn),
    ...(history
      ? {
          statusHistory: history.map((change) => ({
            from: change.fromStatus,
            to: change.toStatus,
            effectiveOn: dayOf(change.effectiveOn),
            changedAt: change.changedAt.toISOString(),
            changedBy: change.changedBy,
            reason: change.reason,
          })),
        }
      : {}),
    createdAt: community.createdAt.toISOString(),
    updatedAt: community.updatedAt.toISOString(),
  };
}
