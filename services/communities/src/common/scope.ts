import type { EntityManager } from '@mikro-orm/postgresql';
import { actorHasPermission, type Permission } from '@rd/auth-core';
import { actorCoversPlace, DomainException, type Actor, type ActorScope } from '@rd/contracts';
import { District } from '../geography/district.entity';

/** Services re-check the permission the gateway checked: a request from elsewhere gets no more. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorHasPermission(actor, permission)) {
    throw new DomainException('auth.forbidden', `Your role does not allow ${permission}`);
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

/**
 * The district/region rule for a reference between two place-bound records (a contact and its organisation, a
 * community and its police unit, …): they lie in the same district, or one of them is a region-level record
 * (no district) of the other's region. A district record never points into another district, nor across a
 * region: a contact of Isfara cannot belong to a Batken organisation (it would receive Batken's invitations
 * and minutes). docs/adr/0006-community-onboarding-and-contacts.md.
 */
export function placesFit(
  a: { regionCode: string; districtCode: string | null },
  b: { regionCode: string; districtCode: string | null },
): boolean {
  if (a.regionCode !== b.regionCode) return false;
  return a.districtCode === null || b.districtCode === null || a.districtCode === b.districtCode;
}

/** A filter for place-bound rows (nullable `districtCode`) that fit the given place by placesFit. */
export function fitsPlaceFilter(place: { regionCode: string; districtCode: string | null }): Record<string, unknown> {
  if (place.districtCode === null) return { regionCode: place.regionCode };
  return { regionCode: place.regionCode, $or: [{ districtCode: place.districtCode }, { districtCode: null }] };
}

/**
 * A filter for place-bound rows a meeting in `districtCode` may refer to (fitsMeetingPlace): the district's own and
 * the region-level ones of its region, such as the regional law-enforcement department. An unknown district fits
 * nothing.
 */
export async function meetingDistrictFilter(em: EntityManager, districtCode: string): Promise<Record<string, unknown>> {
  const district = await em.findOne(District, { code: districtCode }, { fields: ['code', 'regionCode'] });
  return district ? fitsPlaceFilter({ regionCode: district.regionCode, districtCode: district.code }) : { regionCode: null };
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
