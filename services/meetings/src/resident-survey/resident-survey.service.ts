import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  dateInZone,
  DomainException,
  FeedbackRecordedEvtV2,
  SURVEY_QUESTIONS,
  type Actor,
  type OpenResidentSurveyInput,
  type PublicSurvey,
  type ResidentAnswerInput,
  type ResidentSurveyView,
  type SurveyLanguage,
} from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { loadMeetingInScope, requirePermission } from '../attendance/attendance.service';
import { MeetingAttendance } from '../attendance/meeting-attendance.entity';
import { Clock } from '../clock';
import { FeedbackResponse } from '../feedback/feedback-response.entity';
import { feedbackRecordedPayload } from '../feedback/feedback-summary';
import { Meeting } from '../meetings/meeting.entity';
import { ResidentSurvey, ResidentSurveySlip } from './resident-survey.entity';
import { assertAcceptsAnswers, newSlipCodes, newSurveyCode, responseCap, surveyState, surveyWindow } from './survey-rules';

/** recordedBy of an answer a resident gave through the public survey: nobody signed in. */
export const RESIDENT_RECORDER = 'resident-survey';

const surveyNotFound = () => new DomainException('survey.not-found', 'No resident survey with this code');

/**
 * The resident survey of a held meeting (ADR 46): organisers open it with a window and a cap; anybody holding its
 * code answers once per request, as source `resident`, within those limits.
 */
