import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetCommunityQryV1,
  GetDistrictQryV1,
  GetMeetingQryV1,
  GetMinutesQryV1,
  ListCommunitiesQryV1,
  ListContactsQryV1,
  ListMeetingsQryV1,
  ListOrganisationsQryV1,
  type Actor,
  type CommunityView,
  type ContactView,
  type DistrictView,
  type MeetingView,
  type MinutesView,
  type OrganisationView,
  type ReplyOf,
} from '@rd/contracts';
import { DomainException } from '@rd/contracts';
import { createServiceApp, parseRequest } from '@rd/messaging';
import { randomUUID } from 'node:crypto';

/**
 * What communities and meetings know, for the notifications tests: answered over real NATS request-reply on the
 * suite's prefix with the real contract schemas (notifications validates every reply), so the service under test
 * resolves recipients exactly as it does against the real services. The e2e suite runs it against the real ones.
 */
export class World {
  districts = new Map<string, DistrictView>();
  meetings = new Map<string, MeetingView>();
  minutes = new Map<string, MinutesView>();
  contacts = new Map<string, ContactView>();
  organisations = new Map<string, OrganisationView>();
  communities = new Map<string, CommunityView>();
  /** Every actor that asked: the tests check it is the notifications service actor. */
  actors: Actor[] = [];
  /** When set, every answer is SERVICE_UNAVAILABLE (a peer outage). */
  down = false;

  seen(actor: Actor): void {
    this.actors.push(actor);
    if (this.down) throw new DomainException('service.unavailable', 'peer down');
  }
}

const NOW = '2026-11-24T10:00:00.000Z';

// View builders shared with the meetings suites' communities stub.
export { makeCommunity, makeContact, makeDistrict, makeOrganisation } from '@rd/testing';

export function makeMeeting(partial: Partial<MeetingView> & Pick<MeetingView, 'communityIds' | 'startsAt'>): MeetingView {
  return {
    id: randomUUID(),
    kind: 'local',
    title: 'Reporting day Q4',
    districtCode: 'isfara',
    regionCode: 'sughd',
    timeZone: 'Asia/Dushanbe',
    startsAtLocal: partial.startsAt,
    durationMinutes: 120,
    quarter: '2026-Q4',
    venueName: 'School No. 3',
    venueType: 'school',
    venueLocation: null,
    policeUnitId: null,
    facilitatingOrganisationId: null,
    organisedBy: 'police',
    inviteeContactIds: [],
    inviteeOrganisationIds: [],
    status: 'scheduled',
    statusReason: null,
    allowedTransitions: [],
    history: [],
    sequence: 1,
    heldAt: null,
    closedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...partial,
  };
}

export const WORLD = Symbol('WORLD');

function page<T>(rows: T[], offset: number, limit: number): { items: T[]; total: number } {
  return { items: rows.slice(offset, offset + limit), total: rows.length };
}

function notFound(what: string): never {
  throw new DomainException('resource.not-found', `${what} not found`);
}

let current: World;

@Controller()
class PeerStubController {
  @MessagePattern(GetMeetingQryV1.name)
  meeting(@Payload() raw: unknown): ReplyOf<typeof GetMeetingQryV1> {
    const { actor, data } = parseRequest(GetMeetingQryV1, raw);
    current.seen(actor);
    return current.meetings.get(data.id) ?? notFound('Meeting');
  }

  @MessagePattern(GetMinutesQryV1.name)
  minutes(@Payload() raw: unknown): ReplyOf<typeof GetMinutesQryV1> {
    const { actor, data } = parseRequest(GetMinutesQryV1, raw);
    current.seen(actor);
    return current.minutes.get(data.meetingId) ?? notFound('Minutes');
  }

  @MessagePattern(ListMeetingsQryV1.name)
  listMeetings(@Payload() raw: unknown): ReplyOf<typeof ListMeetingsQryV1> {
    const { actor, data } = parseRequest(ListMeetingsQryV1, raw);
    current.seen(actor);
    const rows = [...current.meetings.values()].filter((m) => (!data.quarter || m.quarter === data.quarter) && (!data.districtCode || m.districtCode === data.districtCode));
    return page(rows, data.offset, data.limit);
  }

  @MessagePattern(GetDistrictQryV1.name)
  district(@Payload() raw: unknown): ReplyOf<typeof GetDistrictQryV1> {
    const { actor, data } = parseRequest(GetDistrictQryV1, raw);
    current.seen(actor);
    return current.districts.get(data.code) ?? notFound('District');
  }

  @MessagePattern(ListContactsQryV1.name)
  contacts(@Payload() raw: unknown): ReplyOf<typeof ListContactsQryV1> {
    const { actor, data } = parseRequest(ListContactsQryV1, raw);
    current.seen(actor);
    const rows = [...current.contacts.values()].filter(
      (c) =>
        (!data.ids || data.ids.includes(c.id)) &&
        (!data.organisationId || c.organisationId === data.organisationId) &&
        (!data.communityId || c.communityIds.includes(data.communityId)),
    );
    return page(rows, data.offset, data.limit);
  }

  @MessagePattern(ListOrganisationsQryV1.name)
  organisations(@Payload() raw: unknown): ReplyOf<typeof ListOrganisationsQryV1> {
    const { actor, data } = parseRequest(ListOrganisationsQryV1, raw);
    current.seen(actor);
    const rows = [...current.organisations.values()].filter((o) => (!data.ids || data.ids.includes(o.id)) && (!data.districtCode || o.districtCode === data.districtCode));
    return page(rows, data.offset, data.limit);
  }

  @MessagePattern(GetCommunityQryV1.name)
  community(@Payload() raw: unknown): ReplyOf<typeof GetCommunityQryV1> {
    const { actor, data } = parseRequest(GetCommunityQryV1, raw);
    current.seen(actor);
    return current.communities.get(data.id) ?? notFound('Community');
  }

  @MessagePattern(ListCommunitiesQryV1.name)
  listCommunities(@Payload() raw: unknown): ReplyOf<typeof ListCommunitiesQryV1> {
    const { actor, data } = parseRequest(ListCommunitiesQryV1, raw);
    current.seen(actor);
    const rows = [...current.communities.values()].filter((c) => (!data.status || c.status === data.status) && (!data.districtCode || c.districtCode === data.districtCode));
    return page(rows, data.offset, data.limit);
  }
}

@Module({ controllers: [PeerStubController] })
class PeerStubModule {}

/** Starts the stub on the suite's prefix (queue group "peers-stub"). */
export async function startPeerStub(world: World, natsUrl: string, prefix: string): Promise<INestMicroservice> {
  current = world;
  return createServiceApp(PeerStubModule, { service: 'peers-stub', natsUrl, prefix, logger: ['error'] });
}
