import {
  AssignOfficerCmdV1,
  CreateCommunityCmdV1,
  CreateContactCmdV1,
  CreateOrganisationCmdV1,
  EraseContactCmdV1,
  ErrorCode,
  GetContactCardQryV1,
  GetContactQryV1,
  SetContactCardConsentCmdV1,
  UpdateContactCmdV1,
  UpdateOrganisationCmdV1,
  type Actor,
  type ContactCardConsentInput,
  type Language,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { refusal as refused, startCommunitiesHarness, type CommunitiesHarness } from './support/communities-harness';

const district = (roles: Actor['roles'], userId: string, districts = ['isfara']): Actor => ({
  userId,
  username: userId,
  roles,
  scope: { national: false, regions: [], districts },
});
const ngoIsfara = district(['ngo-admin'], 'u-ngo-card');
const policeIsfara = district(['police-officer'], 'u-police-card');
const govIsfara = district(['local-government'], 'u-gov-card');
const ngoBatken = district(['ngo-admin'], 'u-ngo-batken-card', ['batken']);
const reviewer: Actor = { userId: 'u-reviewer-card', username: 'reviewer', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };

/** The community contact card (ADR 49): who may publish, and that only what was agreed to is on the card. */
describe('the officer contact card (real PostgreSQL and NATS)', () => {
  let harness: CommunitiesHarness;
  const ctx = { correlationId: 'contact-card-test' };

  beforeAll(async () => {
    harness = await startCommunitiesHarness();
  });
  afterAll(() => harness?.close());

  const suffix = () => randomUUID().slice(0, 6);
  const policeUnit = async (dutyPhone?: string) =>
    harness.rpc.request(CreateOrganisationCmdV1, ngoIsfara, { name: `Isfara police ${suffix()}`, kind: 'district-police', districtCode: 'isfara', dutyPhone }, ctx);
  const officer = async (organisationId: string, phone = '+992927000001') =>
    harness.rpc.request(
      CreateContactCmdV1,
      ngoIsfara,
      { name: `Officer ${suffix()}`, position: 'Inspector', organisationId, phone, email: 'private@example.org', preferredLanguage: 'tg', preferredChannel: 'sms', consent: true, communityIds: [] },
      ctx,
    );
  const community = async (languages: Language[]) =>
    harness.rpc.request(CreateCommunityCmdV1, ngoIsfara, { name: `Card village ${suffix()}`, districtCode: 'isfara', kind: 'village', borderAdjacent: false, languages }, ctx);
  const publish = (id: string, consent: ContactCardConsentInput, actor: Actor = ngoIsfara) => harness.rpc.request(SetContactCardConsentCmdV1, actor, { id, consent }, ctx);
  const card = (communityId: string, actor: Actor = govIsfara) => harness.rpc.request(GetContactCardQryV1, actor, { communityId }, ctx);

  it('should print only the officer who agreed, with the published number (not the private one), in the community’s language', async () => {
    const unit = await policeUnit('+992343100102');
    const agreed = await officer(unit.id);
    const village = await community(['uz', 'ky', 'ru']);
    await harness.rpc.request(AssignOfficerCmdV1, policeIsfara, { communityId: village.id, officerContactId: agreed.id, policeUnitId: unit.id, since: '2026-01-10' }, ctx);

    const before = await card(village.id);
    expect(before).toEqual({
      communityId: village.id,
      communityName: village.name,
      language: 'ky',
      policeUnit: { id: unit.id, name: unit.name, dutyPhone: '+992343100102' },
      officers: [],
    });

    const view = await publish(agreed.id, { publish: true, workPhone: '+992927555001' });
    expect(view).toMatchObject({ publishedWorkPhone: '+992927555001', publishConsentAt: expect.any(String) });
    const after = await card(village.id);
    expect(after.officers).toEqual([
      { contactId: agreed.id, name: agreed.name, position: 'Inspector', workPhone: '+992927555001', policeUnit: { id: unit.id, name: unit.name, dutyPhone: '+992343100102' } },
    ]);
    expect(JSON.stringify(after)).not.toContain('+992927000001');
    expect(JSON.stringify(after)).not.toContain('private@example.org');

    // A new officer takes over: the card shows who serves now, and the one who did not agree is left out.
    const successor = await officer(unit.id, '+992927000002');
    await harness.rpc.request(AssignOfficerCmdV1, policeIsfara, { communityId: village.id, officerContactId: successor.id, since: '2026-06-01' }, ctx);
    expect((await card(village.id)).officers).toEqual([]);

    await publish(agreed.id, { publish: false });
    expect((await harness.rpc.request(GetContactQryV1, ngoIsfara, { id: agreed.id }, ctx)).publishedWorkPhone).toBeNull();
  });

  it('should let the officer publish their own number (linked login) but not a colleague’s, and a manager publish anyone’s in scope', async () => {
    const unit = await policeUnit();
    const own = await officer(unit.id);
    const colleague = await officer(unit.id);
    await harness.rpc.request(UpdateContactCmdV1, ngoIsfara, { id: own.id, patch: { userId: randomUUID() } }, ctx);
    const ownLogin = { ...policeIsfara, userId: (await harness.rpc.request(GetContactQryV1, ngoIsfara, { id: own.id }, ctx)).userId as string };

    expect(await publish(own.id, { publish: true, workPhone: '+992927555010' }, ownLogin)).toMatchObject({ publishedWorkPhone: '+992927555010' });
    expect(await refused(publish(colleague.id, { publish: true, workPhone: '+992927555011' }, ownLogin))).toMatchObject({ code: ErrorCode.Forbidden, reason: 'contact.publish-not-own' });
    expect(await refused(publish(colleague.id, { publish: true, workPhone: '+992927555011' }, govIsfara))).toMatchObject({ code: ErrorCode.Forbidden, reason: 'auth.forbidden' });
    expect(await refused(publish(colleague.id, { publish: true, workPhone: '+992927555011' }, ngoBatken))).toMatchObject({ code: ErrorCode.NotFound });
    expect(await publish(colleague.id, { publish: true, workPhone: '+992927555011' })).toMatchObject({ publishedWorkPhone: '+992927555011' });

    const bad = await refused(harness.rpc.request(SetContactCardConsentCmdV1, ngoIsfara, { id: own.id, consent: { publish: true, workPhone: '927 55 50 10' } } as never, ctx));
    expect(bad).toMatchObject({ code: ErrorCode.ValidationFailed });
    const missing = await refused(harness.rpc.request(SetContactCardConsentCmdV1, ngoIsfara, { id: own.id, consent: { publish: true } } as never, ctx));
    expect(missing).toMatchObject({ code: ErrorCode.ValidationFailed });
    expect((await harness.rpc.request(GetContactQryV1, ngoIsfara, { id: own.id }, ctx)).publishedWorkPhone).toBe('+992927555010');
  });

  it('should withdraw the published number when the contact is erased, and refuse publishing for an erased contact', async () => {
    const unit = await policeUnit();
    const person = await officer(unit.id);
    await publish(person.id, { publish: true, workPhone: '+992927555020' });
    expect(await harness.rpc.request(EraseContactCmdV1, ngoIsfara, { id: person.id }, ctx)).toMatchObject({ publishedWorkPhone: null });
    expect(await refused(publish(person.id, { publish: true, workPhone: '+992927555020' }))).toMatchObject({ code: ErrorCode.Conflict, reason: 'contact.erased' });
  });

  it('should keep a duty number for police units only, and hide the card outside scope and from a role without community:read', async () => {
    const ngo = await harness.rpc.request(CreateOrganisationCmdV1, ngoIsfara, { name: `Isfara NGO ${suffix()}`, kind: 'ngo', districtCode: 'isfara' }, ctx);
    const refusedPhone = await refused(harness.rpc.request(UpdateOrganisationCmdV1, ngoIsfara, { id: ngo.id, patch: { dutyPhone: '+992343100199' } }, ctx));
    expect(refusedPhone).toMatchObject({ code: ErrorCode.ValidationFailed, errors: [{ field: 'dutyPhone' }] });
    const unit = await policeUnit();
    expect(await harness.rpc.request(UpdateOrganisationCmdV1, ngoIsfara, { id: unit.id, patch: { dutyPhone: '+992343100103' } }, ctx)).toMatchObject({ dutyPhone: '+992343100103' });
    expect(await harness.rpc.request(UpdateOrganisationCmdV1, ngoIsfara, { id: unit.id, patch: { dutyPhone: null } }, ctx)).toMatchObject({ dutyPhone: null });

    const village = await community([]);
    expect(await card(village.id, policeIsfara)).toMatchObject({ language: 'ru', policeUnit: null, officers: [] });
    expect(await refused(card(village.id, ngoBatken))).toMatchObject({ code: ErrorCode.NotFound });
    expect(await refused(card(village.id, reviewer))).toMatchObject({ code: ErrorCode.Forbidden });
  });
});
