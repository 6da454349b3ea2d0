import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  actorCoversDistrict,
  DomainException,
  OfficerAssignedEvtV1,
  POLICE_ORGANISATION_KINDS,
  type Actor,
  type AssignOfficerInput,
  type DataOf,
  type FieldError,
  type ListOfficerAssignmentsQryV1,
  type OfficerAssignmentView,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { Community } from '../communities/community.entity';
import { canSeePlace, placesFit, placeVisibility, requirePermission } from '../common/scope';
import { Contact } from '../contacts/contact.entity';
import { Organisation } from '../organisations/organisation.entity';
import { OfficerAssignment } from './officer-assignment.entity';
import { toOfficerAssignmentView } from './officer-assignment.mapper';

@Injectable()
export class OfficerAssignmentsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Closes the current assignment (it ends the day before the new one starts), opens the new one, sets the
   * community's officer and records officer.assigned — all in one transaction.
   */
  async assign(actor: Actor, input: AssignOfficerInput, correlationId: string): Promise<OfficerAssignmentView> {
    requirePermission(actor, 'officer:assign');
    return this.em.transactional(async (tx) => {
      const community = await tx.findOne(Community, { id: input.communityId });
      if (!community || !actorCoversDistrict(actor.scope, community.regionCode, community.districtCode)) {
        throw new DomainException('community.not-found', 'Community not found');
      }
      if (community.status === 'archived') {
        throw new DomainException('community.archived', 'The community is archived', 'communityId');
      }
      const errors: FieldError[] = [];
      const officer = await tx.findOne(Contact, { id: input.officerContactId });
      const visibility = await placeVisibility(tx, actor.scope);
      if (!officer || !canSeePlace(visibility, officer.regionCode, officer.districtCode)) {
        errors.push({ field: 'officerContactId', message: 'Unknown contact' });
      } else if (officer.erasedAt) {
        errors.push({ field: 'officerContactId', message: 'The contact was erased' });
      } else if (!placesFit(community, officer)) {
        errors.push({ field: 'officerContactId', message: 'The contact is not of the community’s district or region' });
      }
      // Like every reference: one the actor cannot see is unknown; one of another district (or region) is refused.
      if (input.policeUnitId) {
        const unit = await tx.findOne(Organisation, { id: input.policeUnitId });
        if (!unit || !canSeePlace(visibility, unit.regionCode, unit.districtCode)) errors.push({ field: 'policeUnitId', message: 'Unknown organisation' });
        else if (!POLICE_ORGANISATION_KINDS.includes(unit.kind)) errors.push({ field: 'policeUnitId', message: `must be an organisation of kind ${POLICE_ORGANISATION_KINDS.join(' or ')}` });
        else if (!placesFit(community, unit)) errors.push({ field: 'policeUnitId', message: 'The organisation is not of the community’s district or region' });
      }
      const since = input.since ?? new Date().toISOString().slice(0, 10);
      const current = await tx.findOne(OfficerAssignment, { communityId: community.id, until: null });
      if (current && current.officerContactId === input.officerContactId) {
        throw new DomainException('officer-assignment.duplicate', 'This officer already serves the community', 'officerContactId');
      }
      if (current && toDate(current.since) >= since) {
        errors.push({ field: 'since', message: `must be after the current assignment began (${toDate(current.since)})` });
      }
      if (errors.length) throw new DomainException('reference.invalid', 'Some fields are invalid', errors);

      const previousOfficer = community.officerContactId;
      if (current) {
        current.until = dayBefore(since);
        await tx.flush(); // the partial unique index allows one open row per community
      }
      const policeUnitId = input.policeUnitId ?? community.policeUnitId;
      const row = tx.create(OfficerAssignment, {
        communityId: community.id,
        officerContactId: input.officerContactId,
        policeUnitId,
        districtCode: community.districtCode,
        regionCode: community.regionCode,
        since,
        createdBy: actor.userId,
      });
      community.officerContactId = input.officerContactId;
      community.policeUnitId = policeUnitId;
      recordEvent(
        tx,
        OfficerAssignedEvtV1,
        {
          assignmentId: row.id,
          communityId: community.id,
          districtCode: community.districtCode,
          regionCode: community.regionCode,
          officerContactId: input.officerContactId,
          previousOfficerContactId: previousOfficer,
          policeUnitId,
          since,
          occurredAt: row.createdAt.toISOString(),
        },
        correlationId,
      );
      await tx.flush();
      return toOfficerAssignmentView(row);
    });
  }

  async list(actor: Actor, query: DataOf<typeof ListOfficerAssignmentsQryV1>): Promise<{ items: OfficerAssignmentView[]; total: number }> {
    requirePermission(actor, 'community:read');
    const where: FilterQuery<OfficerAssignment>[] = [];
    const { scope } = actor;
    if (!scope.national) where.push({ $or: [{ districtCode: { $in: scope.districts } }, { regionCode: { $in: scope.regions } }] });
    if (query.communityId) where.push({ communityId: query.communityId });
    if (query.officerContactId) where.push({ officerContactId: query.officerContactId });
    if (query.current !== undefined) where.push({ until: query.current ? null : { $ne: null } });
    const [rows, total] = await this.em.findAndCount(
      OfficerAssignment,
      { $and: where },
      { orderBy: [{ [query.sort]: query.order }, { id: 'ASC' }] as never, offset: query.offset, limit: query.limit },
    );
    return { items: rows.map(toOfficerAssignmentView), total };
  }

  async get(actor: Actor, id: string): Promise<OfficerAssignmentView> {
    requirePermission(actor, 'community:read');
    const row = await this.em.findOne(OfficerAssignment, { id });
    if (!row || !actorCoversDistrict(actor.scope, row.regionCode, row.districtCode)) throw new DomainException('officer-assignment.not-found', 'Officer assignment not found');
    return toOfficerAssignmentView(row);
  }
}

function toDate(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
