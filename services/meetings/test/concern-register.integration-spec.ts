import {
  AuditEntrySubmittedEvtV1,
  ErrorCode,
  ListConcernRegisterQryV1,
  RecordConcernCmdV1,
  RecordConcernInputSchema,
  type Actor,
  type DataOf,
  type RecordConcernInput,
} from '@rd/contracts';
import { RpcError } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';
import { seedMeeting } from './support/seed-meeting';

const inIsfara = (userId: string, role: Actor['roles'][number]): Actor => ({ userId, username: userId, roles: [role], scope: { national: false, regions: [], districts: ['isfara'] } });
const ngo = inIsfara('u-ngo-isfara', 'ngo-admin');
const police = inIsfara('u-police-isfara', 'police-officer');
const handler = inIsfara('u-police-handler', 'police-officer');
const localGov = inIsfara('u-gov-isfara', 'local-government');
const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
const reviewerSughd: Actor = { userId: 'u-reviewer', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };

const SECRET = 'Register-secret-7c2d: a border guard took my brother’s passport';
const DAY = 24 * 60 * 60 * 1000;
const query = (over: Partial<DataOf<typeof ListConcernRegisterQryV1>> = {}) =>
  ({ offset: 0, limit: 100, sort: 'raisedAt', order: 'ASC', ...over }) as DataOf<typeof ListConcernRegisterQryV1>;

