import type { ActionView, AuditEntryView, ConcernReceipt, ContactView, MeetingView } from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { asMemberOf } from './support/user-organisation';

const hex = () => randomBytes(3).toString('hex');
const query = (filter: Record<string, unknown>) => `?${new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify([0, 199]) })}`;

/**
 * An officer in the roster who signs in (ADR 34): the NGO admin links the officer's contact to police.isfara's login;
 * the link is unique, only for police contacts, only for contact:manage, and audited; "my actions" then lists what is
 * owned by that contact or by the officer's unit with nobody named.
 */
describe('an officer contact linked to a login, and my actions', () => {
  let unit: string;
  let officer: ContactView;
  let colleague: ContactView;
  let policeUser: string;
  const actions: Record<string, string> = {};

  const link = (contactId: string, userId: string | null, user = 'ngo.isfara') => api<ContactView & { code?: string }>(user, 'PATCH', `/contacts/${contactId}`, { userId });

  beforeAll(async () => {
    policeUser = await subjectOf('police.isfara');
    const created = await api<{ id: string }>('ngo.isfara', 'POST', '/organisations', { name: `Login police unit ${hex()}`, kind: 'district-police', districtCode: 'isfara' });
    expect(created.status).toBe(201);
    unit = created.body.id;
    const person = async (name: string) => (await api<ContactView>('ngo.isfara', 'POST', '/contacts', { name: `${name} ${hex()}`, organisationId: unit, consent: true })).body;
    officer = await person('Inspector');
    colleague = await person('Colleague');
  });

  afterAll(async () => {
    if (officer) await link(officer.id, null);
  });

  it('should link the officer’s contact to the login, once, for a police contact only, by contact:manage only, and audit it', async () => {
    const linked = await link(officer.id, policeUser);
    expect(linked.status).toBe(200);
    expect(linked.body.userId).toBe(policeUser);
    const correlationId = linked.headers.get('x-correlation-id') ?? '';

    const twice = await link(colleague.id, policeUser);
    expect([twice.status, twice.body.code]).toEqual([409, 'contact.user-linked']);
    const facilitator = await api<ContactView>('ngo.isfara', 'POST', '/contacts', { name: `Facilitator ${hex()}`, districtCode: 'isfara', consent: true });
    expect((await link(facilitator.body.id, policeUser)).status).toBe(400);
    expect((await link(colleague.id, 'police.isfara')).status).toBe(400);
    expect((await link(colleague.id, policeUser, 'gov.isfara')).status).toBe(403);
    expect((await api<ContactView>('ngo.isfara', 'GET', `/contacts/${colleague.id}`)).body.userId).toBeNull();

    const entry = await eventually(async () => {
      const log = await api<AuditEntryView[]>('coordinator', 'GET', `/audit${query({ username: 'ngo.isfara', action: 'contact:manage' })}`);
      const found = log.body.find((e) => e.correlationId === correlationId);
      if (!found) throw new Error('the link is not in the audit log yet');
      return found;
    }, 10_000, 100);
    expect(entry).toMatchObject({ resourceType: 'contact', resourceId: officer.id, outcome: 'success' });
  });

  it('should list as my actions those of my linked contact and of my unit with nobody named, not a colleague’s', async () => {
    const community = await api<{ id: string }>('ngo.isfara', 'POST', '/communities', { name: `Login village ${hex()}`, districtCode: 'isfara', kind: 'village' });
    const meeting = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: `Actions of the inspector ${hex()}`,
      startsAt: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
      venueName: 'School No. 6',
      venueType: 'school',
      organisedBy: 'police',
      policeUnitId: unit,
    });
    expect(meeting.status).toBe(201);
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${meeting.body.id}/transitions`, { to })).status).toBe(200);
    const concern = await api<ConcernReceipt>('ngo.isfara', 'POST', `/meetings/${meeting.body.id}/concerns`, { topic: 'road-safety', sensitivity: 'public', text: 'No street lights on the school road' });
    expect(concern.status).toBe(201);
    const assign = async (name: string, owner: Record<string, string>) => {
      const action = await api<ActionView>('ngo.isfara', 'POST', `/concerns/${concern.body.id}/actions`, { ...owner, dueDate: '2027-03-31' });
      expect(action.status).toBe(201);
      actions[name] = action.body.id;
    };
    await assign('officer', { ownerOrganisationId: unit, ownerContactId: officer.id });
    await assign('unit', { ownerOrganisationId: unit });
    await assign('colleague', { ownerOrganisationId: unit, ownerContactId: colleague.id });

    // Linked, without the unit in the token: the actions owned by the officer's contact.
    const mine = await api<ActionView[]>('police.isfara', 'GET', `/actions${query({ mine: true, concernId: concern.body.id })}`);
    expect(mine.status).toBe(200);
    expect(mine.body.map((a) => a.id)).toEqual([actions.officer]);
    // With the unit in the token too: and the unit's actions with nobody named.
    const withUnit = await asMemberOf('police.isfara', unit, () => api<ActionView[]>('police.isfara', 'GET', `/actions${query({ mine: true, concernId: concern.body.id })}`));
    expect(withUnit.body.map((a) => a.id).sort()).toEqual([actions.officer, actions.unit].sort());
    // Someone else's "mine" holds none of them.
    expect((await api<ActionView[]>('gov.isfara', 'GET', `/actions${query({ mine: true, concernId: concern.body.id })}`)).body).toEqual([]);
  });

  it('should show the officer their action in the console’s follow-up actions, mine by default', async () => {
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true })).newPage();
      await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'police.isfara', demoPassword());
      await page.goto(`${e2eEnv().consoleUrl}/#/actions`);
      // Sorted by due date, the officer's action is among theirs; the colleague's is not listed.
      await page.getByText(officer.name).first().waitFor({ timeout: 20_000 });
      await expect(page.getByText(colleague.name).count()).resolves.toBe(0);
    } finally {
      await browser.close();
    }
  });
});
