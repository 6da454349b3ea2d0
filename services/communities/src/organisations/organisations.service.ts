import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversPlace,
  DomainException,
  POLICE_ORGANISATION_KINDS,
  type Actor,
  type CreateOrganisationInput,
  type DataOf,
  type ListOrganisationsQryV1,
  type OrganisationView,
  type UpdateOrganisationInput,
} from '@rd/contracts';
import { Community } from '../communities/community.entity';
import { resolvePlace } from '../common/place';
import { canSeePlace, placeVisibility, requirePermission } from '../common/scope';
import { Contact } from '../contacts/contact.entity';
import { OfficerAssignment } from '../officer-assignments/officer-assignment.entity';
import { Organisation } from './organisation.entity';
import { toOrganisationView } from './organisation.mapper';

@Injectable()
export class OrganisationsService {
  constructor(private readonly em: EntityManager) {}

  async list(actor: Actor, query: DataOf<typeof ListOrganisationsQryV1>): Promise<{ items: OrganisationView[]; total: number }> {
    requirePermission(actor, 'organisation:read');
    const visibility = await placeVisibility(this.em, actor.scope);
    const [rows, total] = await this.em.getRepository(Organisation).listVisible(visibility, query);
    return { items: rows.map(toOrganisationView), total };
  }

  async get(actor: Actor, id: string): Promise<OrganisationView> {
    requirePermission(actor, 'organisation:read');
    return toOrganisationView(await this.loadVisible(this.em, actor, id));
  }

  async create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationView> {
    requirePermission(actor, 'organisation:manage');
    return this.em.transactional(async (tx) => {
      const place = await resolvePlace(tx, input);
      if (!place) {
        throw new DomainException('organisation.place-required', 'Give a district or a region', 'districtCode');
      }
      if (!actorCoversPlace(actor.scope, place.regionCode, place.districtCode)) {
        throw new DomainException('auth.out-of-scope', 'The place is outside your scope');
      }
      refuseDutyPhoneOfNonPolice(input.kind, input.dutyPhone ?? null);
      const organisation = tx.create(Organisation, { name: input.name, kind: input.kind, ...place, dutyPhone: input.dutyPhone ?? null, createdBy: actor.userId });
      return toOrganisationView(organisation);
    });
  }

  async update(actor: Actor, id: string, patch: UpdateOrganisationInput): Promise<OrganisationView> {
    requirePermission(actor, 'organisation:manage');
    return this.em.transactional(async (tx) => {
      const organisation = await this.loadManageable(tx, actor, id);
      if (patch.name !== undefined) organisation.name = patch.name;
      if (patch.kind !== undefined) organisation.kind = patch.kind;
      if (patch.dutyPhone !== undefined) organisation.dutyPhone = patch.dutyPhone;
      refuseDutyPhoneOfNonPolice(organisation.kind, organisation.dutyPhone);
      await tx.flush();
      return toOrganisationView(organisation);
    });
  }

  async delete(actor: Actor, id: string): Promise<{ id: string }> {
    requirePermission(actor, 'organisation:manage');
    return this.em.transactional(async (tx) => {
      const organisation = await this.loadManageable(tx, actor, id);
      const references =
        (await tx.count(Contact, { organisationId: id })) +
        (await tx.count(Community, { $or: [{ partnerOrganisationId: id }, { policeUnitId: id }] })) +
        (await tx.count(OfficerAssignment, { policeUnitId: id }));
      if (references > 0) {
        throw new DomainException('organisation.in-use', 'Contacts, communities or the officer roster still refer to this organisation');
      }
      tx.remove(organisation);
      return { id };
    });
  }

  private async loadVisible(em: EntityManager, actor: Actor, id: string): Promise<Organisation> {
    const organisation = await em.findOne(Organisation, { id });
    const visibility = await placeVisibility(em, actor.scope);
    if (!organisation || !canSeePlace(visibility, organisation.regionCode, organisation.districtCode)) {
      throw new DomainException('organisation.not-found', 'Organisation not found');
    }
    return organisation;
  }

  /** Visible but not held (a region-level body seen from a district): 403; invisible: 404. */
  private async loadManageable(em: EntityManager, actor: Actor, id: string): Promise<Organisation> {
    const organisation = await this.loadVisible(em, actor, id);
    if (!actorCoversPlace(actor.scope, organisation.regionCode, organisation.districtCode)) {
      throw new DomainException('auth.out-of-scope', 'The organisation is outside your scope');
    }
    return organisation;
  }
}

/** A duty number is printed on contact cards as the police unit's: only a police or law-enforcement body has one. */
function refuseDutyPhoneOfNonPolice(kind: OrganisationView['kind'], dutyPhone: string | null): void {
  if (dutyPhone !== null && !POLICE_ORGANISATION_KINDS.includes(kind)) {
    throw new DomainException('request.invalid', 'Only a police or law-enforcement organisation has a duty number', [
      { field: 'dutyPhone', message: `only for an organisation of kind ${POLICE_ORGANISATION_KINDS.join(' or ')}` },
    ]);
  }
}
