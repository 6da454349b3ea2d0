import { EntityRepository } from '@mikro-orm/postgresql';
import type { ActorScope } from '@rd/contracts';
import { District } from './district.entity';

export class DistrictRepository extends EntityRepository<District> {
  /** Districts the scope covers, in code order. */
  findInScope(scope: ActorScope): Promise<District[]> {
    const where = scope.national ? {} : { $or: [{ code: { $in: scope.districts } }, { regionCode: { $in: scope.regions } }] };
    return this.find(where, { orderBy: { code: 'asc' } });
  }
}
