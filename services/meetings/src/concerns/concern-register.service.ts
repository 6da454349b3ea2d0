import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListConcernRegisterQryV1, type Actor, type ConcernRegisterRow, type DataOf, type HiddenConcernCounts } from '@rd/contracts';
import { recordConcernAudit } from './concern-audit';
import { hasStatus, registerFilterOf, sortRegister, splitReadable } from './concern-register';
import { isConcernResolved } from './concern-rules';
import { Concern } from './concern.entity';
import { toConcernView } from './concern.mapper';
import { requirePermission, type ReadMeta } from './concerns.service';

type RegisterQuery = DataOf<typeof ListConcernRegisterQryV1>;

/**
 * The concerns register (issue 15): concerns across the meetings in the reader's scope, decided row by row by the
 * rule of the per-meeting list (ADR 8). Text is loaded only for the page returned; the concerns the reader may not
 * read are counted per sensitivity, and the status filter is not applied to them (a concern's status is a detail).
 */
@Injectable()
export class ConcernRegisterService {
  constructor(private readonly em: EntityManager) {}

  async list(actor: Actor, query: RegisterQuery, meta: ReadMeta): Promise<{ items: ConcernRegisterRow[]; total: number; hidden: HiddenConcernCounts }> {
    requirePermission(actor, 'concern:read');
    return this.em.transactional(async (tx) => {
      const repository = tx.getRepository(Concern);
      const now = new Date();
      const { readable, hidden } = splitReadable(actor, await repository.registerCandidates(actor.scope, registerFilterOf(query, now)));
      const status = query.status;
      let matching = readable;
      if (status) {
        const statuses = await repository.actionStatuses(readable.map((c) => c.id));
        matching = readable.filter((c) => hasStatus(status, isConcernResolved(c.followUpNeeded, statuses.get(c.id) ?? [])));
      }
      const page = sortRegister(matching, query.sort, query.order).slice(query.offset, query.offset + query.limit);
      const ids = page.map((c) => c.id);
      const concerns = new Map((ids.length ? await tx.find(Concern, { id: { $in: ids } }) : []).map((c) => [c.id, c]));
      const statuses = await repository.actionStatuses(ids);
      const meetings = await repository.meetingSummaries([...new Set(page.map((c) => c.meetingId))]);
      const items: ConcernRegisterRow[] = [];
      for (const candidate of page) {
        const concern = concerns.get(candidate.id);
        const meeting = meetings.get(candidate.meetingId);
        if (!concern || !meeting) continue;
        if (concern.sensitivity === 'confidential') {
          recordConcernAudit(tx, actor, 'concern:read-confidential', concern.id, { ...meta, subject: ListConcernRegisterQryV1.name, now });
        }
        items.push({
          ...toConcernView(concern, statuses.get(concern.id) ?? []),
          raisedAt: candidate.raisedAt.toISOString(),
          meeting: { id: meeting.id, title: meeting.title, status: meeting.status as ConcernRegisterRow['meeting']['status'], communityIds: meeting.communityIds },
        });
      }
      return { items, total: matching.length, hidden };
    });
  }
}
