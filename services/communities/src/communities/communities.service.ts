import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversDistrict,
  COMMUNITY_STATUS_EVENTS,
  CommunityCreatedEvtV1,
  CommunityUpdatedEvtV1,
  dateInZone,
  DEFAULT_TIME_ZONE,
  DomainException,
  instantOnDate,
  POLICE_ORGANISATION_KINDS,
  type Actor,
  type CommunityView,
  type CreateCommunityInput,
  type DataOf,
  type FieldError,
  type ListCommunitiesQryV1,
  type MeetingScheduledEvtV1,
  type OrganisationKind,
  type TransitionCommunityInput,
  type UpdateCommunityInput,
} from '@rd/contracts';
import type { EventMeta } from '@rd/messaging';
import { recordEvent } from '@rd/persistence';
import { canSeePlace, placesFit, placeVisibility, type PlaceVisibility } from '../common/scope';
import { Contact } from '../contacts/contact.entity';
import { District } from '../geography/district.entity';
import { Organisation } from '../organisations/organisation.entity';
import { communityCodeFrom } from './community-code';
import { CommunityStatusChange } from './community-status-change.entity';
import { Community } from './community.entity';
import { toCommunityView } from './community.mapper';
import { dayOf, decideEffectiveDay, decideTransition } from './onboarding';

const PARTNER_KINDS: readonly OrganisationKind[] = ['ngo', 'other'];

@Injectable()
export class CommunitiesService {
  constructor(private readonly em: EntityManager) {}

