import type { FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { DataOf, ListContactsQryV1 } from '@rd/contracts';
import { Community } from '../communities/community.entity';
import { fitsPlaceFilter, likeContains, meetingDistrictFilter, placeFilter, type PlaceVisibility } from '../common/scope';
import { Organisation } from '../organisations/organisation.entity';
import { Contact } from './contact.entity';

type ListQuery = DataOf<typeof ListContactsQryV1>;

export class ContactRepository extends EntityRepository<Contact> {
  /**
   * Scope first; client filters can only narrow it. "Contacts of an organisation / serving a community" — how
   * notifications find who to invite and who gets the minutes — keeps only contacts whose place fits that
   * organisation's or community's (placesFit), so a link made across districts before the rule existed steers
   * nothing.
   */
  async listVisible(visibility: PlaceVisibility, query: ListQuery): Promise<[Contact[], number]> {
    const where: FilterQuery<Contact>[] = [placeFilter(visibility) as FilterQuery<Contact>];
    const em = this.getEntityManager();
    if (query.organisationId) {
      where.push({ organisationId: query.organisationId });
      const organisation = await em.findOne(Organisation, { id: query.organisationId }, { fields: ['regionCode', 'districtCode'] });
      if (organisation) where.push(fitsPlaceFilter(organisation) as FilterQuery<Contact>);
    }
    if (query.communityId) {
      const community = await em.findOne(Community, { id: query.communityId }, { fields: ['regionCode', 'districtCode'] });
      if (community) where.push(fitsPlaceFilter(community) as FilterQuery<Contact>);
    }
    if (query.districtCode) where.push({ districtCode: query.districtCode });
    if (query.meetingDistrict) where.push((await meetingDistrictFilter(em, query.meetingDistrict)) as FilterQuery<Contact>);
    if (query.consent !== undefined) where.push({ consent: query.consent });
    if (query.communityId) where.push({ communityIds: { $contains: [query.communityId] } } as FilterQuery<Contact>);
    if (query.q) where.push({ name: { $ilike: likeContains(query.q) } });
    if (query.ids) where.push({ id: { $in: query.ids } });
    if (query.userId) where.push({ userId: query.userId });
    return this.findAndCount(
      { $and: where },
      { orderBy: [{ [query.sort]: query.order }, { id: 'ASC' }] as never, offset: query.offset, limit: query.limit },
    );
  }
}
