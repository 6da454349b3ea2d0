import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversDistrict,
  actorCoversPlace,
  ContactConsentChangedEvtV1,
  ContactErasedEvtV1,
  DomainException,
  POLICE_ORGANISATION_KINDS,
  type Actor,
  type ContactCardConsentInput,
  type ContactView,
  type CreateContactInput,
  type DataOf,
  type FieldError,
  type ListContactsQryV1,
  type UpdateContactInput,
} from '@rd/contracts';
import { actorHasPermission } from '@rd/auth-core';
import { recordEvent } from '@rd/persistence';
import { Community } from '../communities/community.entity';
import { resolvePlace, type Place } from '../common/place';
import { canSeePlace, placesFit, placeVisibility, requirePermission, type PlaceVisibility } from '../common/scope';
import { Organisation } from '../organisations/organisation.entity';
import { Contact } from './contact.entity';
import { toContactView } from './contact.mapper';

const linkedElsewhere = () => new DomainException('contact.user-linked', 'This login is already linked to another contact; unlink it there first', 'userId');

@Injectable()
export class ContactsService {
  constructor(private readonly em: EntityManager) {}

  async list(actor: Actor, query: DataOf<typeof ListContactsQryV1>): Promise<{ items: ContactView[]; total: number }> {
    requirePermission(actor, 'contact:read');
    const visibility = await placeVisibility(this.em, actor.scope);
    const [rows, total] = await this.em.getRepository(Contact).listVisible(visibility, query);
    return { items: rows.map(toContactView), total };
  }

  async get(actor: Actor, id: string): Promise<ContactView> {
    requirePermission(actor, 'contact:read');
    return toContactView(await this.loadVisible(this.em, actor, id));
  }

  async create(actor: Actor, input: CreateContactInput, correlationId: string): Promise<ContactView> {
    requirePermission(actor, 'contact:manage');
    return this.em.transactional(async (tx) => {
      const visibility = await placeVisibility(tx, actor.scope);
      const organisation = input.organisationId ? await this.findOrganisation(tx, visibility, input.organisationId) : null;
      const place: Place | null =
        (await resolvePlace(tx, input)) ??
        (organisation ? { regionCode: organisation.regionCode, districtCode: organisation.districtCode } : null);
      if (!place) {
        throw new DomainException('contact.place-required', 'Give a district, a region or an organisation', 'districtCode');
      }
      if (!actorCoversPlace(actor.scope, place.regionCode, place.districtCode)) {
        throw new DomainException('auth.out-of-scope', 'The place is outside your scope');
      }
      this.throwIfAny([...this.checkOrganisationFits(place, organisation), ...(await this.checkCommunities(tx, actor, place, input.communityIds))]);
      const now = new Date();
      const contact = tx.create(Contact, {
        name: input.name,
        position: input.position ?? null,
        organisationId: organisation?.id ?? null,
        ...place,
        phone: input.phone ?? null,
        email: input.email ?? null,
        preferredLanguage: input.preferredLanguage,
        preferredChannel: input.preferredChannel,
        consent: input.consent,
        consentChangedAt: input.consent ? now : null,
        communityIds: [...new Set(input.communityIds)],
        createdBy: actor.userId,
      });
      if (input.consent) {
        recordEvent(tx, ContactConsentChangedEvtV1, { contactId: contact.id, consent: true, occurredAt: now.toISOString() }, correlationId);
      }
      return toContactView(contact);
    });
  }

