import { ProblemDetailsSchema, type AttendanceView, type CommunityView, type FeedbackSummary, type MeetingView } from '@rd/contracts';
import { randomBytes } from 'node:crypto';
import { api } from './support/http';

const hex = () => randomBytes(3).toString('hex');
const row = (n: number) => ({ under18: n, from18to29: n, from30to59: n, from60: n });

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return ProblemDetailsSchema.parse(response.body);
}

describe('attendance and feedback through the gateway', () => {
  let meetingId: string;
  let draftId: string;

  beforeAll(async () => {
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Attendance village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    const plan = () =>
      api<MeetingView>('police.isfara', 'POST', '/meetings', {
        kind: 'local',
        communityIds: [community.body.id],
        districtCode: 'isfara',
        title: 'Reporting day in the field',
        startsAt: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
        venueName: 'Field by the canal',
        venueType: 'open-air',
        organisedBy: 'police',
      });
    const meeting = await plan();
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
    draftId = (await plan()).body.id;
    for (const to of ['scheduled', 'held']) {
      expect((await api('police.isfara', 'POST', `/meetings/${meetingId}/transitions`, { to })).status).toBe(200);
    }
  });

  it('should refuse attendance and feedback before the meeting is held', async () => {
    expectProblem(await api('police.isfara', 'PUT', `/meetings/${draftId}/attendance`, { counts: { women: row(1), men: row(1), other: row(0) } }), 409);
    expectProblem(await api('police.isfara', 'POST', `/meetings/${draftId}/feedback`, [{ usefulness: 4, trustInPolice: 4, wouldContactPoliceFirst: true }]), 409);
  });

  it('should refuse bad counts with 400 and the field', async () => {
    const negative = expectProblem(await api('police.isfara', 'PUT', `/meetings/${meetingId}/attendance`, { counts: { women: { ...row(1), under18: -2 }, men: row(1), other: row(0) } }), 400);
    expect(negative.errors?.map((e) => e.field)).toContain('counts.women.under18');
    const nobody = expectProblem(await api('police.isfara', 'PUT', `/meetings/${meetingId}/attendance`, { counts: { women: row(0), men: row(0), other: row(0) } }), 400);
    expect(nobody.errors?.map((e) => e.field)).toContain('counts');
    expectProblem(await api('police.isfara', 'POST', `/meetings/${meetingId}/feedback`, [{ usefulness: 9, trustInPolice: 4, wouldContactPoliceFirst: true }]), 400);
  });

  it('should record attendance and the survey of a held meeting and read them back in scope', async () => {
    const put = await api<AttendanceView>('police.isfara', 'PUT', `/meetings/${meetingId}/attendance`, { counts: { women: row(4), men: row(3), other: row(0) } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ meetingId, total: 28, byCommunity: [], officials: [] });
    const got = await api<AttendanceView>('gov.isfara', 'GET', `/meetings/${meetingId}/attendance`);
    expect(got.status).toBe(200);
    expect(got.body.total).toBe(28);

    const batch = [1, 2, 3, 4, 5, 5].map((n) => ({ usefulness: n, trustInPolice: 4, wouldContactPoliceFirst: n > 1, gender: n === 5 ? 'male' : 'female', comment: n === 1 ? 'Hold it after the harvest' : undefined }));
    const posted = await api('ngo.isfara', 'POST', `/meetings/${meetingId}/feedback`, batch);
    expect(posted.status).toBe(201);
    expect(posted.body).toEqual({ meetingId, added: 6, total: 6 });

    const organiser = await api<FeedbackSummary>('police.isfara', 'GET', `/meetings/${meetingId}/feedback/summary`);
    expect(organiser.status).toBe(200);
    expect(organiser.body.overall).toMatchObject({ n: 6, suppressed: false, usefulnessAverage: 3.33 });
    expect(organiser.body.byGender.male).toMatchObject({ n: 2, suppressed: false });
    expect(organiser.body.comments).toEqual(['Hold it after the harvest']);
    const government = await api<FeedbackSummary>('gov.isfara', 'GET', `/meetings/${meetingId}/feedback/summary`);
    expect(government.body.byGender.male).toMatchObject({ n: 2, suppressed: true, usefulnessAverage: null });
  });

  it('should hide attendance and feedback outside scope and from the regional reviewer', async () => {
    expectProblem(await api('police.batken', 'GET', `/meetings/${meetingId}/attendance`), 404);
    expectProblem(await api('police.batken', 'PUT', `/meetings/${meetingId}/attendance`, { counts: { women: row(1), men: row(1), other: row(0) } }), 404);
    expectProblem(await api('police.batken', 'GET', `/meetings/${meetingId}/feedback/summary`), 404);
    expectProblem(await api('reviewer.sughd', 'GET', `/meetings/${meetingId}/attendance`), 404);
    expectProblem(await api('reviewer.sughd', 'GET', `/meetings/${meetingId}/feedback/summary`), 404);
    expectProblem(await api('gov.isfara', 'PUT', `/meetings/${meetingId}/attendance`, { counts: { women: row(1), men: row(1), other: row(0) } }), 403);
  });
});
