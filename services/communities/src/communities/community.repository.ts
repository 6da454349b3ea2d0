import type { FilterQuery } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { ActorScope, DataOf, ListCommunitiesQryV1 } from '@rd/contracts';
import { Community } from './community.entity';

type ListQuery = DataOf<typeof ListCommunitiesQryV1>;

export class CommunityRepository extends EntityRepository<Community> {
  /** Scope first; client filters can only narrow it. */
  async listInScope(scope: ActorScope, query: ListQuery): Promise<[Community[], number]> {
    const where: FilterQuery<Community>[] = [];
    if (!scope.national) {
      where.push({ $or: [{ districtCode: { $in: scope.districts } }, { regionCode: { $in: scope.regions } }] });
    }
    if (query.districtCode) where.push({ districtCode: query.districtCode });
    if (query.status) where.push({ status: query.status });
    if (query.q) where.push({ name: { $ilike: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    return this.findAndCount(
      { $and: where },
      { orderBy: [{ [query.sort]: query.order }, { id: 'ASC' }] as never, offset: query.offset, limit: query.limit },
    );
  }

  existsWithName(districtCode: string, name: string): Promise<number> {
    return this.count({ districtCode, name: { $ilike: name.replace(/[\\%_]/g, (c) => `\\${c}`) } });
  }
}
