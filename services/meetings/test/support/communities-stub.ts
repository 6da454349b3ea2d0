import { Controller, Inject, Module, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  actorCoversDistrict,
  DomainException,
  GetCommunityQryV1,
  GetDistrictQryV1,
  GetOrganisationQryV1,
  ListContactsQryV1,
  ListOrganisationsQryV1,
  type CommunityView,
  type ContactView,
  type DistrictView,
  type OrganisationKind,
  type OrganisationView,
  type ReplyOf,
} from '@rd/contracts';
import { createServiceApp, parseRequest } from '@rd/messaging';
import { makeCommunity, makeContact, makeDistrict, makeOrganisation } from '@rd/testing';
import { randomUUID } from 'node:crypto';

/**
 * What communities answers the meetings service when it checks a meeting's place and references, for the meetings
 * suites: over real NATS request-reply on the suite's prefix, with the real contract schemas. The districts are
 * Isfara (Sughd) and Batken, visible by the actor's scope as in communities. Any other id is an open world: a
 * community, contact or NGO of Isfara, unless registered here (police units: `policeUnit()`). The rules themselves
 * (unknown, out of the district, wrong kind) are proved end to end in apps/e2e/src/cross-district-references.e2e-spec.ts.
 */
export class CommunitiesWorld {
  readonly districts = new Map<string, DistrictView>([
    ['isfara', makeDistrict('isfara', 'sughd')],
    ['batken', makeDistrict('batken', 'batken', 'Asia/Bishkek')],
  ]);
  readonly organisations = new Map<string, OrganisationView>();
  /** Contacts linked to a login (user id → contact id), for "my actions". */
  readonly logins = new Map<string, string>();

  organisation(id: string, kind: OrganisationKind = 'ngo'): OrganisationView {
    return this.organisations.get(id) ?? makeOrganisation({ id, kind, districtCode: 'isfara' });
  }

  contact(id: string): ContactView {
    return makeContact({ id });
  }

  community(id: string): CommunityView {
    return makeCommunity({ id, name: `Community ${id.slice(0, 6)}`, districtCode: 'isfara' });
  }
}

/** The world every meetings harness of a suite answers from. */
export const communitiesWorld = new CommunitiesWorld();

/** A district police unit of Isfara, known to the stub: an id for a meeting's `policeUnitId`. */
export function policeUnit(id: string = randomUUID()): string {
  communitiesWorld.organisations.set(id, communitiesWorld.organisation(id, 'district-police'));
  return id;
}

const WORLD = Symbol('COMMUNITIES_WORLD');

@Controller()
class CommunitiesStubController {
  constructor(@Inject(WORLD) private readonly world: CommunitiesWorld) {}

  @MessagePattern(GetDistrictQryV1.name)
  district(@Payload() raw: unknown): ReplyOf<typeof GetDistrictQryV1> {
    const { actor, data } = parseRequest(GetDistrictQryV1, raw);
    const district = this.world.districts.get(data.code);
    if (!district || !actorCoversDistrict(actor.scope, district.regionCode, district.code)) throw new DomainException('resource.not-found', 'District not found');
    return district;
  }

  @MessagePattern(GetCommunityQryV1.name)
  community(@Payload() raw: unknown): ReplyOf<typeof GetCommunityQryV1> {
    return this.world.community(parseRequest(GetCommunityQryV1, raw).data.id);
  }

  @MessagePattern(GetOrganisationQryV1.name)
  organisation(@Payload() raw: unknown): ReplyOf<typeof GetOrganisationQryV1> {
    return this.world.organisation(parseRequest(GetOrganisationQryV1, raw).data.id);
  }

  @MessagePattern(ListContactsQryV1.name)
  contacts(@Payload() raw: unknown): ReplyOf<typeof ListContactsQryV1> {
    const { data } = parseRequest(ListContactsQryV1, raw);
    const linked = data.userId ? this.world.logins.get(data.userId) : undefined;
    const ids = data.userId ? (linked ? [linked] : []) : (data.ids ?? []);
    return { items: ids.map((id) => ({ ...this.world.contact(id), userId: id === linked ? (data.userId ?? null) : null })), total: ids.length };
  }

  @MessagePattern(ListOrganisationsQryV1.name)
  organisations(@Payload() raw: unknown): ReplyOf<typeof ListOrganisationsQryV1> {
    const ids = parseRequest(ListOrganisationsQryV1, raw).data.ids ?? [];
    return { items: ids.map((id) => this.world.organisation(id)), total: ids.length };
  }
}

@Module({})
class CommunitiesStubModule {
  static forRoot(world: CommunitiesWorld): DynamicModule {
    return { module: CommunitiesStubModule, controllers: [CommunitiesStubController], providers: [{ provide: WORLD, useValue: world }] };
  }
}

/** Starts the stub on the suite's prefix (queue group "communities-stub"). */
export function startCommunitiesStub(natsUrl: string, prefix: string, world: CommunitiesWorld = communitiesWorld): Promise<INestMicroservice> {
  return createServiceApp(CommunitiesStubModule.forRoot(world), { service: 'communities-stub', natsUrl, prefix, logger: ['error'] });
}
