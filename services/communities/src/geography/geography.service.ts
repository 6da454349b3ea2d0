import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversDistrict,
  DomainException,
  type Actor,
  type CreateDistrictInput,
  type CreateRegionInput,
  type DataOf,
  type DistrictView,
  type ListDistrictsQryV1,
  type ListRegionsQryV1,
  type RegionView,
  type UpdateDistrictInput,
  type UpdateRegionInput,
} from '@rd/contracts';
import { requirePermission } from '../common/scope';
import { District } from './district.entity';
import { toDistrictView } from './district.mapper';
import { Region } from './region.entity';
import { toRegionView } from './region.mapper';

/** Regions and districts. Everyone reads what is in scope; only `geography:manage` (national coordinator) writes. */
@Injectable()
export class GeographyService {
  constructor(private readonly em: EntityManager) {}

  /** Regions are reference data without personal data: every reader of geography sees all of them. */
  async listRegions(_actor: Actor, query: DataOf<typeof ListRegionsQryV1>): Promise<{ items: RegionView[]; total: number }> {
    const where = query.countryCode ? { countryCode: query.countryCode.toUpperCase() } : {};
    const rows = await this.em.find(Region, where, { orderBy: { code: 'asc' } });
    const items = rows.filter((r) => !query.q || matches(query.q, r.code, r.name)).map(toRegionView);
    return { items, total: items.length };
  }

  async getRegion(_actor: Actor, code: string): Promise<RegionView> {
    const region = await this.em.findOne(Region, { code });
    if (!region) throw new DomainException('region.not-found', 'Region not found');
    return toRegionView(region);
  }

  async createRegion(actor: Actor, input: CreateRegionInput): Promise<RegionView> {
    requirePermission(actor, 'geography:manage');
    return this.em.transactional(async (tx) => {
      if (await tx.count(Region, { code: input.code })) {
        throw new DomainException('region.duplicate-code', 'A region with this code already exists', 'code');
      }
      return toRegionView(tx.create(Region, { code: input.code, countryCode: input.countryCode, name: { ...input.name }, location: input.location ?? null }));
    });
  }

  async updateRegion(actor: Actor, code: string, patch: UpdateRegionInput): Promise<RegionView> {
    requirePermission(actor, 'geography:manage');
    return this.em.transactional(async (tx) => {
      const region = await tx.findOne(Region, { code });
      if (!region) throw new DomainException('region.not-found', 'Region not found');
      if (patch.name) region.name = { ...patch.name };
      if (patch.location !== undefined) region.location = patch.location;
      await tx.flush();
      return toRegionView(region);
    });
  }

  async listDistricts(actor: Actor, query: DataOf<typeof ListDistrictsQryV1>): Promise<{ items: DistrictView[]; total: number }> {
    const rows = await this.em.getRepository(District).findInScope(actor.scope);
    const items = rows
      .filter((d) => !query.regionCode || d.regionCode === query.regionCode)
      .filter((d) => !query.q || matches(query.q, d.code, d.name))
      .map(toDistrictView);
    return { items, total: items.length };
  }

  async getDistrict(actor: Actor, code: string): Promise<DistrictView> {
    const district = await this.em.findOne(District, { code });
    if (!district || !actorCoversDistrict(actor.scope, district.regionCode, district.code)) throw new DomainException('district.not-found', 'District not found');
    return toDistrictView(district);
  }

  async createDistrict(actor: Actor, input: CreateDistrictInput): Promise<DistrictView> {
    requirePermission(actor, 'geography:manage');
    checkTimeZone(input.timeZone);
    return this.em.transactional(async (tx) => {
      const region = await tx.findOne(Region, { code: input.regionCode });
      if (!region) throw new DomainException('region.unknown', 'Unknown region', 'regionCode');
      if (await tx.count(District, { code: input.code })) {
        throw new DomainException('district.duplicate-code', 'A district with this code already exists', 'code');
      }
      const district = tx.create(District, {
        code: input.code,
        regionCode: region.code,
        countryCode: region.countryCode,
        name: { ...input.name },
        timeZone: input.timeZone,
        location: input.location ?? null,
      });
      return toDistrictView(district);
    });
  }

  async updateDistrict(actor: Actor, code: string, patch: UpdateDistrictInput): Promise<DistrictView> {
    requirePermission(actor, 'geography:manage');
    if (patch.timeZone) checkTimeZone(patch.timeZone);
    return this.em.transactional(async (tx) => {
      const district = await tx.findOne(District, { code });
      if (!district) throw new DomainException('district.not-found', 'District not found');
      if (patch.name) district.name = { ...patch.name };
      if (patch.timeZone) district.timeZone = patch.timeZone;
      if (patch.location !== undefined) district.location = patch.location;
      await tx.flush();
      return toDistrictView(district);
    });
  }
}

function matches(q: string, code: string, name: Record<string, string>): boolean {
  const needle = q.toLowerCase();
  return code.includes(needle) || Object.values(name).some((n) => n.toLowerCase().includes(needle));
}

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DomainException('district.invalid-time-zone', 'must be an IANA time zone like "Asia/Dushanbe"', 'timeZone');
  }
}
