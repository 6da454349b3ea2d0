import { COMMUNITY_STATUSES, type CommunityStatus, type DistrictReport } from '@rd/contracts';
import type { DistrictSummary } from './district-summary.entity';

function allStatuses(counts: Partial<Record<CommunityStatus, number>>): Record<CommunityStatus, number> {
  return Object.fromEntries(COMMUNITY_STATUSES.map((status) => [status, counts[status] ?? 0])) as Record<CommunityStatus, number>;
}

export function toDistrictReport(summary: DistrictSummary): DistrictReport {
  return {
    districtCode: summary.districtCode,
    regionCode: summary.regionCode,
    communities: { total: summary.communitiesTotal, byStatus: allStatuses(summary.communitiesByStatus) },
    updatedAt: summary.updatedAt.toISOString(),
  };
}

/** A district no event has mentioned yet. */
export function emptyDistrictReport(districtCode: string): DistrictReport {
  return { districtCode, regionCode: null, communities: { total: 0, byStatus: allStatuses({}) }, updatedAt: null };
}