describe('concerns register across meetings (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  const ctx = { correlationId: 'concern-register-test' };
  const communityOld = randomUUID();
  const communityNew = randomUUID();
  // Public, restricted and confidential in an old Isfara meeting; public in a recent one; public in Batken.
  const ids = { publicOld: '', restricted: '', confidential: '', publicNew: '', batken: '' };

  const record = async (actor: Actor, meetingId: string, input: RecordConcernInput) =>
    (await harness.rpc.request(RecordConcernCmdV1, actor, { meetingId, concern: RecordConcernInputSchema.parse(input) }, ctx)).id;
  const register = (actor: Actor, over: Partial<DataOf<typeof ListConcernRegisterQryV1>> = {}) => harness.rpc.request(ListConcernRegisterQryV1, actor, query(over), ctx);

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    const now = Date.now();
    const old = await seedMeeting(harness.orm, { districtCode: 'isfara', regionCode: 'sughd', communityIds: [communityOld], startsAt: new Date(now - 100 * DAY), title: 'Spring day' });
    const recent = await seedMeeting(harness.orm, { districtCode: 'isfara', regionCode: 'sughd', communityIds: [communityNew], startsAt: new Date(now - 5 * DAY), title: 'Winter day' });
    const batken = await seedMeeting(harness.orm, { districtCode: 'batken', regionCode: 'batken-region', startsAt: new Date(now - 5 * DAY) });
    ids.publicOld = await record(ngo, old, { topic: 'water-and-irrigation', text: 'The canal is dry in July' });
    ids.restricted = await record(ngo, old, { topic: 'youth-violence', sensitivity: 'restricted', text: 'Fights after school' });
    ids.confidential = await record(ngo, old, { topic: 'border-guards', sensitivity: 'confidential', text: SECRET, followUpNeeded: true, handlerIds: [handler.userId] });
    ids.publicNew = await record(ngo, recent, { topic: 'theft', text: 'Cattle stolen from the pasture', followUpNeeded: true });
    ids.batken = await record(policeBatken, batken, { topic: 'road-safety', text: 'No crossing at the school' });
  });

  afterAll(() => harness?.close());

  describe('who sees what', () => {
    const NONE = { public: 0, restricted: 0, confidential: 0 };
    // Each role as canReadConcern says: readers see the text, the others in scope are counted, nothing outside scope.
    it.each([
      ['the national coordinator', () => coordinator, ['publicOld', 'restricted', 'confidential', 'publicNew', 'batken'], NONE],
      ['a named handler', () => handler, ['publicOld', 'restricted', 'confidential', 'publicNew'], NONE],
      ['an NGO admin of the district', () => ngo, ['publicOld', 'restricted', 'publicNew'], { ...NONE, confidential: 1 }],
      ['a police officer who is not a handler', () => police, ['publicOld', 'restricted', 'publicNew'], { ...NONE, confidential: 1 }],
      ['local government', () => localGov, ['publicOld', 'publicNew'], { ...NONE, restricted: 1, confidential: 1 }],
      ['a police officer of another district', () => policeBatken, ['batken'], NONE],
    ] as const)('should show %s exactly what the reading rules allow, and count the rest', async (_who, actor, visible, hidden) => {
      const page = await register(actor());
      expect(page.items.map((row) => row.id).sort()).toEqual(visible.map((key) => ids[key]).sort());
      expect(page.total).toBe(visible.length);
      expect(page.hidden).toEqual(hidden);
      if (!visible.includes('confidential' as never)) expect(JSON.stringify(page)).not.toContain('Register-secret');
    });

    it('should refuse the regional reviewer, who reads no concern', async () => {
      const error = await harness.rpc.request(ListConcernRegisterQryV1, reviewerSughd, query(), ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).payload.code).toBe(ErrorCode.Forbidden);
    });

    it('should link each row to its meeting and date it by the meeting', async () => {
      const [row] = (await register(ngo, { communityId: communityNew })).items;
      expect(row).toMatchObject({ id: ids.publicNew, text: 'Cattle stolen from the pasture', meeting: { title: 'Winter day', status: 'held', communityIds: [communityNew] } });
      expect(Date.now() - Date.parse(row.raisedAt)).toBeGreaterThan(4 * DAY);
    });

    it('should audit every confidential concern it returns, and nothing for the others', async () => {
      const count = async () =>
        (
          await harness.orm.em
            .fork()
            .getConnection()
            .execute<{ n: string }[]>(`select count(*) as n from outbox_message where subject = ? and payload->>'resourceId' = ? and payload->>'path' = ?`, [
              AuditEntrySubmittedEvtV1.name,
              ids.confidential,
              ListConcernRegisterQryV1.name,
            ])
        )[0].n;
      const before = Number(await count());
      await register(police);
      expect(Number(await count())).toBe(before);
      await register(handler);
      expect(Number(await count())).toBe(before + 1);
    });
  });

  describe('filters, sorting and paging', () => {
    it('should narrow by district, community, topic and sensitivity, and count only hidden ones that match', async () => {
      expect((await register(coordinator, { districtCode: 'batken' })).items.map((r) => r.id)).toEqual([ids.batken]);
      expect((await register(ngo, { communityId: communityOld })).items.map((r) => r.id).sort()).toEqual([ids.publicOld, ids.restricted].sort());
      expect((await register(ngo, { communityId: communityNew })).hidden.confidential).toBe(0);
      expect(await register(ngo, { topic: 'border-guards' })).toMatchObject({ items: [], total: 0, hidden: { confidential: 1 } });
      expect(await register(localGov, { sensitivity: 'restricted' })).toMatchObject({ items: [], total: 0, hidden: { public: 0, restricted: 1, confidential: 0 } });
    });

    it('should narrow by status, never by the status of a concern the reader may not read', async () => {
      // Open: follow-up needed and no action done. The confidential one is open too, but counted whatever the status asked.
      expect(await register(ngo, { status: 'open' })).toMatchObject({ items: [{ id: ids.publicNew }], total: 1, hidden: { confidential: 1 } });
      const resolved = await register(ngo, { status: 'resolved' });
      expect(resolved.items.map((r) => r.id).sort()).toEqual([ids.publicOld, ids.restricted].sort());
      expect(resolved.hidden.confidential).toBe(1);
      expect((await register(handler, { status: 'open' })).items.map((r) => r.id).sort()).toEqual([ids.confidential, ids.publicNew].sort());
    });

    it('should narrow by age, counted from the meeting it was raised at', async () => {
      const older = await register(ngo, { minAgeDays: 30 });
      expect(older.items.map((r) => r.id).sort()).toEqual([ids.publicOld, ids.restricted].sort());
      expect(older.hidden.confidential).toBe(1);
      expect(await register(ngo, { maxAgeDays: 30 })).toMatchObject({ items: [{ id: ids.publicNew }], hidden: { confidential: 0 } });
    });

    it('should sort and page without overlap', async () => {
      const all = (await register(coordinator, { sort: 'raisedAt', order: 'DESC' })).items.map((r) => r.id);
      expect(all.slice(-3).sort()).toEqual([ids.publicOld, ids.restricted, ids.confidential].sort());
      const pages = [];
      for (let offset = 0; offset < all.length; offset += 2) pages.push(...(await register(coordinator, { sort: 'raisedAt', order: 'DESC', offset, limit: 2 })).items.map((r) => r.id));
      expect(pages).toEqual(all);
      const bySensitivity = (await register(coordinator, { sort: 'sensitivity', order: 'DESC' })).items.map((r) => r.sensitivity);
      expect(bySensitivity).toEqual(['confidential', 'restricted', 'public', 'public', 'public']);
    });
  });
});
