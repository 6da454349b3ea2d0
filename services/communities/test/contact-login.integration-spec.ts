import {
  CreateContactCmdV1,
  CreateOrganisationCmdV1,
  EraseContactCmdV1,
  ErrorCode,
  GetContactQryV1,
  ListContactsQryV1,
  UpdateContactCmdV1,
  type Actor,
  type ContactView,
  type OrganisationKind,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { refusal as refused, startCommunitiesHarness, type CommunitiesHarness } from './support/communities-harness';

const ngoIsfara: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const govIsfara: Actor = { userId: 'u-gov-isfara', username: 'gov.isfara', roles: ['local-government'], scope: { national: false, regions: [], districts: ['isfara'] } };

/** An officer contact linked to the officer's login (ADR 34): by contact:manage, one contact per login, cleared on erasure. */
describe('contacts linked to a login (real PostgreSQL and NATS)', () => {
  let harness: CommunitiesHarness;
  const ctx = { correlationId: 'contact-login-test' };

  beforeAll(async () => {
    harness = await startCommunitiesHarness();
  });
  afterAll(() => harness?.close());

  const organisation = async (kind: OrganisationKind) =>
    (await harness.rpc.request(CreateOrganisationCmdV1, ngoIsfara, { name: `Login ${kind} ${randomUUID().slice(0, 6)}`, kind, districtCode: 'isfara' }, ctx)).id;
  const contact = async (organisationId: string): Promise<ContactView> =>
    harness.rpc.request(
      CreateContactCmdV1,
      ngoIsfara,
      { name: `Officer ${randomUUID().slice(0, 6)}`, organisationId, preferredLanguage: 'ru', preferredChannel: 'console', consent: true, communityIds: [] },
      ctx,
    );
  const link = (id: string, userId: string | null, actor: Actor = ngoIsfara) => harness.rpc.request(UpdateContactCmdV1, actor, { id, patch: { userId } }, ctx);
  const stored = async (id: string) => (await harness.rpc.request(GetContactQryV1, ngoIsfara, { id }, ctx)).userId;

  it('should link an officer of a police unit to a login, find the contact by it, and unlink it', async () => {
    const officer = await contact(await organisation('district-police'));
    expect(officer.userId).toBeNull();
    const userId = randomUUID();
    expect(await link(officer.id, userId)).toMatchObject({ id: officer.id, userId });
    const found = await harness.rpc.request(ListContactsQryV1, ngoIsfara, { offset: 0, limit: 10, sort: 'name', order: 'ASC', userId }, ctx);
    expect(found.items.map((c) => c.id)).toEqual([officer.id]);
    expect(await link(officer.id, null)).toMatchObject({ userId: null });
  });

  it('should refuse a second contact for the same login, a contact of a non-police organisation and a caller without contact:manage, changing nothing', async () => {
    const unit = await organisation('district-police');
    const first = await contact(unit);
    const second = await contact(unit);
    const userId = randomUUID();
    await link(first.id, userId);
    expect(await link(first.id, userId)).toMatchObject({ userId }); // the same link again changes nothing
    expect(await refused(link(second.id, userId))).toMatchObject({ code: ErrorCode.Conflict, reason: 'contact.user-linked', errors: [{ field: 'userId' }] });
    expect(await stored(second.id)).toBeNull();

    const facilitator = await contact(await organisation('ngo'));
    const notPolice = await refused(link(facilitator.id, randomUUID()));
    expect(notPolice).toMatchObject({ code: ErrorCode.ValidationFailed, errors: [{ field: 'userId', message: expect.stringContaining('police') }] });
    expect(await stored(facilitator.id)).toBeNull();

    expect(await refused(link(second.id, randomUUID(), govIsfara))).toMatchObject({ code: ErrorCode.Forbidden });
    const bad = await refused(harness.rpc.request(UpdateContactCmdV1, ngoIsfara, { id: second.id, patch: { userId: 'police.isfara' } } as never, ctx));
    expect(bad).toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(await stored(second.id)).toBeNull();
  });

  it('should let only one of two simultaneous links of one login win', async () => {
    const unit = await organisation('district-police');
    const [a, b] = [await contact(unit), await contact(unit)];
    const userId = randomUUID();
    const results = await Promise.allSettled([link(a.id, userId), link(b.id, userId)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rows] = await harness.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from contact where user_id = ?', [userId]);
    expect(Number(rows.n)).toBe(1);
  });

  it('should drop the link when the contact is erased', async () => {
    const officer = await contact(await organisation('district-police'));
    await link(officer.id, randomUUID());
    expect(await harness.rpc.request(EraseContactCmdV1, ngoIsfara, { id: officer.id }, ctx)).toMatchObject({ userId: null, name: '' });
  });
});
