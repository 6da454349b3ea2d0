import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorCoversDistrict, contactCardLanguage, DomainException, type Actor, type ContactCardView } from '@rd/contracts';
import { Community } from '../communities/community.entity';
import { requirePermission } from '../common/scope';
import { Contact } from '../contacts/contact.entity';
import { OfficerAssignment } from '../officer-assignments/officer-assignment.entity';
import { Organisation } from '../organisations/organisation.entity';

type UnitOnCard = ContactCardView['policeUnit'];

/**
 * A community's contact card (ADR 49): what residents may keep — the current officers who agreed to publish a work
 * phone, and the police unit's duty number. It reads the roster, not the contact list: only who serves the community
 * now, and of them only the number they published (never the contact's own phone or email).
 */
@Injectable()
export class ContactCardService {
  constructor(private readonly em: EntityManager) {}

  async get(actor: Actor, communityId: string): Promise<ContactCardView> {
    requirePermission(actor, 'community:read');
    const community = await this.em.findOne(Community, { id: communityId });
    if (!community || !actorCoversDistrict(actor.scope, community.regionCode, community.districtCode)) {
      throw new DomainException('community.not-found', 'Community not found');
    }
    const assignments = await this.em.find(OfficerAssignment, { communityId, until: null }, { orderBy: { since: 'ASC', id: 'ASC' } });
    const officers = await this.em.find(Contact, {
      id: { $in: assignments.map((a) => a.officerContactId) },
      publishedWorkPhone: { $ne: null },
      erasedAt: null,
    });
    const unitIds = [community.policeUnitId, ...assignments.map((a) => a.policeUnitId)].filter((id): id is string => id !== null);
    const units = new Map((await this.em.find(Organisation, { id: { $in: unitIds } })).map((unit) => [unit.id, unit]));
    const unitOnCard = (id: string | null): UnitOnCard => {
      const unit = id ? units.get(id) : undefined;
      return unit ? { id: unit.id, name: unit.name, dutyPhone: unit.dutyPhone } : null;
    };
    const byId = new Map(officers.map((officer) => [officer.id, officer]));
    return {
      communityId: community.id,
      communityName: community.name,
      language: contactCardLanguage(community.languages),
      policeUnit: unitOnCard(community.policeUnitId ?? assignments[0]?.policeUnitId ?? null),
      officers: assignments.flatMap((assignment) => {
        const officer = byId.get(assignment.officerContactId);
        if (!officer?.publishedWorkPhone) return [];
        return [{ contactId: officer.id, name: officer.name, position: officer.position, workPhone: officer.publishedWorkPhone, policeUnit: unitOnCard(assignment.policeUnitId) }];
      }),
    };
  }
}
