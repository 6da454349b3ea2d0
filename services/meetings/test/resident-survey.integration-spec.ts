import { MikroORM } from '@mikro-orm/postgresql';
import {
  CreateMeetingCmdV1,
  FeedbackRecordedEvtV2,
  GetFeedbackSummaryQryV1,
  GetPublicSurveyQryV1,
  GetResidentSurveyQryV1,
  OpenResidentSurveyCmdV1,
  RecordAttendanceCmdV1,
  RecordFeedbackCmdV1,
  SetResidentSurveyClosedCmdV1,
  SubmitResidentAnswerCmdV1,
  TransitionMeetingCmdV1,
  type Actor,
  type ResidentAnswerInput,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const isfara = (userId: string, role: Actor['roles'][number]): Actor => ({ userId, username: userId, roles: [role], scope: { national: false, regions: [], districts: ['isfara'] } });
const police = isfara('u-police-isfara', 'police-officer');
const localGov = isfara('u-gov-isfara', 'local-government');
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
/** What the gateway sends for the public routes: nobody, holding nothing. */
const nobody: Actor = { userId: 'resident-survey', username: 'resident-survey', roles: [], scope: { national: false, regions: [], districts: [] } };
const place = { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' };
const shown = { communityName: 'Khoja Alo', language: 'tg' as const };
const answer = (over: Partial<ResidentAnswerInput> = {}): ResidentAnswerInput => ({ usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true, ...over });
const row = (n: number) => ({ under18: n, from18to29: n, from30to59: n, from60: n });

describe('resident survey (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let orm: MikroORM;
  const ctx = { correlationId: 'resident-survey-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc, orm } = harness);
  });

  afterAll(() => harness?.close());

  async function reason(promise: Promise<unknown>): Promise<string | undefined> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    return (error as RpcError).payload.reason;
  }

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);

  async function heldMeeting(held = true): Promise<string> {
    const created = await rpc.request(
      CreateMeetingCmdV1,
      police,
      {
        input: {
          kind: 'local',
          communityIds: [randomUUID()],
          districtCode: 'isfara',
          title: 'Reporting day in Khoja Alo',
          startsAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
          durationMinutes: 120,
          venueName: 'Field by the canal',
          venueType: 'open-air',
          organisedBy: 'police',
          inviteeContactIds: [],
          inviteeOrganisationIds: [],
        },
        place,
      },
      ctx,
    );
    await rpc.request(TransitionMeetingCmdV1, police, { id: created.id, to: 'scheduled' }, ctx);
    if (held) await rpc.request(TransitionMeetingCmdV1, police, { id: created.id, to: 'held' }, ctx);
    return created.id;
  }

  it('should be opened by organisers in scope for a held meeting only, with defaults from the day and the attendance', async () => {
    const scheduled = await heldMeeting(false);
    expect(await reason(rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: scheduled, survey: {}, ...shown }, ctx))).toBe('meeting.not-held');

    const id = await heldMeeting();
    expect(await reason(rpc.request(OpenResidentSurveyCmdV1, localGov, { meetingId: id, survey: {}, ...shown }, ctx))).toBe('auth.forbidden');
    expect(await reason(rpc.request(OpenResidentSurveyCmdV1, policeBatken, { meetingId: id, survey: {}, ...shown }, ctx))).toBe('meeting.not-found');
    expect(await reason(rpc.request(GetResidentSurveyQryV1, police, { meetingId: id }, ctx))).toBe('survey.not-found');
    expect(await reason(rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: id, survey: { opensOn: '2000-01-01' }, ...shown }, ctx))).toBe('survey.window-invalid');

    const before = await rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: id, survey: {}, ...shown }, ctx);
    expect(before).toMatchObject({ responseCap: 300, state: 'open', closed: false, responses: 0, slipCodes: [], path: `/s/${before.code}` });
    expect(before.code).toMatch(/^[A-Z2-7]{10}$/);

    await rpc.request(RecordAttendanceCmdV1, police, { meetingId: id, attendance: { counts: { women: row(1), men: row(1), other: row(0) }, byCommunity: [], officials: [], staffIntroducedContactIds: [] } }, ctx);
    const after = await rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: id, survey: { slipCodes: 3 }, ...shown }, ctx);
    expect(after).toMatchObject({ code: before.code, responseCap: 24 });
    expect(after.slipCodes).toHaveLength(3);
    expect(await rpc.request(GetResidentSurveyQryV1, police, { meetingId: id }, ctx)).toEqual(after);
  });

  it('should show the public nothing of the meeting but its title, community and language', async () => {
    const id = await heldMeeting();
    const { code } = await rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: id, survey: {}, ...shown }, ctx);
    const view = await rpc.request(GetPublicSurveyQryV1, nobody, { code }, ctx);
    expect(view).toEqual({
      code,
      meetingTitle: 'Reporting day in Khoja Alo',
      communityName: 'Khoja Alo',
      language: 'tg',
      questions: ['usefulness', 'trustInPolice', 'wouldContactPoliceFirst', 'gender', 'ageGroup', 'comment'],
      slipCodeRequired: false,
      open: true,
    });
    expect(JSON.stringify(view)).not.toContain(id);
    expect(await reason(rpc.request(GetPublicSurveyQryV1, nobody, { code: 'AAAAAAAAAA' }, ctx))).toBe('survey.not-found');
  });

  it('should record answers as the residents own, count them apart from staff and kiosk, and announce them per source', async () => {
    const id = await heldMeeting();
    const { code } = await rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: id, survey: {}, ...shown }, ctx);
    await rpc.request(RecordFeedbackCmdV1, police, { meetingId: id, responses: [{ usefulness: 3, trustInPolice: 2, wouldContactPoliceFirst: false }] }, ctx);
    await rpc.request(RecordFeedbackCmdV1, police, { meetingId: id, responses: [{ usefulness: 4, trustInPolice: 5, wouldContactPoliceFirst: true, source: 'kiosk' }] }, ctx);
    expect(await rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer({ comment: 'Resident-c41: thanks', gender: 'female' }) }, ctx)).toEqual({ accepted: true });

    const rows = await sql<{ source: string; recorded_by: string }>('select source, recorded_by from feedback_response where meeting_id = ? order by created_at', [id]);
    expect(rows).toEqual([
      { source: 'staff', recorded_by: police.userId },
      { source: 'kiosk', recorded_by: police.userId },
      { source: 'resident', recorded_by: 'resident-survey' },
    ]);
    const events = await sql<{ payload: Record<string, unknown> }>(`select payload from outbox_message where subject = ? and payload->>'meetingId' = ? order by created_at`, [FeedbackRecordedEvtV2.name, id]);
    expect(events).toHaveLength(3);
    expect(events[2].payload).toMatchObject({ added: 1, respondents: 3, bySource: { resident: { respondents: 1, trustAverage: 4 }, kiosk: { respondents: 1 }, staff: { respondents: 1, trustAverage: 2 } } });
    expect(JSON.stringify(events)).not.toContain('Resident-c41');

    const summary = await rpc.request(GetFeedbackSummaryQryV1, police, { meetingId: id }, ctx);
    expect(summary).toMatchObject({ selfReportedShare: 0.67, staffDominates: false, bySource: { resident: { n: 1 }, kiosk: { n: 1 }, staff: { n: 1 } } });
    expect((await rpc.request(GetResidentSurveyQryV1, police, { meetingId: id }, ctx)).responses).toBe(1);
  });

  it('should refuse answers when closed by hand, outside the window, and over the cap', async () => {
    const id = await heldMeeting();
    const { code } = await rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: id, survey: { responseCap: 2 }, ...shown }, ctx);
    await rpc.request(SetResidentSurveyClosedCmdV1, police, { meetingId: id, closed: true }, ctx);
    expect(await reason(rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer() }, ctx))).toBe('survey.closed');
    expect((await rpc.request(GetPublicSurveyQryV1, nobody, { code }, ctx)).open).toBe(false);
    expect(await rpc.request(SetResidentSurveyClosedCmdV1, police, { meetingId: id, closed: false }, ctx)).toMatchObject({ state: 'open' });

    await rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer() }, ctx);
    await rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer() }, ctx);
    expect(await reason(rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer() }, ctx))).toBe('survey.full');
    expect(await rpc.request(GetResidentSurveyQryV1, police, { meetingId: id }, ctx)).toMatchObject({ state: 'full', responses: 2 });
    // Staff may still type in paper forms: the cap limits the anonymous route only.
    await rpc.request(RecordFeedbackCmdV1, police, { meetingId: id, responses: [{ usefulness: 3, trustInPolice: 3, wouldContactPoliceFirst: true }] }, ctx);

    await sql(`update resident_survey set response_cap = 100, closes_at = now() - interval '1 minute', opens_at = now() - interval '2 days' where meeting_id = ?`, [id]);
    expect(await reason(rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer() }, ctx))).toBe('survey.closed');
    await sql(`update resident_survey set opens_at = now() + interval '1 day', closes_at = now() + interval '2 days' where meeting_id = ?`, [id]);
    expect(await reason(rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer() }, ctx))).toBe('survey.closed');
    expect(await sql('select 1 from feedback_response where meeting_id = ? and source = ?', [id, 'resident'])).toHaveLength(2);
  });

  it('should take each slip code once and refuse an answer without one', async () => {
    const id = await heldMeeting();
    const { code, slipCodes } = await rpc.request(OpenResidentSurveyCmdV1, police, { meetingId: id, survey: { slipCodes: 2 }, ...shown }, ctx);
    expect((await rpc.request(GetPublicSurveyQryV1, nobody, { code }, ctx)).slipCodeRequired).toBe(true);
    expect(await reason(rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer() }, ctx))).toBe('survey.slip-code-invalid');
    expect(await reason(rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer({ slipCode: 'ZZZZZZ' }) }, ctx))).toBe('survey.slip-code-invalid');
    await rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer({ slipCode: slipCodes[0].code.toLowerCase() }) }, ctx);
    expect(await reason(rpc.request(SubmitResidentAnswerCmdV1, nobody, { code, answer: answer({ slipCode: slipCodes[0].code }) }, ctx))).toBe('survey.slip-code-used');
    expect((await rpc.request(GetResidentSurveyQryV1, police, { meetingId: id }, ctx)).slipCodes.filter((slip) => slip.used)).toEqual([{ code: slipCodes[0].code, used: true }]);
  });
});
