import {
  AssignActionCmdV1,
  AssignActionInputSchema,
  ListActionsQryV1,
  RecordConcernCmdV1,
  RecordConcernInputSchema,
  type Actor,
  type DataOf,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { communitiesWorld } from './support/communities-stub';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const unit = randomUUID();
const otherUnit = randomUUID();
const officerContact = randomUUID();
const colleagueContact = randomUUID();
const khojaAlo = randomUUID();
const somonien = randomUUID();
const isfara = { national: false, regions: [], districts: ['isfara'] };
/** A police officer whose login is linked to the roster's officer contact (ADR 34) and whose token names the unit. */
const officer: Actor = { userId: randomUUID(), username: 'police.officer', roles: ['police-officer'], scope: isfara, organisationId: unit };
const recorder: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: isfara };

/** "My actions": the actions owned by the contact linked to my login, or by my organisation with nobody named. */
describe('my actions (real PostgreSQL and NATS)', () => {
  let h: MeetingsHarness;
  const ctx = { correlationId: 'my-actions-test' };
  const owned: Record<string, string> = {};
  const list = (actor: Actor, over: Partial<DataOf<typeof ListActionsQryV1>> = {}) =>
    h.rpc.request(ListActionsQryV1, actor, { offset: 0, limit: 500, sort: 'dueDate', order: 'ASC', ...over } as DataOf<typeof ListActionsQryV1>, ctx);

  beforeAll(async () => {
    h = await startMeetingsHarness();
    communitiesWorld.logins.set(officer.userId, officerContact);
    /** A held local meeting for the community, with one public concern needing follow-up. */
    const concernAt = async (communityId: string) => {
      const meetingId = randomUUID();
      await h.orm.em.fork().getConnection().execute(
        `insert into meeting (id, kind, title, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, created_by, created_at, updated_at, community_ids)
         values (?, 'local', 'Reporting day', 'isfara', 'sughd', 'Asia/Dushanbe', now(), '2026-Q4', 'School', 'school', 'police', 'held', 'seed', now(), now(), ?::jsonb)`,
        [meetingId, JSON.stringify([communityId])],
      );
      return h.rpc.request(
        RecordConcernCmdV1,
        recorder,
        { meetingId, concern: RecordConcernInputSchema.parse({ topic: 'road-safety', sensitivity: 'public', text: 'The bridge has no railing', followUpNeeded: true }) },
        ctx,
      );
    };
    const concern = await concernAt(khojaAlo);
    const elsewhere = await concernAt(somonien);
    const assign = async (name: string, owner: { ownerOrganisationId: string; ownerContactId?: string }, concernId = concern.id) => {
      const action = await h.rpc.request(AssignActionCmdV1, recorder, { concernId, action: AssignActionInputSchema.parse({ ...owner, dueDate: '2027-03-31' }) }, ctx);
      owned[name] = action.id;
    };
    await assign('byMyContact', { ownerOrganisationId: unit, ownerContactId: officerContact });
    await assign('byMyUnit', { ownerOrganisationId: unit });
    await assign('byColleague', { ownerOrganisationId: unit, ownerContactId: colleagueContact });
    await assign('byOtherUnit', { ownerOrganisationId: otherUnit });
    await assign('inSomonien', { ownerOrganisationId: unit, ownerContactId: officerContact }, elsewhere.id);
  });
  afterAll(() => h?.close());

  it('should list the actions owned by my linked contact and by my unit with nobody named, and not a colleague’s or another unit’s', async () => {
    const mine = await list(officer, { mine: true });
    expect(mine.items.map((a) => a.id).sort()).toEqual([owned.byMyContact, owned.byMyUnit, owned.inSomonien].sort());
    expect(mine.total).toBe(3);
    expect((await list(officer)).items.map((a) => a.id)).toEqual(expect.arrayContaining(Object.values(owned)));
  });

  it('should find my contact’s actions without an organisation in the token, and nothing for someone neither linked nor in an organisation', async () => {
    const { organisationId: _unit, ...withoutOrganisation } = officer;
    expect((await list(withoutOrganisation, { mine: true })).items.map((a) => a.id).sort()).toEqual([owned.byMyContact, owned.inSomonien].sort());
    expect((await list(recorder, { mine: true })).items).toEqual([]);
  });

  it('should narrow the list to the actions of concerns raised at meetings for one community (the community page, issue 15)', async () => {
    const inKhojaAlo = await list(officer, { communityId: khojaAlo });
    expect(inKhojaAlo.items.map((a) => a.id).sort()).toEqual([owned.byMyContact, owned.byMyUnit, owned.byColleague, owned.byOtherUnit].sort());
    expect((await list(officer, { communityId: somonien })).items.map((a) => a.id)).toEqual([owned.inSomonien]);
    expect((await list(officer, { communityId: khojaAlo, mine: true })).total).toBe(2);
    expect((await list(officer, { communityId: randomUUID() })).items).toEqual([]);
  });
});
