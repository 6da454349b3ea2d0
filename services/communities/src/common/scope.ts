import type { EntityManager } from '@mikro-orm/postgresql';
import { actorHasPermission, type Permission } from '@rd/auth-core';
import { actorCoversPlace, type Actor, type ActorScope } from '@rd/contracts';
import { District } from '../geography/district.entity';
import { CommunitiesErrorCode, CommunitiesException } from '../communities/communities.exception';

/** Services re-check the permission the gateway checked: a request from elsewhere gets no more. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorHasPermission(actor, permission)) {
    throw new CommunitiesException(CommunitiesErrorCode.NotPermitted, `Your role does not allow ${permission}`);
  }
}

/**
 * What of a place-bound record (organisation, contact) an actor may see: anything in its districts or
 * regions, plus region-level records (no district) of the regions its districts lie in — a district NGO
 * must be able to invite the regional law-enforcement department.
 */
export interface PlaceVisibility {
  scope: ActorScope;
  /** Regions of the single districts the actor holds. */
  parentRegions: string[];
}

export async function placeVisibility(em: EntityManager, scope: ActorScope): Promise<PlaceVisibility> {
  if (scope.national || scope.districts.length === 0) return { scope, parentRegions: [] };
  const districts = await em.find(District, { code: { $in: scope.districts } }, { fields: ['code', 'regionCode'] });
  return { scope, parentRegions: [...new Set(districts.map((d) => d.regionCode))] };
}

export function canSeePlace(visibility: PlaceVisibility, regionCode: string, districtCode: string | null): boolean {
  if (actorCoversPlace(visibility.scope, regionCode, districtCode)) return true;
  return districtCode === null && visibility.parentRegions.includes(regionCode);
}

/** A filter for rows with `regionCode` and a nullable `districtCode`, matching canSeePlace. */
export function placeFilter(visibility: PlaceVisibility): Record<string, unknown> {
  const { scope, parentRegions } = visibility;
  if (scope.national) return {};
  return {
    $or: [
      { districtCode: { $in: scope.districts } },
      { regionCode: { $in: scope.regions } },
      { districtCode: null, regionCode: { $in: parentRegions } },
    ],
  };
}

/** Escapes LIKE wildcards in user text. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
