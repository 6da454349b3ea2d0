import type { FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { DataOf, ListOrganisationsQryV1 } from '@rd/contracts';
import { likeContains, meetingDistrictFilter, placeFilter, type PlaceVisibility } from '../common/scope';
import { Organisation } from './organisation.entity';

type ListQuery = DataOf<typeof ListOrganisationsQryV1>;

export class OrganisationRepository extends EntityRepository<Organisation> {
  /** Scope first; client filters can only narrow it. */
  async listVisible(visibility: PlaceVisibility, query: ListQuery): Promise<[Organisation[], number]> {
    const where: FilterQuery<Organisation>[] = [placeFilter(visibility) as FilterQuery<Organisation>];
    if (query.kind) where.push({ kind: query.kind });
    if (query.districtCode) where.push({ districtCode: query.districtCode });
    if (query.regionCode) where.push({ regionCode: query.regionCode });
    if (query.meetingDistrict) where.push((await meetingDistrictFilter(this.getEntityManager(), query.meetingDistrict)) as FilterQuery<Organisation>);
    if (query.q) where.push({ name: { $ilike: likeContains(query.q) } });
    if (query.ids) where.push({ id: { $in: query.ids } });
    return this.findAndCount(
      { $and: where },
      { orderBy: [{ [query.sort]: query.order }, { id: 'ASC' }] as never, offset: query.offset, limit: query.limit },
    );
  }
}
