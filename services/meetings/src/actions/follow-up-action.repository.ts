import type { FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { ActorScope, DataOf, ListActionsQryV1 } from '@rd/contracts';
import type { FollowUpAction } from './follow-up-action.entity';

type ListQuery = DataOf<typeof ListActionsQryV1>;

export class FollowUpActionRepository extends EntityRepository<FollowUpAction> {
  /**
   * Actions of concerns in the actor's districts, narrowed by the filters (and to the owners given as `mine`), with
   * their concern loaded. The
   * sensitivity rule (canReadConcern) is applied by the caller on each row: this is only the coarse cut.
   */
  async findInScope(scope: ActorScope, query: ListQuery, mine?: { contactIds: readonly string[]; organisationId: string | null }): Promise<FollowUpAction[]> {
    const where: FilterQuery<FollowUpAction>[] = [];
    if (!scope.national) {
      where.push({ $or: [{ concern: { districtCode: { $in: scope.districts } } }, { concern: { regionCode: { $in: scope.regions } } }] });
    }
    if (query.status) where.push({ status: query.status });
    if (query.ownerOrganisationId) where.push({ ownerOrganisationId: query.ownerOrganisationId });
    if (query.districtCode) where.push({ concern: { districtCode: query.districtCode } });
    if (query.concernId) where.push({ concern: { id: query.concernId } });
    if (query.communityId) {
      // Meetings for the community (a regional one counts for each of its communities); em.execute runs in the caller's transaction.
      const meetings = await this.getEntityManager().execute<{ id: string }[]>('select id from meeting where community_ids @> ?::jsonb', [
        JSON.stringify([query.communityId]),
      ]);
      where.push({ concern: { meetingId: { $in: meetings.map((meeting) => meeting.id) } } });
    }
    if (mine) {
      // Owned by my contact, or by my organisation with nobody named (ADR 34); nothing when neither is known.
      const owners: FilterQuery<FollowUpAction>[] = [{ ownerContactId: { $in: [...mine.contactIds] } }];
      if (mine.organisationId) owners.push({ ownerOrganisationId: mine.organisationId, ownerContactId: null });
      where.push({ $or: owners });
    }
    return this.find({ $and: where }, { populate: ['concern'], orderBy: { createdAt: 'ASC', id: 'ASC' } });
  }

  findByConcern(concernId: string): Promise<FollowUpAction[]> {
    return this.find({ concern: { id: concernId } });
  }
}