  async update(actor: Actor, id: string, patch: UpdateContactInput, correlationId: string): Promise<ContactView> {
    requirePermission(actor, 'contact:manage');
    return this.em.transactional(async (tx) => {
      const contact = await this.loadManageable(tx, actor, id);
      if (contact.erasedAt) {
        throw new DomainException('contact.erased', 'The contact was erased; add a new contact instead');
      }
      const errors: FieldError[] = [];
      if (patch.organisationId) {
        const organisation = await this.findOrganisation(tx, await placeVisibility(tx, actor.scope), patch.organisationId);
        errors.push(...this.checkOrganisationFits(contact, organisation));
      }
      if (patch.communityIds) errors.push(...(await this.checkCommunities(tx, actor, contact, patch.communityIds)));
      const userId = patch.userId !== undefined ? patch.userId : contact.userId;
      if (userId) errors.push(...(await this.checkUserLink(tx, patch.organisationId !== undefined ? patch.organisationId : contact.organisationId)));
      this.throwIfAny(errors);
      if (userId && userId !== contact.userId) await this.refuseLinkedElsewhere(tx, contact.id, userId);
      if (patch.name !== undefined) contact.name = patch.name;
      if (patch.position !== undefined) contact.position = patch.position;
      if (patch.organisationId !== undefined) contact.organisationId = patch.organisationId;
      if (patch.phone !== undefined) contact.phone = patch.phone;
      if (patch.email !== undefined) contact.email = patch.email;
      if (patch.preferredLanguage !== undefined) contact.preferredLanguage = patch.preferredLanguage;
      if (patch.preferredChannel !== undefined) contact.preferredChannel = patch.preferredChannel;
      if (patch.communityIds !== undefined) contact.communityIds = [...new Set(patch.communityIds)];
      if (patch.userId !== undefined) contact.userId = patch.userId;
      if (patch.consent !== undefined && patch.consent !== contact.consent) {
        const now = new Date();
        contact.consent = patch.consent;
        contact.consentChangedAt = now;
        recordEvent(tx, ContactConsentChangedEvtV1, { contactId: contact.id, consent: patch.consent, occurredAt: now.toISOString() }, correlationId);
      }
      try {
        await tx.flush();
      } catch (error) {
        // Two links of one account at once: the unique index decides, with the same answer as the check above.
        if (error instanceof UniqueConstraintViolationException && userId) throw linkedElsewhere();
        throw error;
      }
      return toContactView(contact);
    });
  }

  /**
   * Consent to print a work phone on the community contact card (ADR 49), given or withdrawn by the person themself
   * (the contact linked to the caller's login) or by a holder of contact:manage in the contact's scope. No event: the
   * card is read on demand, and a phone number never goes into an event.
   */
  async setCardConsent(actor: Actor, id: string, consent: ContactCardConsentInput): Promise<ContactView> {
    requirePermission(actor, 'contact:publish');
    return this.em.transactional(async (tx) => {
      const contact = await this.loadVisible(tx, actor, id);
      if (contact.erasedAt) throw new DomainException('contact.erased', 'The contact was erased');
      const own = contact.userId !== null && contact.userId === actor.userId;
      const manages = actorHasPermission(actor, 'contact:manage') && actorCoversPlace(actor.scope, contact.regionCode, contact.districtCode);
      if (!own && !manages) {
        throw new DomainException('contact.publish-not-own', 'Only the person themself or someone who manages their contact record may change what is published');
      }
      contact.publishedWorkPhone = consent.publish ? consent.workPhone : null;
      contact.publishConsentAt = new Date();
      contact.publishConsentBy = actor.userId;
      await tx.flush();
      return toContactView(contact);
    });
  }

  /**
   * Erases the personal data and keeps the row, so communities and the roster still point at a valid id.
   * Idempotent: a second erase changes nothing and emits nothing.
   */
  async erase(actor: Actor, id: string, correlationId: string): Promise<ContactView> {
    requirePermission(actor, 'contact:erase');
    return this.em.transactional(async (tx) => {
      const contact = await this.loadManageable(tx, actor, id);
      if (contact.erasedAt) return toContactView(contact);
      const now = new Date();
      const hadConsent = contact.consent;
      contact.name = '';
      contact.position = null;
      contact.phone = null;
      contact.email = null;
      contact.consent = false;
      contact.consentChangedAt = now;
      contact.erasedAt = now;
      contact.userId = null;
      contact.publishedWorkPhone = null;
      contact.publishConsentAt = now;
      contact.publishConsentBy = actor.userId;
      if (hadConsent) {
        recordEvent(tx, ContactConsentChangedEvtV1, { contactId: contact.id, consent: false, occurredAt: now.toISOString() }, correlationId);
      }
      recordEvent(tx, ContactErasedEvtV1, { contactId: contact.id, occurredAt: now.toISOString() }, correlationId);
      await tx.flush();
      return toContactView(contact);
    });
  }

