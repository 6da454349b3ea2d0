import { ProblemDetailsSchema, type AuditEntryView, type CommunityView, type ContactCardView, type ContactView, type OrganisationView } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { e2eEnv } from './support/e2e-env';
import { readableText } from './support/file-text';
import { api, tokenFor } from './support/http';

const hex = () => randomBytes(3).toString('hex');
/** A phone number of this run, so no other suite's data can make a check pass. */
const phone = (prefix: string) => `+992${prefix}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

/** The card PDF as `user` gets it: status, headers and the text with wrapped lines joined. */
async function cardPdf(user: string, communityId: string) {
  const response = await fetch(`${e2eEnv().gatewayUrl}/communities/${communityId}/contact-card.pdf`, { headers: { Authorization: `Bearer ${await tokenFor(user)}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = response.status === 200 ? readableText(bytes).replace(/\s+/g, ' ') : bytes.toString('utf8');
  return { status: response.status, headers: response.headers, text };
}

/**
 * The officer's contact card (issue 16, ADR 49) through the gateway with the demo users: an officer's work phone is
 * printed only after the officer agreed to publish it; the card is in the community's language (Tajik, Kyrgyz); it
 * is read like the community (scope, community:read) and every download is in the audit log.
 */
describe('the community contact card through the gateway', () => {
  const privatePhones = { agreed: phone('93'), declined: phone('94') };
  const workPhone = phone('92');
  const dutyPhone = phone('34');
  let unit: OrganisationView;
  let agreed: ContactView;
  let declined: ContactView;
  let tajik: CommunityView;
  let kyrgyz: CommunityView;

  const post = async <T>(path: string, body: unknown, user = 'ngo.isfara'): Promise<T> => {
    const response = await api<T>(user, 'POST', path, body);
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    unit = await post<OrganisationView>('/organisations', { name: `Isfara police ${hex()}`, kind: 'district-police', districtCode: 'isfara', dutyPhone });
    const officer = (name: string, privatePhone: string) =>
      post<ContactView>('/contacts', { name, position: 'Inspector', organisationId: unit.id, phone: privatePhone, consent: true, preferredLanguage: 'tg' });
    agreed = await officer(`Officer agreed ${hex()}`, privatePhones.agreed);
    declined = await officer(`Officer declined ${hex()}`, privatePhones.declined);
    tajik = await post<CommunityView>('/communities', { name: `Card village ${hex()}`, districtCode: 'isfara', kind: 'village', languages: ['tg', 'ru'] });
    kyrgyz = await post<CommunityView>('/communities', { name: `Card ayil ${hex()}`, districtCode: 'isfara', kind: 'ayil-aymak', languages: ['ky'] });
    // The one who declined served the Tajik community before; the one who agreed serves it now.
    await post('/officer-assignments', { communityId: tajik.id, officerContactId: declined.id, policeUnitId: unit.id, since: '2026-01-05' }, 'police.isfara');
    await post('/officer-assignments', { communityId: tajik.id, officerContactId: agreed.id, since: '2026-03-01' }, 'police.isfara');
    await post('/officer-assignments', { communityId: kyrgyz.id, officerContactId: declined.id, policeUnitId: unit.id, since: '2026-02-01' }, 'police.isfara');
  });

  it('should refuse a malformed number and a colleague’s record with problem+json, and take the consent from a manager', async () => {
    const malformed = await api('ngo.isfara', 'PUT', `/contacts/${agreed.id}/card-consent`, { publish: true, workPhone: '92 755 50 01' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(ProblemDetailsSchema.parse(malformed.body).errors?.map((e) => e.field)).toContain('workPhone');

    const notOwn = await api('police.isfara', 'PUT', `/contacts/${declined.id}/card-consent`, { publish: true, workPhone });
    expect(notOwn.status).toBe(403);
    expect(ProblemDetailsSchema.parse(notOwn.body).code).toBe('contact.publish-not-own');

    const given = await api<ContactView>('ngo.isfara', 'PUT', `/contacts/${agreed.id}/card-consent`, { publish: true, workPhone });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ publishedWorkPhone: workPhone, publishConsentAt: expect.any(String) });
  });

  it('should print the consenting officer’s work phone and the duty number in Tajik, and nothing of the officer who did not agree', async () => {
    const card = await cardPdf('gov.isfara', tajik.id);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('application/pdf');
    expect(card.headers.get('content-disposition')).toBe(`attachment; filename="contact-card-${tajik.id}.pdf"`);
    for (const letter of ['қ', 'ӣ', 'ӯ', 'Ҷ']) expect(card.text).toContain(letter);
    expect(card.text).toContain('Нозири минтақавии милитсияи шумо');
    expect(card.text).toContain(agreed.name);
    expect(card.text).toContain(workPhone);
    expect(card.text).toContain(dutyPhone);
    for (const hidden of [declined.name, privatePhones.declined, privatePhones.agreed]) expect(card.text).not.toContain(hidden);

    const json = await api<ContactCardView>('gov.isfara', 'GET', `/communities/${tajik.id}/contact-card`);
    expect(json.status).toBe(200);
    expect(json.body).toEqual({
      communityId: tajik.id,
      communityName: tajik.name,
      language: 'tg',
      policeUnit: { id: unit.id, name: unit.name, dutyPhone },
      officers: [{ contactId: agreed.id, name: agreed.name, position: 'Inspector', workPhone, policeUnit: { id: unit.id, name: unit.name, dutyPhone } }],
    });
  });

  it('should print only the duty number, in Kyrgyz, where the officer did not agree', async () => {
    const card = await cardPdf('police.isfara', kyrgyz.id);
    expect(card.status).toBe(200);
    for (const letter of ['ң', 'ө', 'ү']) expect(card.text).toContain(letter);
    expect(card.text).toContain('Кезметчи бөлүктүн телефону');
    expect(card.text).toContain(dutyPhone);
    for (const hidden of [declined.name, privatePhones.declined, workPhone]) expect(card.text).not.toContain(hidden);
  });

  it('should hide the card outside the district and from a role that never reads communities (404, the guard’s rule for objects), and refuse the consent to a role without contact:publish (403)', async () => {
    const outside = await cardPdf('police.batken', tajik.id);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(outside.text).not.toContain(workPhone);
    expect((await api('police.batken', 'GET', `/communities/${tajik.id}/contact-card`)).status).toBe(404);
    // The regional reviewer has no community:read: a route naming a community answers 404 (AuthGuard), audited as denied.
    expect((await cardPdf('reviewer.sughd', tajik.id)).status).toBe(404);
    expect((await api('reviewer.sughd', 'GET', `/communities/${tajik.id}/contact-card`)).status).toBe(404);
    const refused = await api('gov.isfara', 'PUT', `/contacts/${agreed.id}/card-consent`, { publish: true, workPhone });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('should record each download of the card in the audit log, like other exports', async () => {
    const card = await cardPdf('gov.isfara', tajik.id);
    expect(card.status).toBe(200);
    const correlationId = card.headers.get('x-correlation-id') ?? '';
    const filter = encodeURIComponent(JSON.stringify({ username: 'gov.isfara', action: 'community:read' }));
    const entry = await eventually(
      async () => {
        const page = await api<AuditEntryView[]>('coordinator', 'GET', `/audit?filter=${filter}&range=${encodeURIComponent('[0,99]')}&sort=${encodeURIComponent('["occurredAt","DESC"]')}`);
        const found = page.body.find((e) => e.correlationId === correlationId);
        if (!found) throw new Error(`no audit entry for ${correlationId}`);
        return found;
      },
      5000,
      50,
    );
    expect(entry).toMatchObject({ outcome: 'success', httpStatus: 200, method: 'GET', resourceId: tajik.id, path: `/api/v1/communities/${tajik.id}/contact-card.pdf` });
  });

  it('should drop the officer from the card once they withdraw', async () => {
    expect((await api('ngo.isfara', 'PUT', `/contacts/${agreed.id}/card-consent`, { publish: false })).status).toBe(200);
    const card = await cardPdf('gov.isfara', tajik.id);
    expect(card.text).not.toContain(workPhone);
    expect(card.text).toContain(dutyPhone);
  });
});
