import { actorHasPermission } from '@rd/auth-core';
import {
  GetCommunityQryV1,
  ListCommunitiesQryV1,
  ListDistrictsQryV1,
  ListRegionsQryV1,
  type Actor,
  type ReportExportRequest,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';

const PAGE = 500;
/** A district has tens of communities; this bounds the name lookup of a malformed deployment. */
const MAX_COMMUNITY_PAGES = 8;

const pick = (name: Record<string, string>, language: string) => name[language] ?? name['en'] ?? Object.values(name)[0] ?? '';

/**
 * Place names for an export, in its language: the read model holds codes and ids only (events carry no
 * names). Asked with the requester's actor, so the job can only name what they may see; community names
 * only for roles that may open communities (never the regional reviewer).
 */
export async function resolveExportLabels(rpc: RpcClient, actor: Actor, request: ReportExportRequest, correlationId: string): Promise<Record<string, string>> {
  const context = { correlationId };
  const labels: Record<string, string> = {};
  // Names are a courtesy: a lookup the caller may not make leaves codes in the file rather than failing the export.
  const none = { items: [], total: 0 };
  const regions = await rpc.request(ListRegionsQryV1, actor, {}, context).catch(() => none);
  for (const region of regions.items) labels[region.code] = pick(region.name, request.language);
  const districts = await rpc.request(ListDistrictsQryV1, actor, {}, context).catch(() => none);
  for (const district of districts.items) labels[district.code] = pick(district.name, request.language);
  const mayNameCommunities = actorHasPermission(actor, 'community:read') && actorHasPermission(actor, 'report:drill-down');
  if (!mayNameCommunities) return labels;
  if (request.level === 'district' && request.code) {
    for (let page = 0, offset = 0; page < MAX_COMMUNITY_PAGES; page += 1, offset += PAGE) {
      const result = await rpc
        .request(ListCommunitiesQryV1, actor, { districtCode: request.code, offset, limit: PAGE, sort: 'name', order: 'ASC' }, context)
        .catch(() => none);
      for (const community of result.items) labels[community.id] = community.name;
      if (offset + PAGE >= result.total) break;
    }
  }
  if (request.level === 'community' && request.code) {
    const community = await rpc.request(GetCommunityQryV1, actor, { id: request.code }, context).catch(() => undefined);
    if (community) labels[community.id] = community.name;
  }
  return labels;
}