  /** Proposes a community; the row and its community.created event commit together. */
  async create(actor: Actor, input: CreateCommunityInput, correlationId: string): Promise<CommunityView> {
    return this.em.transactional(async (tx) => {
      const district = await tx.findOne(District, { code: input.districtCode });
      if (!district) {
        throw new DomainException('district.unknown', 'Unknown district', 'districtCode');
      }
      if (!actorCoversDistrict(actor.scope, district.regionCode, district.code)) {
        throw new DomainException('auth.out-of-scope', 'The district is outside your scope');
      }
      if (await tx.getRepository(Community).existsWithName(district.code, input.name)) {
        throw new DomainException(
          'community.duplicate-name',
          'A community with this name already exists in the district',
          'name',
        );
      }
      const code = await this.pickCode(tx, input.code, district.code, input.name);
      const community = tx.create(Community, {
        name: input.name,
        code,
        districtCode: district.code,
        regionCode: district.regionCode,
        kind: input.kind,
        location: input.location ?? null,
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
    const community = await this.loadInScope(this.em, actor, id);
    return toCommunityView(community, await this.statusHistory(this.em, community.id));
  }

  async list(actor: Actor, query: DataOf<typeof ListCommunitiesQryV1>): Promise<{ items: CommunityView[]; total: number }> {
    const [rows, total] = await this.em.getRepository(Community).listInScope(actor.scope, query);
    return { items: rows.map((row) => toCommunityView(row)), total };
  }

  /**
   * Changes the given fields. References are checked field by field (all problems reported at once);
   * pairing is kept symmetric and needs both communities in the actor's scope.
   */
  async update(actor: Actor, id: string, patch: UpdateCommunityInput, correlationId: string): Promise<CommunityView> {
    return this.em.transactional(async (tx) => {
      const community = await this.loadInScope(tx, actor, id);
      const errors: FieldError[] = [];
      const changed = new Set<string>();
      const now = new Date().toISOString();

      if (patch.name !== undefined && patch.name !== community.name) {
        if (patch.name.toLowerCase() !== community.name.toLowerCase() && (await tx.getRepository(Community).existsWithName(community.districtCode, patch.name))) {
          throw new DomainException('community.duplicate-name', 'A community with this name already exists in the district', 'name');
        }
        community.name = patch.name;
        changed.add('name');
      }
      const simple = ['kind', 'location', 'population', 'languages', 'borderAdjacent'] as const;
      for (const field of simple) {
        if (patch[field] !== undefined && JSON.stringify(patch[field]) !== JSON.stringify(community[field])) {
          (community as unknown as Record<string, unknown>)[field] = patch[field];
          changed.add(field);
        }
      }
      // Organisations and contacts must be ones the actor can see (else "unknown", as if they did not exist) and of
      // the community's district or region-level in its region (docs/adr/0006-community-onboarding-and-contacts.md).
      const visibility = await placeVisibility(tx, actor.scope);
      await this.checkOrganisation(tx, visibility, community, patch.partnerOrganisationId, 'partnerOrganisationId', PARTNER_KINDS, errors);
      await this.checkOrganisation(tx, visibility, community, patch.policeUnitId, 'policeUnitId', POLICE_ORGANISATION_KINDS, errors);
      await this.checkContacts(tx, visibility, community, patch.focalPointContactIds, 'focalPointContactIds', errors);
      if (patch.localGovernmentContactId) await this.checkContacts(tx, visibility, community, [patch.localGovernmentContactId], 'localGovernmentContactId', errors);
      const partners = patch.pairedCommunityIds ? await this.checkPairing(tx, actor, community, patch.pairedCommunityIds, errors) : [];
      if (errors.length) throw new DomainException('reference.invalid', 'Some references are invalid', errors);

      for (const field of ['partnerOrganisationId', 'policeUnitId', 'localGovernmentContactId'] as const) {
        if (patch[field] !== undefined && patch[field] !== community[field]) {
          community[field] = patch[field];
          changed.add(field);
        }
      }
      if (patch.focalPointContactIds && !sameSet(patch.focalPointContactIds, community.focalPointContactIds)) {
        community.focalPointContactIds = [...new Set(patch.focalPointContactIds)];
        changed.add('focalPointContactIds');
      }
      if (patch.pairedCommunityIds && !sameSet(patch.pairedCommunityIds, community.pairedCommunityIds)) {
        const wanted = new Set(patch.pairedCommunityIds);
        for (const other of partners) {
          const has = other.pairedCommunityIds.includes(community.id);
          if (wanted.has(other.id) && !has) other.pairedCommunityIds = [...other.pairedCommunityIds, community.id];
          else if (!wanted.has(other.id) && has) other.pairedCommunityIds = other.pairedCommunityIds.filter((x) => x !== community.id);
          else continue;
          recordEvent(tx, CommunityUpdatedEvtV1, updatedPayload(other, ['pairedCommunityIds'], now), correlationId);
        }
        community.pairedCommunityIds = [...wanted];
        changed.add('pairedCommunityIds');
      }
      if (changed.size > 0) {
        recordEvent(tx, CommunityUpdatedEvtV1, updatedPayload(community, [...changed], now), correlationId);
      }
      await tx.flush();
      return toCommunityView(community);
    });
  }

  /** Moves a community through onboarding; the status, its history row and its event commit together. */
  async transition(actor: Actor, id: string, input: TransitionCommunityInput, correlationId: string): Promise<CommunityView> {
    return this.em.transactional(async (tx) => {
      const community = await this.loadInScope(tx, actor, id);
      const from = community.status;
      const decision = decideTransition(from, input.to, community);
      if (!decision.ok) {
        const reason = decision.reason === 'checklist-incomplete' ? 'community.checklist-incomplete' : 'community.invalid-transition';
        throw new DomainException(reason, decision.message, decision.errors);
      }
      const at = new Date();
      const timeZone = await this.timeZoneOf(tx, community.districtCode);
      const [previous] = await tx.find(CommunityStatusChange, { communityId: community.id }, { orderBy: { changedAt: 'DESC' }, limit: 1 });
      const day = decideEffectiveDay(input.effectiveOn, dateInZone(at, timeZone), previous ? dayOf(previous.effectiveOn) : null);
      if (!day.ok) throw new DomainException('request.unprocessable', day.message, 'effectiveOn');
      community.status = input.to;
      community.statusChangedAt = at;
      community.statusEffectiveOn = day.effectiveOn;
      tx.create(CommunityStatusChange, {
        communityId: community.id,
        fromStatus: from,
        toStatus: input.to,
        reason: input.reason ?? null,
        effectiveOn: day.effectiveOn,
        changedBy: actor.userId,
        changedAt: at,
      });
      if (input.to !== 'proposed') {
        // A backdated change takes effect at 00:00 of its day in the district; one effective today, now.
        const effective = day.backdated ? { effectiveOn: day.effectiveOn, effectiveAt: instantOnDate(day.effectiveOn, timeZone).toISOString() } : {};
        recordEvent(
          tx,
          COMMUNITY_STATUS_EVENTS[input.to],
          { communityId: community.id, districtCode: community.districtCode, regionCode: community.regionCode, from, to: input.to, occurredAt: at.toISOString(), ...effective },
          correlationId,
        );
      }
      await tx.flush();
      return toCommunityView(community, await this.statusHistory(tx, community.id));
    });
  }

  private async timeZoneOf(em: EntityManager, districtCode: string): Promise<string> {
    return (await em.findOne(District, { code: districtCode }))?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  private statusHistory(em: EntityManager, communityId: string): Promise<CommunityStatusChange[]> {
    return em.find(CommunityStatusChange, { communityId }, { orderBy: { changedAt: 'ASC' } });
  }

  /**
   * meetings.evt.meeting.scheduled: the first scheduled reporting day ticks the checklist (applied once through the
   * communities event table); unknown communities are ignored (they belong elsewhere).
   */
  async onMeetingScheduled(tx: EntityManager, event: DataOf<typeof MeetingScheduledEvtV1>, meta: EventMeta): Promise<void> {
    const communities = await tx.find(Community, { id: { $in: event.communityIds }, firstMeetingId: null });
    const now = new Date().toISOString();
    for (const community of communities) {
      community.firstMeetingId = event.meetingId;
      community.firstMeetingScheduledFor = new Date(event.scheduledFor);
      recordEvent(tx, CommunityUpdatedEvtV1, updatedPayload(community, ['firstMeetingId'], now), meta.correlationId);
    }
    await tx.flush();
  }

  private async loadInScope(em: EntityManager, actor: Actor, id: string): Promise<Community> {
    const community = await em.findOne(Community, { id });
    if (!community || !actorCoversDistrict(actor.scope, community.regionCode, community.districtCode)) {
      throw new DomainException('community.not-found', 'Community not found');
    }
    return community;
  }

  private async pickCode(em: EntityManager, requested: string | undefined, districtCode: string, name: string): Promise<string> {
    const repository = em.getRepository(Community);
    if (requested) {
      if (await repository.count({ code: requested })) {
        throw new DomainException('community.duplicate-code', 'A community with this code already exists', 'code');
      }
      return requested;
    }
    const base = communityCodeFrom(districtCode, name);
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await repository.count({ code: candidate }))) return candidate;
    }
  }

  private async checkOrganisation(
    em: EntityManager,
    visibility: PlaceVisibility,
    community: Community,
    id: string | null | undefined,
    field: string,
    kinds: readonly OrganisationKind[],
    errors: FieldError[],
  ): Promise<void> {
    if (!id) return;
    const organisation = await em.findOne(Organisation, { id });
    if (!organisation || !canSeePlace(visibility, organisation.regionCode, organisation.districtCode)) errors.push({ field, message: 'Unknown organisation' });
    else if (!kinds.includes(organisation.kind)) errors.push({ field, message: `must be an organisation of kind ${kinds.join(' or ')}` });
    else if (!placesFit(community, organisation)) errors.push({ field, message: 'The organisation is not of the community’s district or region' });
  }

  private async checkContacts(
    em: EntityManager,
    visibility: PlaceVisibility,
    community: Community,
    ids: readonly string[] | undefined,
    field: string,
    errors: FieldError[],
  ): Promise<void> {
    if (!ids?.length) return;
    const found = new Map((await em.find(Contact, { id: { $in: [...ids] } })).map((c) => [c.id, c]));
    ids.forEach((id, index) => {
      const contact = found.get(id);
      const at = field === 'localGovernmentContactId' ? field : `${field}.${index}`;
      if (!contact || !canSeePlace(visibility, contact.regionCode, contact.districtCode)) errors.push({ field: at, message: 'Unknown contact' });
      else if (contact.erasedAt) errors.push({ field: at, message: 'The contact was erased' });
      else if (!placesFit(community, contact)) errors.push({ field: at, message: 'The contact is not of the community’s district or region' });
    });
  }

  /** Loads the communities whose pairing changes (added or removed) and checks they are pairable. */
  private async checkPairing(em: EntityManager, actor: Actor, community: Community, ids: readonly string[], errors: FieldError[]): Promise<Community[]> {
    const touched = [...new Set([...ids, ...community.pairedCommunityIds])];
    const found = new Map((await em.find(Community, { id: { $in: touched } })).map((c) => [c.id, c]));
    ids.forEach((id, index) => {
      const other = found.get(id);
      if (id === community.id) errors.push({ field: `pairedCommunityIds.${index}`, message: 'A community cannot be paired with itself' });
      else if (!other || !actorCoversDistrict(actor.scope, other.regionCode, other.districtCode)) {
        errors.push({ field: `pairedCommunityIds.${index}`, message: 'Unknown community, or outside your scope' });
      } else if (other.status === 'archived') {
        errors.push({ field: `pairedCommunityIds.${index}`, message: 'The community is archived' });
      }
    });
    // Removing a pairing changes the other side too: it must be in scope as well.
    for (const id of community.pairedCommunityIds) {
      const other = found.get(id);
      if (!ids.includes(id) && other && !actorCoversDistrict(actor.scope, other.regionCode, other.districtCode)) {
        errors.push({ field: 'pairedCommunityIds', message: 'Unpairing a community outside your scope needs the national coordinator' });
      }
    }
    return [...found.values()].filter((c) => c.id !== community.id);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

function updatedPayload(community: Community, changedFields: string[], occurredAt: string): DataOf<typeof CommunityUpdatedEvtV1> {
  return { communityId: community.id, districtCode: community.districtCode, regionCode: community.regionCode, changedFields, occurredAt };
}
