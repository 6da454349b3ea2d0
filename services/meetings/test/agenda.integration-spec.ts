import {
  ApplyTemplateCmdV1,
  AttachBriefingCmdV1,
  CreateBriefingCmdV1,
  CreateMeetingCmdV1,
  ListBriefingDeliveriesQryV1,
  ErrorCode,
  GetAgendaQryV1,
  GetTemplateQryV1,
  ListTemplatesQryV1,
  RecordConcernCmdV1,
  RecordConcernInputSchema,
  TickChecklistItemCmdV1,
  type Actor,
  type CreateMeetingInput,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const policeIsfara: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
const localGovIsfara: Actor = { userId: 'u-lg', username: 'lg.isfara', roles: ['local-government'], scope: { national: false, regions: [], districts: ['isfara'] } };
const isfara = { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' };

const input = (): CreateMeetingInput => ({
  kind: 'local',
  communityIds: [randomUUID()],
  districtCode: 'isfara',
  title: 'Reporting day, Somonien',
  startsAt: '2027-03-20T05:00:00Z',
  durationMinutes: 120,
  venueName: 'Community centre',
  venueType: 'community-centre',
  organisedBy: 'police',
  inviteeContactIds: [],
  inviteeOrganisationIds: [],
});

describe('agenda and templates (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  const ctx = { correlationId: 'agenda-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc } = harness);
  });

  afterAll(() => harness?.close());

  const sql = (query: string, params: unknown[] = []) => harness.orm.em.fork().getConnection().execute(query, params);

  async function rpcError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(code);
  }

  async function defaultTemplateId(): Promise<string> {
    const { items } = await rpc.request(ListTemplatesQryV1, policeIsfara, {}, ctx);
    const template = items.find((t) => t.key === 'reporting-day' && t.version === 1);
    if (!template) throw new Error('default template not seeded');
    return template.id;
  }

  it('should seed the handbook template v1 with its agenda and checklist', async () => {
    const template = await rpc.request(GetTemplateQryV1, localGovIsfara, { id: await defaultTemplateId() }, ctx);
    expect(template.agenda.map((i) => i.kind)).toEqual([
      'security-briefing',
      'police-work-results',
      'new-staff-introduction',
      'legal-information',
      'questions-and-answers',
      'next-steps',
    ]);
    expect(template.checklist.map((i) => i.offsetDays)).toEqual([-14, -10, -7, -5, 7]);
  });

  it('should copy the template onto a meeting with due dates relative to its start', async () => {
    const meeting = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
    const templateId = await defaultTemplateId();
    const applied = await rpc.request(ApplyTemplateCmdV1, policeIsfara, { meetingId: meeting.id, templateId }, ctx);
    expect(applied).toMatchObject({ meetingId: meeting.id, templateId, templateVersion: 1 });
    expect(applied.items).toHaveLength(6);
    expect(applied.checklist.map((i) => [i.key, i.dueDate])).toEqual([
      ['book-venue', '2027-03-06'],
      ['invite-officials', '2027-03-10'],
      ['mobilise-residents', '2027-03-13'],
      ['prepare-legal-briefing', '2027-03-15'],
      ['share-minutes', '2027-03-27'],
    ]);
    expect(await rpc.request(GetAgendaQryV1, localGovIsfara, { meetingId: meeting.id }, ctx)).toEqual(applied);
  });

  it('should date the checklist by the district calendar for a meeting early in the local morning', async () => {
    // 23:30 UTC on 20 March is 04:30 on 21 March in Isfara (UTC+5): the steps count from 21 March.
    const meeting = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: { ...input(), startsAt: '2027-03-20T23:30:00Z' }, place: isfara }, ctx);
    const applied = await rpc.request(ApplyTemplateCmdV1, policeIsfara, { meetingId: meeting.id, templateId: await defaultTemplateId() }, ctx);
    expect(applied.checklist.map((i) => i.dueDate)).toEqual(['2027-03-07', '2027-03-11', '2027-03-14', '2027-03-16', '2027-03-28']);
  });

  it('should tick a checklist item once and keep the first tick', async () => {
    const meeting = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
    const applied = await rpc.request(ApplyTemplateCmdV1, policeIsfara, { meetingId: meeting.id, templateId: await defaultTemplateId() }, ctx);
    const itemId = applied.checklist[0]!.id;
    const first = await rpc.request(TickChecklistItemCmdV1, policeIsfara, { meetingId: meeting.id, itemId }, ctx);
    expect(first.checklist[0]).toMatchObject({ done: true, doneBy: 'u-police-isfara', overdue: false });
    const again = await rpc.request(TickChecklistItemCmdV1, policeIsfara, { meetingId: meeting.id, itemId }, ctx);
    expect(again.checklist[0]!.doneAt).toBe(first.checklist[0]!.doneAt);
  });

  it('should keep meetings outside the scope hidden on read and forbidden on write', async () => {
    const meeting = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
    const templateId = await defaultTemplateId();
    await rpcError(rpc.request(GetAgendaQryV1, policeBatken, { meetingId: meeting.id }, ctx), ErrorCode.NotFound);
    await rpcError(rpc.request(ApplyTemplateCmdV1, policeBatken, { meetingId: meeting.id, templateId }, ctx), ErrorCode.NotFound);
    await rpcError(rpc.request(ApplyTemplateCmdV1, localGovIsfara, { meetingId: meeting.id, templateId }, ctx), ErrorCode.Forbidden);
    await rpcError(rpc.request(TickChecklistItemCmdV1, policeIsfara, { meetingId: meeting.id, itemId: randomUUID() }, ctx), ErrorCode.NotFound);
  });

  describe('carry-over', () => {
    const SECRET = 'Carry-over-secret-7c2d: border guards at the crossing';
    const ngo: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };

    it('should list open concerns of the community earlier meetings and count confidential ones without their text', async () => {
      const community = randomUUID();
      const earlierId = randomUUID();
      await sql(
        `insert into meeting (id, kind, title, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, community_ids, created_by, created_at, updated_at)
         values (?, 'local', 'Earlier reporting day', 'isfara', 'sughd', 'Asia/Dushanbe', '2026-10-01T05:00:00Z', '2026-Q4', 'School', 'school', 'police', 'held', ?::jsonb, 'seed', now(), now())`,
        [earlierId, JSON.stringify([community])],
      );
      const concern = (sensitivity: 'public' | 'confidential', text: string) =>
        RecordConcernInputSchema.parse({ topic: 'border-guards', sensitivity, text, followUpNeeded: true, handlerIds: sensitivity === 'confidential' ? ['u-police-isfara'] : [] });
      const open = await rpc.request(RecordConcernCmdV1, ngo, { meetingId: earlierId, concern: concern('public', 'The crossing closes too early') }, ctx);
      await rpc.request(RecordConcernCmdV1, ngo, { meetingId: earlierId, concern: concern('confidential', SECRET) }, ctx);

      const next = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: { ...input(), communityIds: [community] }, place: isfara }, ctx);
      // Even a named handler of the confidential concern sees only the count on the agenda.
      const agenda = await rpc.request(GetAgendaQryV1, policeIsfara, { meetingId: next.id }, ctx);
      expect(agenda.carryOver.confidentialOpenCount).toBe(1);
      expect(agenda.carryOver.concerns.map((c) => c.concernId)).toEqual([open.id]);
      expect(JSON.stringify(agenda)).not.toContain(SECRET);

      const other = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      expect((await rpc.request(GetAgendaQryV1, policeIsfara, { meetingId: other.id }, ctx)).carryOver).toEqual({ concerns: [], confidentialOpenCount: 0 });
    });
  });

  describe('legal briefings', () => {
    const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
    const briefing = (en: string) => ({ title: { en, ru: 'Правила пересечения границы' }, summary: { en: 'Summary' }, body: { en: 'Body' }, effectiveDate: '2027-01-01' });

    it('should version briefings and tell which community received which version when', async () => {
      const v1 = await rpc.request(CreateBriefingCmdV1, coordinator, { briefing: briefing('Border-crossing rules') }, ctx);
      const v2 = await rpc.request(CreateBriefingCmdV1, coordinator, { briefing: briefing('Border-crossing rules (2027)'), previousId: v1.id }, ctx);
      expect([v1.version, v2.version, v2.familyId]).toEqual([1, 2, v1.familyId]);
      await rpcError(rpc.request(CreateBriefingCmdV1, policeIsfara, { briefing: briefing('Not allowed') }, ctx), ErrorCode.Forbidden);

      const meeting = await rpc.request(CreateMeetingCmdV1, policeIsfara, { input: input(), place: isfara }, ctx);
      const applied = await rpc.request(ApplyTemplateCmdV1, policeIsfara, { meetingId: meeting.id, templateId: await defaultTemplateId() }, ctx);
      const legal = applied.items.find((i) => i.kind === 'legal-information');
      const security = applied.items.find((i) => i.kind === 'security-briefing');
      if (!legal || !security) throw new Error('template items missing');
      await rpcError(rpc.request(AttachBriefingCmdV1, policeIsfara, { meetingId: meeting.id, itemId: security.id, briefingId: v2.id }, ctx), ErrorCode.ValidationFailed);
      const attached = await rpc.request(AttachBriefingCmdV1, policeIsfara, { meetingId: meeting.id, itemId: legal.id, briefingId: v2.id }, ctx);
      expect(attached.items.find((i) => i.id === legal.id)?.briefingId).toBe(v2.id);

      // Planned is not delivered; held is.
      expect((await rpc.request(ListBriefingDeliveriesQryV1, policeIsfara, { id: v2.id }, ctx)).items).toEqual([]);
      await sql(`update meeting set status = 'held' where id = ?`, [meeting.id]);
      const deliveries = await rpc.request(ListBriefingDeliveriesQryV1, policeIsfara, { id: v2.id }, ctx);
      expect(deliveries.items).toEqual([{ meetingId: meeting.id, districtCode: 'isfara', communityIds: meeting.communityIds, startsAt: '2027-03-20T05:00:00.000Z', status: 'held' }]);
      expect((await rpc.request(ListBriefingDeliveriesQryV1, policeBatken, { id: v2.id }, ctx)).items).toEqual([]);
      expect((await rpc.request(ListBriefingDeliveriesQryV1, policeIsfara, { id: v1.id }, ctx)).items).toEqual([]);
    });
  });
});
