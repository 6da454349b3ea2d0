import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversDistrict,
  CommunityCreatedEvtV1,
  type Actor,
  type CommunityView,
  type CreateCommunityInput,
  type DataOf,
  type ListCommunitiesQryV1,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { District } from '../geography/district.entity';
import { CommunitiesErrorCode, CommunitiesException } from './communities.exception';
import { Community } from './community.entity';
import { toCommunityView } from './community.mapper';

@Injectable()
export class CommunitiesService {
  constructor(private readonly em: EntityManager) {}

  /** Proposes a community; the row and its community.created event commit together. */
  async create(actor: Actor, input: CreateCommunityInput, correlationId: string): Promise<CommunityView> {
    return this.em.transactional(async (tx) => {
      const district = await tx.findOne(District, { code: input.districtCode });
      if (!district) {
        throw new CommunitiesException(CommunitiesErrorCode.UnknownDistrict, 'Unknown district', 'districtCode');
      }
      if (!actorCoversDistrict(actor.scope, district.regionCode, district.code)) {
        throw new CommunitiesException(CommunitiesErrorCode.OutOfScope, 'The district is outside your scope');
      }
      if (await tx.getRepository(Community).existsWithName(district.code, input.name)) {
        throw new CommunitiesException(
          CommunitiesErrorCode.DuplicateName,
          'A community with this name already exists in the district',
          'name',
        );
      }
      const community = tx.create(Community, {
        name: input.name,
        districtCode: district.code,
        regionCode: district.regionCode,
        kind: input.kind,
        population: input.population ?? null,
        borderAdjacent: input.borderAdjacent,
        languages: input.languages,
        status: 'proposed',
        createdBy: actor.userId,
      });
      recordEvent(
        tx,
        CommunityCreatedEvtV1,
        {
          communityId: community.id,
          districtCode: community.districtCode,
          regionCode: community.regionCode,
          kind: community.kind,
          status: community.status,
          occurredAt: community.createdAt.toISOString(),
        },
        correlationId,
      );
      return toCommunityView(community);
    });
  }

  /** One community, or NOT_FOUND when outside the actor's scope (its existence is not revealed). */
  async get(actor: Actor, id: string): Promise<CommunityView> {
    const community = await this.em.findOne(Community, { id });
    if (!community || !actorCoversDistrict(actor.scope, community.regionCode, community.districtCode)) {
      throw new CommunitiesException(CommunitiesErrorCode.NotFound, 'Community not found');
    }
    return toCommunityView(community);
  }

  async list(actor: Actor, query: DataOf<typeof ListCommunitiesQryV1>): Promise<{ items: CommunityView[]; total: number }> {
    const [rows, total] = await this.em.getRepository(Community).listInScope(actor.scope, query);
    return { items: rows.map(toCommunityView), total };
  }
}
