import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorCoversDistrict, BriefingPublishedEvtV1, DomainException, type Actor, type BriefingDelivery, type BriefingInput, type BriefingView } from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { randomUUID } from 'node:crypto';
import { MeetingAgendaItem } from '../agenda/meeting-agenda.entity';
import { Meeting } from '../meetings/meeting.entity';
import { requirePermission } from '../meetings/meetings.service';
import { Briefing } from './briefing.entity';
import { toBriefingView } from './briefing.mapper';

const DELIVERED: readonly string[] = ['held', 'closed'];

/** The legal briefing library: national, versioned; which community received which version is a query. */
@Injectable()
export class BriefingsService {
  constructor(private readonly em: EntityManager) {}

  async list(actor: Actor): Promise<{ items: BriefingView[]; total: number }> {
    requirePermission(actor, 'meeting:read');
    const rows = await this.em.find(Briefing, {}, { orderBy: { createdAt: 'DESC', id: 'ASC' } });
    return { items: rows.map(toBriefingView), total: rows.length };
  }

  async get(actor: Actor, id: string): Promise<BriefingView> {
    requirePermission(actor, 'meeting:read');
    return toBriefingView(await this.load(this.em, id));
  }

  /** Version 1 of a new briefing, or the next version of `previousId`'s family. */
  async create(actor: Actor, input: BriefingInput, previousId: string | undefined, correlationId: string): Promise<BriefingView> {
    requirePermission(actor, 'briefing:manage');
    return this.em.transactional(async (tx) => {
      let familyId: string = randomUUID();
      let version = 1;
      if (previousId) {
        const previous = await this.load(tx, previousId);
        familyId = previous.familyId;
        const latest = await tx.findOne(Briefing, { familyId }, { orderBy: { version: 'DESC' } });
        version = (latest?.version ?? 0) + 1;
      }
      const briefing = tx.create(Briefing, { familyId, version, ...input, createdBy: actor.userId });
      recordEvent(
        tx,
        BriefingPublishedEvtV1,
        { briefingId: briefing.id, familyId, version, effectiveDate: input.effectiveDate, occurredAt: new Date().toISOString() },
        correlationId,
      );
      await tx.flush();
      return toBriefingView(briefing);
    });
  }

  /** Held meetings in the actor's scope whose agenda carried this version. */
  async deliveries(actor: Actor, id: string): Promise<{ items: BriefingDelivery[]; total: number }> {
    requirePermission(actor, 'meeting:read');
    await this.load(this.em, id);
    const items = await this.em.find(MeetingAgendaItem, { briefingId: id });
    const meetingIds = [...new Set(items.map((i) => i.meetingId))];
    const meetings = meetingIds.length ? await this.em.find(Meeting, { id: { $in: meetingIds } }, { orderBy: { startsAt: 'ASC' } }) : [];
    const rows = meetings
      .filter((m) => DELIVERED.includes(m.status) && actorCoversDistrict(actor.scope, m.regionCode, m.districtCode))
      .map((m) => ({ meetingId: m.id, districtCode: m.districtCode, communityIds: m.communityIds, startsAt: m.startsAt.toISOString(), status: m.status }));
    return { items: rows, total: rows.length };
  }

  async load(em: EntityManager, id: string): Promise<Briefing> {
    const briefing = await em.findOne(Briefing, { id });
    if (!briefing) throw new DomainException('briefing.not-found', 'Briefing not found');
    return briefing;
  }
}