  /** An organisation the actor cannot see answers exactly like one that does not exist. */
  private async findOrganisation(em: EntityManager, visibility: PlaceVisibility, id: string): Promise<Organisation> {
    const organisation = await em.findOne(Organisation, { id });
    if (!organisation || !canSeePlace(visibility, organisation.regionCode, organisation.districtCode)) {
      throw new DomainException('organisation.unknown', 'Unknown organisation', 'organisationId');
    }
    return organisation;
  }

  /** The person works where the organisation is: same district, or one of them region-level in the other's region. */
  private checkOrganisationFits(place: Place, organisation: Organisation | null): FieldError[] {
    if (!organisation || placesFit(place, organisation)) return [];
    return [{ field: 'organisationId', message: 'The organisation is not of the contact’s district or region' }];
  }

  /** Communities served: in the actor's scope (else unknown) and in the contact's district (or region, for a region-level contact). */
  private async checkCommunities(em: EntityManager, actor: Actor, place: Place, ids: readonly string[]): Promise<FieldError[]> {
    if (ids.length === 0) return [];
    const found = new Map((await em.find(Community, { id: { $in: [...ids] } })).map((c) => [c.id, c]));
    const errors: FieldError[] = [];
    ids.forEach((id, index) => {
      const community = found.get(id);
      if (!community || !actorCoversDistrict(actor.scope, community.regionCode, community.districtCode)) {
        errors.push({ field: `communityIds.${index}`, message: 'Unknown community' });
      } else if (!placesFit(place, community)) {
        errors.push({ field: `communityIds.${index}`, message: 'The community is not of the contact’s district or region' });
      }
    });
    return errors;
  }

  /** Only an officer is linked to a login: a contact of a police or law-enforcement organisation (ADR 34). */
  private async checkUserLink(em: EntityManager, organisationId: string | null): Promise<FieldError[]> {
    const organisation = organisationId ? await em.findOne(Organisation, { id: organisationId }, { fields: ['kind'] }) : null;
    if (organisation && POLICE_ORGANISATION_KINDS.includes(organisation.kind)) return [];
    return [{ field: 'userId', message: 'Only a contact of a police or law-enforcement organisation can be linked to a login' }];
  }

  /** One contact per login, wherever the other contact is (the answer names no other contact). */
  private async refuseLinkedElsewhere(em: EntityManager, contactId: string, userId: string): Promise<void> {
    if (await em.count(Contact, { userId, id: { $ne: contactId } })) throw linkedElsewhere();
  }

  private throwIfAny(errors: FieldError[]): void {
    if (errors.length) throw new DomainException('reference.invalid', 'Some references are invalid', errors);
  }

  private async loadVisible(em: EntityManager, actor: Actor, id: string): Promise<Contact> {
    const contact = await em.findOne(Contact, { id });
    const visibility = await placeVisibility(em, actor.scope);
    if (!contact || !canSeePlace(visibility, contact.regionCode, contact.districtCode)) {
      throw new DomainException('contact.not-found', 'Contact not found');
    }
    return contact;
  }

  private async loadManageable(em: EntityManager, actor: Actor, id: string): Promise<Contact> {
    const contact = await this.loadVisible(em, actor, id);
    if (!actorCoversPlace(actor.scope, contact.regionCode, contact.districtCode)) {
      throw new DomainException('auth.out-of-scope', 'The contact is outside your scope');
    }
    return contact;
  }
}
