import type { CommunityView, ConcernReceipt, MeetingView, MinutesVersionView, MinutesView } from '@rd/contracts';
import { randomBytes } from 'node:crypto';
import { subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { readableText } from './support/file-text';
import { api, tokenFor } from './support/http';
import { asMemberOf } from './support/user-organisation';

const SECRET = `Confidential minutes e2e ${Date.now()}: the border guards took my cousin`;
const hex = () => randomBytes(3).toString('hex');

/**
 * Minutes through the gateway with real Keycloak tokens: draft → approve (by the organising police unit only) →
 * locked; confidential text refused.
 */
describe('minutes through the gateway', () => {
  let meetingId: string;
  let policeUnitId: string;

  beforeAll(async () => {
    const unit = await api<{ id: string }>('coordinator', 'POST', '/organisations', { name: `Minutes police unit ${hex()}`, kind: 'district-police', districtCode: 'isfara' });
    expect(unit.status).toBe(201);
    policeUnitId = unit.body.id;
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Minutes village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    const draft = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: 'Reporting day with minutes',
      startsAt: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
      venueName: 'School No. 2',
      venueType: 'school',
      organisedBy: 'police',
      policeUnitId,
    });
    expect(draft.status).toBe(201);
    meetingId = draft.body.id;
    expect((await api('police.isfara', 'POST', `/meetings/${meetingId}/transitions`, { to: 'scheduled' })).status).toBe(200);
    expect((await api('police.isfara', 'POST', `/meetings/${meetingId}/transitions`, { to: 'held' })).status).toBe(200);
    const handler = await subjectOf('ngo.isfara');
    const concern = await api<ConcernReceipt>('police.isfara', 'POST', `/meetings/${meetingId}/concerns`, {
      topic: 'border-guards',
      sensitivity: 'confidential',
      text: SECRET,
      handlerIds: [handler],
    });
    expect(concern.status).toBe(201);
    expect((await api('police.isfara', 'POST', `/meetings/${meetingId}/concerns`, { topic: 'water-and-irrigation', sensitivity: 'public', text: 'The canal gate is broken' })).status).toBe(201);
  });

  it('should start empty, with the concern section counting the confidential concern and showing only public text', async () => {
    const minutes = await api<MinutesView>('gov.isfara', 'GET', `/meetings/${meetingId}/minutes`);
    expect(minutes.status).toBe(200);
    expect(minutes.body).toMatchObject({ status: 'none', version: 0, concerns: { total: 2, bySensitivity: { public: 1, restricted: 0, confidential: 1 } } });
    expect(JSON.stringify(minutes.body)).toContain('canal gate');
    expect(JSON.stringify(minutes.body)).not.toContain('border guards took');
  });

  it('should refuse a draft containing a confidential concern text without echoing it', async () => {
    const refused = await api<{ status: number; errors?: { field: string }[] }>('ngo.isfara', 'PUT', `/meetings/${meetingId}/minutes`, { body: `# Minutes\n\n${SECRET}` });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.field).toBe('body');
    expect(JSON.stringify(refused.body)).not.toContain('border guards took');
  });

  it('should keep versions, approve, then lock', async () => {
    const first = await api<MinutesView>('ngo.isfara', 'PUT', `/meetings/${meetingId}/minutes`, { body: '# Minutes\n\nOne confidential concern was raised.' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'draft', version: 1 });
    const second = await api<MinutesView>('police.isfara', 'PUT', `/meetings/${meetingId}/minutes`, { body: '# Minutes\n\nAgreed.', expectedVersion: 1 });
    expect(second.body).toMatchObject({ version: 2 });
    const versions = await api<MinutesVersionView[]>('gov.isfara', 'GET', `/meetings/${meetingId}/minutes/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.map((v) => v.version)).toEqual([2, 1]);

    expect((await api('gov.isfara', 'POST', `/meetings/${meetingId}/minutes/approve`, {})).status).toBe(403);
    expect((await api('police.batken', 'POST', `/meetings/${meetingId}/minutes/approve`, {})).status).toBe(404);
    // A police officer of the district who is not of the organising unit (ADR 34): refused, nothing changes.
    const outsider = await api<{ code: string; detail: string }>('police.isfara', 'POST', `/meetings/${meetingId}/minutes/approve`, { expectedVersion: 2 });
    expect([outsider.status, outsider.body.code]).toEqual([403, 'minutes.approver-not-organiser']);
    expect(outsider.body.detail).toContain('organising police unit or its facilitating NGO');
    expect((await api<MinutesView>('gov.isfara', 'GET', `/meetings/${meetingId}/minutes`)).body.status).toBe('draft');
    // The same officer once the token names the organising unit.
    const approved = await asMemberOf('police.isfara', policeUnitId, () => api<MinutesView>('police.isfara', 'POST', `/meetings/${meetingId}/minutes/approve`, { expectedVersion: 2 }));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 2 });

    expect((await api('ngo.isfara', 'PUT', `/meetings/${meetingId}/minutes`, { body: 'Late edit' })).status).toBe(409);
    expect((await api('police.isfara', 'POST', `/meetings/${meetingId}/minutes/approve`, {})).status).toBe(409);
  });

  /** The minutes PDF as `user` sees it: status, headers and the text a reader could copy out of it. */
  async function minutesPdf(user: string | null, lang = 'ru') {
    const response = await fetch(`${e2eEnv().gatewayUrl}/meetings/${meetingId}/minutes.pdf?lang=${lang}`, { headers: user ? { Authorization: `Bearer ${await tokenFor(user)}` } : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: response.status === 200 ? readableText(bytes) : bytes.toString('utf8') };
  }

  it('should give the minutes as a PDF to who may read them, with the concerns each may read (issue 15)', async () => {
    const gov = await minutesPdf('gov.isfara');
    expect(gov.status).toBe(200);
    expect(gov.headers.get('content-type')).toBe('application/pdf');
    expect(gov.headers.get('content-disposition')).toBe(`attachment; filename="minutes-${meetingId}.pdf"`);
    expect(gov.headers.get('cache-control')).toBe('private, no-store');
    for (const text of ['Reporting day with minutes', 'Сообщества: Minutes village', 'Место: School No. 2', 'Утверждён, версия 2', 'Agreed.', 'Вопросы по темам', 'Вода и орошение', 'открытые: 1', 'The canal gate is broken']) {
      expect(gov.text).toContain(text);
    }
    // Local government may not read the confidential concern: neither its text nor its topic nor its sensitivity.
    for (const hidden of ['border guards took', 'Пограничники', 'конфиденциальные', 'border-guards', 'water-and-irrigation']) expect(gov.text).not.toContain(hidden);
    // A police officer who is not its handler gets no more of it either; labels follow lang.
    const police = await minutesPdf('police.isfara', 'en');
    expect(police.status).toBe(200);
    expect(police.text).toContain('Water and irrigation');
    for (const hidden of ['border guards took', 'Border guards', 'confidential']) expect(police.text).not.toContain(hidden);
    // The national coordinator sees the confidential topic counted (ADR 11), never its text.
    const coordinator = await minutesPdf('coordinator');
    expect(coordinator.text).toContain('Пограничники');
    expect(coordinator.text).not.toContain('border guards took');
  });

  it('should refuse the minutes PDF outside scope, to the regional reviewer and without a token, as the minutes themselves', async () => {
    expect((await minutesPdf('police.batken')).status).toBe(404);
    expect((await minutesPdf('reviewer.sughd')).status).toBe((await api('reviewer.sughd', 'GET', `/meetings/${meetingId}/minutes`)).status);
    expect((await minutesPdf(null)).status).toBe(401);
    const bad = await minutesPdf('gov.isfara', 'fr');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('should hide the minutes outside scope and from the regional reviewer', async () => {
    expect((await api('police.batken', 'GET', `/meetings/${meetingId}/minutes`)).status).toBe(404);
    expect((await api('police.batken', 'PUT', `/meetings/${meetingId}/minutes`, { body: 'x' })).status).toBe(404);
    expect((await api('reviewer.sughd', 'GET', `/meetings/${meetingId}/minutes`)).status).toBe(404);
    expect((await api('reviewer.sughd', 'GET', `/meetings/${meetingId}/minutes/versions`)).status).toBe(404);
    expect((await api(null, 'GET', `/meetings/${meetingId}/minutes`)).status).toBe(401);
  });
});
