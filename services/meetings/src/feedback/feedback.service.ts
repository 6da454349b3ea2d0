import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { hasPermission } from '@rd/auth-core';
import { DomainException, FeedbackRecordedEvtV2, type Actor, type FeedbackResponseInput, type FeedbackSummary } from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { loadMeetingInScope, requirePermission } from '../attendance/attendance.service';
import { FeedbackResponse } from './feedback-response.entity';
import { feedbackRecordedPayload, summariseFeedback } from './feedback-summary';

@Injectable()
export class FeedbackService {
  constructor(private readonly em: EntityManager) {}

  /** Adds anonymous responses to a held or closed meeting; the event carries counts and averages only. */
  async record(actor: Actor, meetingId: string, responses: readonly FeedbackResponseInput[], correlationId: string): Promise<{ meetingId: string; added: number; total: number }> {
    requirePermission(actor, 'meeting:hold');
    return this.em.transactional(async (tx) => {
      const meeting = await loadMeetingInScope(tx, actor, meetingId, true);
      if (meeting.status !== 'held' && meeting.status !== 'closed') {
        throw new DomainException('meeting.not-held', `Feedback is collected for a held or closed meeting; this one is ${meeting.status}`);
      }
      const now = new Date();
      for (const response of responses) {
        tx.create(FeedbackResponse, {
          meetingId,
          usefulness: response.usefulness,
          trustInPolice: response.trustInPolice,
          wouldContactPoliceFirst: response.wouldContactPoliceFirst,
          comment: response.comment || null,
          gender: response.gender ?? null,
          ageGroup: response.ageGroup ?? null,
          source: response.source ?? 'staff',
          recordedBy: actor.userId,
          createdAt: now,
        });
      }
      await tx.flush();
      const all = await tx.find(FeedbackResponse, { meetingId });
      const place = { meetingId, districtCode: meeting.districtCode, regionCode: meeting.regionCode };
      recordEvent(tx, FeedbackRecordedEvtV2, feedbackRecordedPayload(place, responses.length, all, now), correlationId);
      await tx.flush();
      return { meetingId, added: responses.length, total: all.length };
    });
  }

  /**
   * Organisers (who may hold meetings) see every cell; other readers get groups under 5 suppressed. Comments go to
   * in-scope district roles only: the regional reviewer has no meeting:read and never reaches here.
   */
  async summary(actor: Actor, meetingId: string): Promise<FeedbackSummary> {
    requirePermission(actor, 'meeting:read');
    const em = this.em.fork();
    await loadMeetingInScope(em, actor, meetingId);
    const responses = await em.find(FeedbackResponse, { meetingId }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
    const organiser = hasPermission(actor.roles, 'meeting:hold');
    const districtRole = !actor.roles.includes('regional-reviewer');
    return summariseFeedback(meetingId, responses, { suppressSmallCells: !organiser, includeComments: districtRole });
  }
}
