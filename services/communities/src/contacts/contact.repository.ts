import type { FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { DataOf, ListContactsQryV1 } from '@rd/contracts';
import { likeContains, placeFilter, type PlaceVisibility } from '../common/scope';
import { Contact } from './contact.entity';

type ListQuery = DataOf<typeof ListContactsQryV1>;

export class ContactRepository extends EntityRepository<Contact> {
  /** Scope first; client filters can only narrow it. */
  listVisible(visibility: PlaceVisibility, query: ListQuery): Promise<[Contact[], number]> {
    const where: FilterQuery<Contact>[] = [placeFilter(visibility) as FilterQuery<Contact>];
    if (query.organisationId) where.push({ organisationId: query.organisationId });
    if (query.districtCode) where.push({ districtCode: query.districtCode });
    if (query.consent !== undefined) where.push({ consent: query.consent });
    if (query.communityId) where.push({ communityIds: { $contains: [query.communityId] } } as FilterQuery<Contact>);
    if (query.q) where.push({ name: { $ilike: likeContains(query.q) } });
    if (query.ids) where.push({ id: { $in: query.ids } });
    return this.findAndCount(
      { $and: where },
      { orderBy: [{ [query.sort]: query.order }, { id: 'ASC' }] as never, offset: query.offset, limit: query.limit },
    );
  }
}
