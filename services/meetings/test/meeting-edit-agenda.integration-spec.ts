import {
  AddAgendaItemCmdV1,
  AgendaChangedEvtV1,
  AttachBriefingCmdV1,
  CreateBriefingCmdV1,
  CreateMeetingCmdV1,
  ErrorCode,
  GetAgendaQryV1,
  GetTemplateQryV1,
  MAX_AGENDA_ITEMS,
  MeetingUpdatedEvtV1,
  MoveAgendaItemCmdV1,
  RemoveAgendaItemCmdV1,
  TransitionMeetingCmdV1,
  UpdateMeetingCmdV1,
  type CreateMeetingInput,
  type MeetingAgendaView,
} from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { DEFAULT_TEMPLATE_ID, localGov, meetingInput, ngo, place, police, policeBatken } from './support/isfara-planning';
import { policeUnit } from './support/communities-stub';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

/** Editing a planned meeting (#15): its venue, and its agenda item by item until it is held (ADR 41). */
describe('editing a meeting and its agenda (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  const ctx = { correlationId: 'meeting-edit-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc } = harness);
  });

  afterAll(() => harness?.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => harness.orm.em.fork().getConnection().execute<T[]>(query, params);
  const outbox = (subject: string, meetingId: string) =>
    sql<{ payload: Record<string, unknown> }>('select payload from outbox_message where subject = ? and payload->>? = ? order by created_at, id', [subject, 'meetingId', meetingId]);

  async function reasonOf(promise: Promise<unknown>): Promise<{ code: string; reason?: string }> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    return { code: (error as RpcError).payload.code, reason: (error as RpcError).payload.reason };
  }

  async function meeting(status: 'draft' | 'scheduled' | 'held', over: Partial<CreateMeetingInput> = { templateId: DEFAULT_TEMPLATE_ID }): Promise<string> {
    const { id } = await rpc.request(CreateMeetingCmdV1, police, { input: meetingInput(over, 20 * 86400_000), place }, ctx);
    if (status === 'draft') return id;
    await rpc.request(TransitionMeetingCmdV1, police, { id, to: 'scheduled' }, ctx);
    if (status === 'held') {
      await sql(`update meeting set starts_at = now() - interval '1 hour' where id = ?`, [id]);
      await rpc.request(TransitionMeetingCmdV1, police, { id, to: 'held' }, ctx);
    }
    return id;
  }

  const titles = (agenda: MeetingAgendaView) => agenda.items.map((item) => `${item.position}:${item.title}`);

  describe('the plan of a meeting', () => {
    it('should change title, venue (type, name, coordinates, access notes) and organisers of a scheduled meeting, announcing the field names only', async () => {
      const id = await meeting('scheduled');
      const patch = {
        title: 'Harvest reporting day',
        venueName: 'Field by the canal',
        venueType: 'open-air' as const,
        venueLocation: { lat: 40.1256, lng: 70.6253 },
        venueAccessibility: 'Shade and water at the canal bridge; tractors leave at 9',
        organisedBy: 'police-ngo-facilitated' as const,
        facilitatingOrganisationId: randomUUID(),
      };
      const updated = await rpc.request(UpdateMeetingCmdV1, ngo, { id, patch }, ctx);
      expect(updated).toMatchObject(patch);
      const [event] = await outbox(MeetingUpdatedEvtV1.name, id);
      expect(MeetingUpdatedEvtV1.schema.parse(event.payload).changedFields).toEqual(['title', 'venueName', 'venueType', 'venueLocation', 'facilitatingOrganisationId', 'organisedBy']);
      expect(JSON.stringify(event.payload)).not.toMatch(/canal|Harvest|tractors/i);
    });

    it('should keep access notes (blank is none) and announce nothing when only they change', async () => {
      const id = await meeting('scheduled', { venueAccessibility: 'Ramp at the side door' });
      const changed = await rpc.request(UpdateMeetingCmdV1, police, { id, patch: { venueAccessibility: 'Ramp and a lift' } }, ctx);
      expect(changed.venueAccessibility).toBe('Ramp and a lift');
      const cleared = await rpc.request(UpdateMeetingCmdV1, police, { id, patch: { venueAccessibility: '' } }, ctx);
      expect(cleared.venueAccessibility).toBeNull();
      expect(await outbox(MeetingUpdatedEvtV1.name, id)).toHaveLength(0);
    });

    it('should change the police unit to one of the district, and refuse an organisation that is no police unit', async () => {
      const id = await meeting('scheduled');
      const unit = policeUnit();
      expect((await rpc.request(UpdateMeetingCmdV1, police, { id, patch: { policeUnitId: unit } }, ctx)).policeUnitId).toBe(unit);
      // The stub answers an unknown id as an NGO of Isfara.
      const error = await rpc.request(UpdateMeetingCmdV1, police, { id, patch: { policeUnitId: randomUUID() } }, ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).payload).toMatchObject({ code: ErrorCode.ValidationFailed, errors: [expect.objectContaining({ field: 'policeUnitId' })] });
      // Clearing it needs no lookup.
      expect((await rpc.request(UpdateMeetingCmdV1, police, { id, patch: { policeUnitId: null } }, ctx)).policeUnitId).toBeNull();
    });

    it('should refuse to change a held meeting (INVALID_TRANSITION)', async () => {
      const id = await meeting('held');
      expect(await reasonOf(rpc.request(UpdateMeetingCmdV1, police, { id, patch: { venueName: 'Elsewhere' } }, ctx))).toEqual({ code: ErrorCode.InvalidTransition, reason: 'meeting.not-editable' });
    });
  });

  describe('agenda items', () => {
    it('should carry the handbook guidance for each item and step of the seeded template', async () => {
      const template = await rpc.request(GetTemplateQryV1, police, { id: DEFAULT_TEMPLATE_ID }, ctx);
      expect(template.agenda.every((item) => (item.guidance ?? '').length > 40)).toBe(true);
      expect(template.checklist.every((step) => (step.guidance ?? '').length > 40)).toBe(true);
      const agenda = await rpc.request(GetAgendaQryV1, police, { meetingId: await meeting('scheduled') }, ctx);
      expect(agenda.items.map((item) => item.guidance)).toEqual(template.agenda.map((item) => item.guidance));
      expect(agenda.checklist.find((step) => step.key === 'book-venue')?.guidance).toMatch(/field/);
    });

    it('should add at the end or at a position, move and remove, keeping positions 1..n and announcing each change', async () => {
      const id = await meeting('scheduled');
      let agenda = await rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'legal-information', title: 'Water use rules' } }, ctx);
      expect(titles(agenda).slice(-2)).toEqual(['6:Next steps', '7:Water use rules']);
      // An added item of a kind the template guides gets that guidance too.
      expect(agenda.items[6].guidance).toBe(agenda.items.find((i) => i.kind === 'legal-information')?.guidance);
      agenda = await rpc.request(AddAgendaItemCmdV1, ngo, { meetingId: id, item: { kind: 'questions-and-answers', title: 'Women’s questions', position: 2 } }, ctx);
      expect(titles(agenda).slice(0, 3)).toEqual(['1:Security briefing', '2:Women’s questions', '3:Results of police work']);
      const added = agenda.items[1];
      agenda = await rpc.request(MoveAgendaItemCmdV1, police, { meetingId: id, itemId: added.id, position: 8 }, ctx);
      expect(titles(agenda).slice(-2)).toEqual(['7:Water use rules', '8:Women’s questions']);
      agenda = await rpc.request(RemoveAgendaItemCmdV1, police, { meetingId: id, itemId: agenda.items[0].id }, ctx);
      expect(agenda.items.map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(agenda.items[0].title).toBe('Results of police work');

      const events = (await outbox(AgendaChangedEvtV1.name, id)).map((row) => AgendaChangedEvtV1.schema.parse(row.payload));
      expect(events.map((e) => [e.change, e.position, e.previousPosition, e.itemCount])).toEqual([
        ['item-added', 7, null, 7],
        ['item-added', 2, null, 8],
        ['item-moved', 8, 2, 8],
        ['item-removed', 1, null, 7],
      ]);
      expect(JSON.stringify(events)).not.toMatch(/Women|Water use/);
    });

    it('should change nothing and announce nothing when an item is moved where it is', async () => {
      const id = await meeting('draft');
      const before = await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx);
      const after = await rpc.request(MoveAgendaItemCmdV1, police, { meetingId: id, itemId: before.items[2].id, position: 3 }, ctx);
      expect(titles(after)).toEqual(titles(before));
      expect(await outbox(AgendaChangedEvtV1.name, id)).toHaveLength(0);
    });

    it('should remove a legal-information item with the briefing it presents, and say which in the event', async () => {
      const id = await meeting('scheduled');
      const agenda = await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx);
      const legal = agenda.items.find((item) => item.kind === 'legal-information');
      if (!legal) throw new Error('the handbook agenda has a legal-information item');
      const briefing = await rpc.request(CreateBriefingCmdV1, ngo, { briefing: { title: { en: 'Pastures abroad' }, summary: { en: 'S' }, body: { en: 'B' }, effectiveDate: '2027-01-01' } }, ctx);
      await rpc.request(AttachBriefingCmdV1, police, { meetingId: id, itemId: legal.id, briefingId: briefing.id }, ctx);
      const after = await rpc.request(RemoveAgendaItemCmdV1, police, { meetingId: id, itemId: legal.id }, ctx);
      expect(after.items.some((item) => item.briefingId !== null)).toBe(false);
      expect((await sql('select 1 from meeting_agenda_item where id = ?', [legal.id])).length).toBe(0);
      const [event] = await outbox(AgendaChangedEvtV1.name, id);
      expect(event.payload).toMatchObject({ change: 'item-removed', itemId: legal.id, kind: 'legal-information', briefingId: briefing.id, position: legal.position });
    });

    it('should give a meeting created without a template an agenda of its own', async () => {
      const id = await meeting('draft', {});
      const agenda = await rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'security-briefing', title: 'Security briefing' } }, ctx);
      expect(agenda).toMatchObject({ templateId: null, items: [{ position: 1, kind: 'security-briefing', title: 'Security briefing' }] });
      expect(agenda.items[0].guidance).toBeUndefined();
    });

    it('should refuse a position past the end and more items than an agenda holds', async () => {
      const id = await meeting('draft');
      const agenda = await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx);
      expect(await reasonOf(rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'next-steps', title: 'Late', position: 8 } }, ctx))).toEqual({ code: ErrorCode.ValidationFailed, reason: 'request.invalid' });
      expect(await reasonOf(rpc.request(MoveAgendaItemCmdV1, police, { meetingId: id, itemId: agenda.items[0].id, position: 7 }, ctx))).toMatchObject({ code: ErrorCode.ValidationFailed });
      for (let n = agenda.items.length; n < MAX_AGENDA_ITEMS; n += 1) {
        await rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'questions-and-answers', title: `Question round ${n}` } }, ctx);
      }
      expect(await reasonOf(rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'next-steps', title: 'One too many' } }, ctx))).toMatchObject({ code: ErrorCode.ValidationFailed });
    });

    it('should refuse every change once the meeting is held (INVALID_TRANSITION), and leave the agenda as it was', async () => {
      const id = await meeting('held');
      const agenda = await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx);
      const refused = { code: ErrorCode.InvalidTransition, reason: 'meeting.not-editable' };
      expect(await reasonOf(rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'next-steps', title: 'Too late' } }, ctx))).toEqual(refused);
      expect(await reasonOf(rpc.request(RemoveAgendaItemCmdV1, police, { meetingId: id, itemId: agenda.items[0].id }, ctx))).toEqual(refused);
      expect(await reasonOf(rpc.request(MoveAgendaItemCmdV1, police, { meetingId: id, itemId: agenda.items[0].id, position: 2 }, ctx))).toEqual(refused);
      expect(titles(await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx))).toEqual(titles(agenda));
    });

    it('should hide a meeting outside the scope and refuse a role that does not plan meetings', async () => {
      const id = await meeting('scheduled');
      const agenda = await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx);
      expect(await reasonOf(rpc.request(RemoveAgendaItemCmdV1, policeBatken, { meetingId: id, itemId: agenda.items[0].id }, ctx))).toMatchObject({ code: ErrorCode.NotFound });
      expect(await reasonOf(rpc.request(AddAgendaItemCmdV1, localGov, { meetingId: id, item: { kind: 'next-steps', title: 'Mine' } }, ctx))).toMatchObject({ code: ErrorCode.Forbidden });
      expect(titles(await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx))).toEqual(titles(agenda));
    });

    it('should apply a retried add once (same idempotency key) and answer a second removal as not found', async () => {
      const id = await meeting('scheduled');
      const key = randomUUID();
      const add = () => rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'next-steps', title: 'Retried item' } }, { correlationId: randomUUID(), idempotencyKey: key });
      const first = await add();
      expect(await reasonOf(add())).toEqual({ code: ErrorCode.Conflict, reason: 'idempotency.already-applied' });
      const stored = await sql<{ n: string }>('select count(*) as n from meeting_agenda_item where meeting_id = ? and title = ?', [id, 'Retried item']);
      expect(Number(stored[0].n)).toBe(1);
      const item = first.items.find((i) => i.title === 'Retried item');
      if (!item) throw new Error('the added item is on the agenda');
      await rpc.request(RemoveAgendaItemCmdV1, police, { meetingId: id, itemId: item.id }, ctx);
      expect(await reasonOf(rpc.request(RemoveAgendaItemCmdV1, police, { meetingId: id, itemId: item.id }, ctx))).toEqual({ code: ErrorCode.NotFound, reason: 'agenda-item.not-found' });
      expect((await outbox(AgendaChangedEvtV1.name, id)).map((row) => row.payload.change)).toEqual(['item-added', 'item-removed']);
    });

    it('should let two planners add at the same time without losing either item', async () => {
      const id = await meeting('scheduled');
      await Promise.all([
        rpc.request(AddAgendaItemCmdV1, police, { meetingId: id, item: { kind: 'next-steps', title: 'From the police' } }, ctx),
        rpc.request(AddAgendaItemCmdV1, ngo, { meetingId: id, item: { kind: 'next-steps', title: 'From the NGO' } }, ctx),
      ]);
      const agenda = await rpc.request(GetAgendaQryV1, police, { meetingId: id }, ctx);
      expect(agenda.items.map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(agenda.items.slice(-2).map((item) => item.title).sort()).toEqual(['From the NGO', 'From the police']);
    });
  });
});