@Injectable()
export class ResidentSurveyService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async open(actor: Actor, meetingId: string, input: OpenResidentSurveyInput, shown: { communityName: string; language: SurveyLanguage }): Promise<ResidentSurveyView> {
    requirePermission(actor, 'meeting:hold');
    return this.em.transactional(async (tx) => {
      const frame = await loadMeetingInScope(tx, actor, meetingId, true);
      if (frame.status !== 'held' && frame.status !== 'closed') {
        throw new DomainException('meeting.not-held', `A resident survey is opened for a held or closed meeting; this one is ${frame.status}`);
      }
      const meeting = await tx.findOneOrFail(Meeting, { id: meetingId });
      const attendance = await tx.findOne(MeetingAttendance, { meetingId });
      const window = surveyWindow(dateInZone(meeting.startsAt, meeting.timeZone), meeting.timeZone, input);
      const now = this.clock.now();
      const values = { ...window, responseCap: responseCap(input.responseCap, attendance?.total ?? null), meetingTitle: meeting.title, ...shown, updatedAt: now };
      let survey = await tx.findOne(ResidentSurvey, { meetingId });
      if (survey) tx.assign(survey, values);
      else survey = tx.create(ResidentSurvey, { meetingId, code: newSurveyCode(), createdBy: actor.userId, createdAt: now, ...values });
      await tx.flush(); // the survey row before its slips (they reference it)
      // Slips already printed stay valid; asking for more adds the difference.
      const slips = await tx.count(ResidentSurveySlip, { meetingId });
      const wanted = input.slipCodes ?? 0;
      if (wanted > slips) for (const code of newSlipCodes(wanted - slips)) tx.create(ResidentSurveySlip, { meetingId, code });
      await tx.flush();
      return this.view(tx, survey);
    });
  }

  async setClosed(actor: Actor, meetingId: string, closed: boolean): Promise<ResidentSurveyView> {
    requirePermission(actor, 'meeting:hold');
    return this.em.transactional(async (tx) => {
      await loadMeetingInScope(tx, actor, meetingId, true);
      const survey = await tx.findOne(ResidentSurvey, { meetingId });
      if (!survey) throw surveyNotFound();
      tx.assign(survey, { closed, updatedAt: this.clock.now() });
      await tx.flush();
      return this.view(tx, survey);
    });
  }

  async get(actor: Actor, meetingId: string): Promise<ResidentSurveyView> {
    requirePermission(actor, 'meeting:hold');
    const em = this.em.fork();
    await loadMeetingInScope(em, actor, meetingId);
    const survey = await em.findOne(ResidentSurvey, { meetingId });
    if (!survey) throw surveyNotFound();
    return this.view(em, survey);
  }

  /** What the anonymous form shows: title, community, language and whether it takes answers; nothing else of the meeting. */
  async publicView(code: string): Promise<PublicSurvey> {
    const em = this.em.fork();
    const survey = await em.findOne(ResidentSurvey, { code });
    if (!survey) throw surveyNotFound();
    const responses = await this.residentAnswers(em, survey.meetingId);
    return {
      code,
      meetingTitle: survey.meetingTitle,
      communityName: survey.communityName,
      language: survey.language,
      questions: [...SURVEY_QUESTIONS],
      slipCodeRequired: (await em.count(ResidentSurveySlip, { meetingId: survey.meetingId })) > 0,
      open: surveyState(survey, responses, this.clock.now()) === 'open',
    };
  }

  /**
   * One resident's answer. The survey row is locked, so the cap holds under concurrent answers and a slip code is
   * used once; the answer, the used slip and the feedback-recorded event commit together.
   */
  async answer(code: string, answer: ResidentAnswerInput, correlationId: string): Promise<{ accepted: true }> {
    return this.em.transactional(async (tx) => {
      const survey = await tx.findOne(ResidentSurvey, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!survey) throw surveyNotFound();
      const now = this.clock.now();
      assertAcceptsAnswers(survey, await this.residentAnswers(tx, survey.meetingId), now);
      if ((await tx.count(ResidentSurveySlip, { meetingId: survey.meetingId })) > 0) {
        const slip = answer.slipCode ? await tx.findOne(ResidentSurveySlip, { meetingId: survey.meetingId, code: answer.slipCode }) : null;
        if (!slip) throw new DomainException('survey.slip-code-invalid', 'This survey needs the code printed on a slip', 'slipCode');
        if (slip.usedAt) throw new DomainException('survey.slip-code-used', 'This slip code was already used', 'slipCode');
        slip.usedAt = now;
      }
      const meeting = await tx.findOneOrFail(Meeting, { id: survey.meetingId });
      tx.create(FeedbackResponse, {
        meetingId: survey.meetingId,
        usefulness: answer.usefulness,
        trustInPolice: answer.trustInPolice,
        wouldContactPoliceFirst: answer.wouldContactPoliceFirst,
        comment: answer.comment || null,
        gender: answer.gender ?? null,
        ageGroup: answer.ageGroup ?? null,
        source: 'resident',
        recordedBy: RESIDENT_RECORDER,
        createdAt: now,
      });
      await tx.flush();
      const all = await tx.find(FeedbackResponse, { meetingId: survey.meetingId });
      const place = { meetingId: meeting.id, districtCode: meeting.districtCode, regionCode: meeting.regionCode };
      recordEvent(tx, FeedbackRecordedEvtV2, feedbackRecordedPayload(place, 1, all, now), correlationId);
      await tx.flush();
      return { accepted: true as const };
    });
  }

  private residentAnswers(em: EntityManager, meetingId: string): Promise<number> {
    return em.count(FeedbackResponse, { meetingId, source: 'resident' });
  }

  private async view(em: EntityManager, survey: ResidentSurvey): Promise<ResidentSurveyView> {
    const responses = await this.residentAnswers(em, survey.meetingId);
    const slips = await em.find(ResidentSurveySlip, { meetingId: survey.meetingId }, { orderBy: { code: 'ASC' } });
    return {
      meetingId: survey.meetingId,
      code: survey.code,
      path: `/s/${survey.code}`,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      opensAt: survey.opensAt.toISOString(),
      closesAt: survey.closesAt.toISOString(),
      responseCap: survey.responseCap,
      responses,
      closed: survey.closed,
      state: surveyState(survey, responses, this.clock.now()),
      communityName: survey.communityName,
      language: survey.language,
      meetingTitle: survey.meetingTitle,
      slipCodes: slips.map((slip) => ({ code: slip.code, used: slip.usedAt !== null })),
    };
  }
}
