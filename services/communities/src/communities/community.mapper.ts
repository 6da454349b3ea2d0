import type { CommunityView } from '@rd/contracts';
import type { Community } from './community.entity';

/** The only place that decides what of a community leaves the service. */
export function toCommunityView(community: Community): CommunityView {
  return {
    id: community.id,
    name: community.name,
    districtCode: community.districtCode,
    regionCode: community.regionCode,
    kind: community.kind,
    population: community.population,
    borderAdjacent: community.borderAdjacent,
    languages: [...community.languages],
    status: community.status,
    createdAt: community.createdAt.toISOString(),
  };
}
