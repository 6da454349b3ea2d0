import type { EntityManager } from '@mikro-orm/postgresql';
import { District } from '../geography/district.entity';
import { Region } from '../geography/region.entity';
import { DomainException } from '@rd/contracts';

export interface Place {
  regionCode: string;
  districtCode: string | null;
}

/**
 * Resolves where a record sits from a district (its region is derived) or a region. Unknown codes and a
 * district outside the given region are field errors.
 */
export async function resolvePlace(
  em: EntityManager,
  input: { districtCode?: string; regionCode?: string },
): Promise<Place | null> {
  if (input.districtCode) {
    const district = await em.findOne(District, { code: input.districtCode });
    if (!district) throw new DomainException('district.unknown', 'Unknown district', 'districtCode');
    if (input.regionCode && input.regionCode !== district.regionCode) {
      throw new DomainException('district.not-in-region', 'The district is not in this region', 'regionCode');
    }
    return { regionCode: district.regionCode, districtCode: district.code };
  }
  if (input.regionCode) {
    const region = await em.findOne(Region, { code: input.regionCode });
    if (!region) throw new DomainException('region.unknown', 'Unknown region', 'regionCode');
    return { regionCode: region.code, districtCode: null };
  }
  return null;
}
