import { ProblemDetailsSchema, type CommunityView, type FeedbackSummary, type MeetingView, type PublicSurvey, type ResidentSurveyView } from '@rd/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { api } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const answer = { usefulness: 5, trustInPolice: 4, wouldContactPoliceFirst: true };

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number, code: string) {
  expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return ProblemDetailsSchema.parse(response.body);
}

describe('the resident survey through the gateway (ADR 46)', () => {
  let communityName: string;
  let communityId: string;

  async function heldMeeting(): Promise<string> {
    const meeting = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [communityId],
      districtCode: 'isfara',
      title: 'Reporting day by the canal',
      startsAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
      venueName: 'Field by the canal',
      venueType: 'open-air',
      organisedBy: 'police',
    });
    expect(meeting.status).toBe(201);
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${meeting.body.id}/transitions`, { to })).status).toBe(200);
    return meeting.body.id;
  }

  const publicAnswer = (code: string, body: unknown, key?: string) => api(null, 'POST', `/public/surveys/${code}/answers`, body, key ? { 'Idempotency-Key': key } : {});

  beforeAll(async () => {
    communityName = `Survey village ${hex()}`;
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: communityName, districtCode: 'isfara', kind: 'village', languages: ['uz', 'ky'] });
    expect(community.status).toBe(201);
    communityId = community.body.id;
  });

  it('should let organisers in scope open a survey, in the community language, and nobody else', async () => {
    const id = await heldMeeting();
    expectProblem(await api('gov.isfara', 'POST', `/meetings/${id}/survey`, {}), 403, 'auth.forbidden');
    expectProblem(await api('police.batken', 'POST', `/meetings/${id}/survey`, {}), 404, 'meeting.not-found');
    expectProblem(await api('police.isfara', 'POST', `/meetings/${id}/survey`, { closesOn: 'tomorrow' }), 400, 'request.invalid');
    const opened = await api<ResidentSurveyView>('ngo.isfara', 'POST', `/meetings/${id}/survey`, {});
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ meetingId: id, communityName, language: 'ky', state: 'open', responseCap: 300, slipCodes: [] });
    expect((await api<ResidentSurveyView>('police.isfara', 'GET', `/meetings/${id}/survey`)).body).toEqual(opened.body);
  });

  it('should show anybody with the code the form, and nothing else of the meeting', async () => {
    const id = await heldMeeting();
    const { body: survey } = await api<ResidentSurveyView>('police.isfara', 'POST', `/meetings/${id}/survey`, {});
    const got = await api<PublicSurvey>(null, 'GET', `/public/surveys/${survey.code}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(got.body).toEqual({
      code: survey.code,
      meetingTitle: 'Reporting day by the canal',
      communityName,
      language: 'ky',
      questions: ['usefulness', 'trustInPolice', 'wouldContactPoliceFirst', 'gender', 'ageGroup', 'comment'],
      slipCodeRequired: false,
      open: true,
    });
    expect(JSON.stringify(got.body)).not.toContain(id);
    expect(JSON.stringify(got.body)).not.toContain(communityId);
    // Lower case works (typed from the printed link); a malformed or unknown code is just not found.
    expect((await api(null, 'GET', `/public/surveys/${survey.code.toLowerCase()}`)).status).toBe(200);
    expectProblem(await api(null, 'GET', '/public/surveys/AAAAAAAAAA'), 404, 'survey.not-found');
    expectProblem(await api(null, 'GET', '/public/surveys/..%2F..%2Fmeetings'), 404, 'survey.not-found');
    expectProblem(await publicAnswer('AAAAAAAAAA', answer), 404, 'survey.not-found');
  });

  it('should count an answer sent twice with the same Idempotency-Key once, as the resident own', async () => {
    const id = await heldMeeting();
    const { body: survey } = await api<ResidentSurveyView>('police.isfara', 'POST', `/meetings/${id}/survey`, {});
    const key = randomUUID();
    const first = await publicAnswer(survey.code, { ...answer, gender: 'female', ageGroup: '18-29' }, key);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ accepted: true });
    const again = await publicAnswer(survey.code, { ...answer, gender: 'female', ageGroup: '18-29' }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(await publicAnswer(survey.code, { ...answer, usefulness: 1 }, key), 422, 'idempotency.key-reused');
    expect((await publicAnswer(survey.code, answer)).status).toBe(201);
    expectProblem(await publicAnswer(survey.code, { ...answer, usefulness: 9 }), 400, 'request.invalid');
    expectProblem(await publicAnswer(survey.code, { ...answer, source: 'staff' }), 400, 'request.invalid');

    // Staff from paper and the kiosk through the organisers' route; the summary tells the sources apart.
    expect((await api('police.isfara', 'POST', `/meetings/${id}/feedback`, [{ ...answer, source: 'kiosk' }, { ...answer, trustInPolice: 2 }])).status).toBe(201);
    expectProblem(await api('police.isfara', 'POST', `/meetings/${id}/feedback`, [{ ...answer, source: 'resident' }]), 400, 'request.invalid');
    const summary = await api<FeedbackSummary>('police.isfara', 'GET', `/meetings/${id}/feedback/summary`);
    expect(summary.body).toMatchObject({ overall: { n: 4 }, bySource: { resident: { n: 2 }, kiosk: { n: 1 }, staff: { n: 1 } }, selfReportedShare: 0.75, staffDominates: false });
    expect((await api<ResidentSurveyView>('police.isfara', 'GET', `/meetings/${id}/survey`)).body.responses).toBe(2);
  });

  it('should refuse answers when closed, and over the cap, with clear problem codes', async () => {
    const id = await heldMeeting();
    const { body: survey } = await api<ResidentSurveyView>('police.isfara', 'POST', `/meetings/${id}/survey`, { responseCap: 1 });
    expect((await api<ResidentSurveyView>('police.isfara', 'POST', `/meetings/${id}/survey/close`, {})).body.state).toBe('closed');
    expect((await api<PublicSurvey>(null, 'GET', `/public/surveys/${survey.code}`)).body.open).toBe(false);
    expectProblem(await publicAnswer(survey.code, answer), 409, 'survey.closed');
    expect((await api<ResidentSurveyView>('police.isfara', 'POST', `/meetings/${id}/survey/reopen`, {})).body.state).toBe('open');
    expect((await publicAnswer(survey.code, answer)).status).toBe(201);
    expectProblem(await publicAnswer(survey.code, answer), 409, 'survey.full');
    expect((await api<ResidentSurveyView>('police.isfara', 'GET', `/meetings/${id}/survey`)).body).toMatchObject({ state: 'full', responses: 1 });
  });

  it('should take each tear-off slip code once', async () => {
    const id = await heldMeeting();
    const { body: survey } = await api<ResidentSurveyView>('police.isfara', 'POST', `/meetings/${id}/survey`, { slipCodes: 2 });
    expect(survey.slipCodes).toHaveLength(2);
    expect((await api<PublicSurvey>(null, 'GET', `/public/surveys/${survey.code}`)).body.slipCodeRequired).toBe(true);
    expectProblem(await publicAnswer(survey.code, answer), 400, 'survey.slip-code-invalid');
    expectProblem(await publicAnswer(survey.code, { ...answer, slipCode: 'ZZZZZZ' }), 400, 'survey.slip-code-invalid');
    expect((await publicAnswer(survey.code, { ...answer, slipCode: survey.slipCodes[0].code })).status).toBe(201);
    expectProblem(await publicAnswer(survey.code, { ...answer, slipCode: survey.slipCodes[0].code }), 409, 'survey.slip-code-used');
  });
});
