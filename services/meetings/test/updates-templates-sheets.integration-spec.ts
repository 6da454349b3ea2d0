import {
  AgendaTemplateAppliedEvtV1,
  ApplyTemplateCmdV1,
  AttachBriefingCmdV1,
  AuditEntrySubmittedEvtV1,
  BriefingAttachedEvtV1,
  BriefingPublishedEvtV1,
  ChecklistItemTickedEvtV1,
  ConcernUpdatedEvtV1,
  CreateBriefingCmdV1,
  CreateMeetingCmdV1,
  ErrorCode,
  GetAgendaQryV1,
  GetSignInSheetChunkQryV1,
  GetSignInSheetQryV1,
  GetTemplateQryV1,
  MeetingUpdatedEvtV1,
  MinutesDraftSavedEvtV1,
  PublishTemplateVersionCmdV1,
  RecordConcernCmdV1,
  RecordConcernInputSchema,
  SaveMinutesCmdV1,
  SIGN_IN_SHEET_CHUNK_BYTES,
  SignInSheetAttachedEvtV1,
  TemplatePublishedEvtV1,
  TickChecklistItemCmdV1,
  TransitionMeetingCmdV1,
  UpdateConcernCmdV1,
  UpdateMeetingCmdV1,
  UploadSignInSheetChunkCmdV1,
  type Actor,
  type CreateMeetingInput,
  type SignInSheetMediaType,
} from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { coordinator, DEFAULT_TEMPLATE_ID, localGov, meetingInput as input, ngo, place, police, policeBatken } from './support/isfara-planning';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const SECRET = 'The neighbour hides stolen cattle behind the mosque';

describe('meeting updates, template versions, sign-in sheets and state-change events (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  const ctx = { correlationId: 'updates-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc } = harness);
  });

  afterAll(() => harness?.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => harness.orm.em.fork().getConnection().execute<T[]>(query, params);
  const outbox = (subject: string, key: string, value: string) =>
    sql<{ payload: Record<string, unknown> }>('select payload from outbox_message where subject = ? and payload->>? = ? order by created_at', [subject, key, value]);

  async function rpcError(promise: Promise<unknown>, code: ErrorCode): Promise<RpcError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(code);
    return error as RpcError;
  }

  async function meeting(status: 'draft' | 'scheduled' | 'postponed' | 'held', over: Partial<CreateMeetingInput> = {}): Promise<string> {
    const { id } = await rpc.request(CreateMeetingCmdV1, police, { input: input(over), place }, ctx);
    if (status === 'draft') return id;
    await rpc.request(TransitionMeetingCmdV1, police, { id, to: 'scheduled' }, ctx);
    if (status === 'postponed') {
      await rpc.request(TransitionMeetingCmdV1, police, { id, to: 'postponed', reason: 'Harvest', newStartsAt: new Date(Date.now() + 7 * 86400_000).toISOString() }, ctx);
    }
    if (status === 'held') await rpc.request(TransitionMeetingCmdV1, police, { id, to: 'held' }, ctx);
    return id;
  }

  describe('meeting.updated', () => {
    it('should announce a changed plan of a scheduled meeting with the changed fields and the invitee differences', async () => {
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      const org = randomUUID();
      const id = await meeting('scheduled', { inviteeContactIds: [a, b] });
      const updated = await rpc.request(UpdateMeetingCmdV1, police, { id, patch: { venueName: 'Community centre', inviteeContactIds: [b, c], inviteeOrganisationIds: [org], title: 'Reporting day' } }, ctx);
      expect(updated.sequence).toBe(1);
      const [event] = await outbox(MeetingUpdatedEvtV1.name, 'meetingId', id);
      expect(MeetingUpdatedEvtV1.schema.parse(event.payload)).toMatchObject({
        status: 'scheduled',
        changedFields: ['venueName', 'inviteeContactIds', 'inviteeOrganisationIds'],
        inviteeContactIds: [b, c],
        addedInviteeContactIds: [c],
        removedInviteeContactIds: [a],
        addedInviteeOrganisationIds: [org],
        removedInviteeOrganisationIds: [],
        sequence: 1,
        districtCode: 'isfara',
      });
      // Field names only: never the new venue or title.
      expect(JSON.stringify(event.payload)).not.toContain('Community centre');
    });

    it('should let a postponed meeting change its plan and announce it, but emit nothing for a draft or an unchanged plan', async () => {
      const postponed = await meeting('postponed');
      await rpc.request(UpdateMeetingCmdV1, police, { id: postponed, patch: { venueType: 'open-air' } }, ctx);
      expect((await outbox(MeetingUpdatedEvtV1.name, 'meetingId', postponed)).map((e) => e.payload)).toEqual([expect.objectContaining({ status: 'postponed', changedFields: ['venueType'] })]);
      await rpcError(rpc.request(UpdateMeetingCmdV1, police, { id: postponed, patch: { startsAt: '2027-05-01T05:00:00Z' } }, ctx), ErrorCode.InvalidTransition);

      const draft = await meeting('draft');
      await rpc.request(UpdateMeetingCmdV1, police, { id: draft, patch: { venueName: 'Elsewhere' } }, ctx);
      expect(await outbox(MeetingUpdatedEvtV1.name, 'meetingId', draft)).toHaveLength(0);

      const scheduled = await meeting('scheduled');
      await rpc.request(UpdateMeetingCmdV1, police, { id: scheduled, patch: { venueName: 'School No. 2' } }, ctx);
      expect(await outbox(MeetingUpdatedEvtV1.name, 'meetingId', scheduled)).toHaveLength(0);
    });
  });

  describe('handbook template versions', () => {
    const v2 = {
      agenda: [
        { kind: 'security-briefing' as const, title: 'Security situation' },
        { kind: 'questions-and-answers' as const, title: 'Questions' },
      ],
      checklist: [{ key: 'book-venue', title: 'Book an accessible venue', offsetDays: -21 }],
    };

    it('should publish a new immutable version for template:manage only, and copy the latest on create unless a version is named', async () => {
      await rpcError(rpc.request(PublishTemplateVersionCmdV1, ngo, { id: DEFAULT_TEMPLATE_ID, template: v2 }, ctx), ErrorCode.Forbidden);
      await rpcError(rpc.request(PublishTemplateVersionCmdV1, coordinator, { id: randomUUID(), template: v2 }, ctx), ErrorCode.NotFound);
      const published = await rpc.request(PublishTemplateVersionCmdV1, coordinator, { id: DEFAULT_TEMPLATE_ID, template: v2 }, ctx);
      expect(published).toMatchObject({ key: 'reporting-day', version: 2, agenda: v2.agenda, checklist: v2.checklist });
      const [event] = await outbox(TemplatePublishedEvtV1.name, 'templateId', published.id);
      expect(event.payload).toMatchObject({ key: 'reporting-day', version: 2, agendaItems: 2, checklistItems: 1 });
      // The version it came from is unchanged.
      expect((await rpc.request(GetTemplateQryV1, police, { id: DEFAULT_TEMPLATE_ID }, ctx)).agenda).toHaveLength(6);

      const latest = await rpc.request(CreateMeetingCmdV1, police, { input: input({ templateId: DEFAULT_TEMPLATE_ID }), place }, ctx);
      const latestAgenda = await rpc.request(GetAgendaQryV1, police, { meetingId: latest.id }, ctx);
      expect(latestAgenda).toMatchObject({ templateId: published.id, templateVersion: 2 });
      expect(latestAgenda.items.map((i) => i.title)).toEqual(['Security situation', 'Questions']);
      expect(latestAgenda.checklist.map((i) => i.key)).toEqual(['book-venue']);
      expect((await outbox(AgendaTemplateAppliedEvtV1.name, 'meetingId', latest.id))[0].payload).toMatchObject({ templateVersion: 2, agendaItems: 2, checklistItems: 1 });

      const pinned = await rpc.request(CreateMeetingCmdV1, police, { input: input({ templateId: published.id, templateVersion: 1 }), place }, ctx);
      const pinnedAgenda = await rpc.request(GetAgendaQryV1, police, { meetingId: pinned.id }, ctx);
      expect(pinnedAgenda).toMatchObject({ templateId: DEFAULT_TEMPLATE_ID, templateVersion: 1 });
      expect(pinnedAgenda.items).toHaveLength(6);

      // A version 3 does not touch meetings that copied version 2.
      await rpc.request(PublishTemplateVersionCmdV1, coordinator, { id: DEFAULT_TEMPLATE_ID, template: { ...v2, name: 'Reporting day (2028)' } }, ctx);
      expect(await rpc.request(GetAgendaQryV1, police, { meetingId: latest.id }, ctx)).toMatchObject({ templateId: published.id, templateVersion: 2 });

      const unknownVersion = await rpcError(rpc.request(CreateMeetingCmdV1, police, { input: input({ templateId: DEFAULT_TEMPLATE_ID, templateVersion: 99 }), place }, ctx), ErrorCode.ValidationFailed);
      expect(unknownVersion.payload.errors?.[0]?.field).toBe('templateVersion');
      await rpcError(rpc.request(CreateMeetingCmdV1, police, { input: input({ templateId: randomUUID() }), place }, ctx), ErrorCode.ValidationFailed);
    });
  });

  describe('state-change events', () => {
    it('should announce a first checklist tick once, an attached briefing and a published briefing (ids only)', async () => {
      const id = await meeting('scheduled');
      const agenda = await rpc.request(ApplyTemplateCmdV1, police, { meetingId: id, templateId: DEFAULT_TEMPLATE_ID }, ctx);
      const step = agenda.checklist[0];
      await rpc.request(TickChecklistItemCmdV1, police, { meetingId: id, itemId: step.id }, ctx);
      await rpc.request(TickChecklistItemCmdV1, ngo, { meetingId: id, itemId: step.id }, ctx);
      const ticks = await outbox(ChecklistItemTickedEvtV1.name, 'meetingId', id);
      expect(ticks).toHaveLength(1);
      expect(ticks[0].payload).toMatchObject({ itemId: step.id, key: step.key, done: 1, total: agenda.checklist.length });

      const briefing = await rpc.request(CreateBriefingCmdV1, ngo, { briefing: { title: { en: 'Pastures abroad' }, summary: { en: 'S' }, body: { en: 'B' }, effectiveDate: '2027-01-01' } }, ctx);
      expect((await outbox(BriefingPublishedEvtV1.name, 'briefingId', briefing.id))[0].payload).toMatchObject({ familyId: briefing.familyId, version: 1 });
      const legal = agenda.items.find((i) => i.kind === 'legal-information')!;
      await rpc.request(AttachBriefingCmdV1, police, { meetingId: id, itemId: legal.id, briefingId: briefing.id }, ctx);
      const [attached] = await outbox(BriefingAttachedEvtV1.name, 'meetingId', id);
      expect(attached.payload).toMatchObject({ itemId: legal.id, briefingId: briefing.id, previousBriefingId: null });
      expect(JSON.stringify(attached.payload)).not.toContain('Pastures');
    });

    it('should announce a concern edit by field names only and a saved minutes draft without its body', async () => {
      const id = await meeting('held');
      const concern = await rpc.request(
        RecordConcernCmdV1,
        police,
        { meetingId: id, concern: RecordConcernInputSchema.parse({ topic: 'theft', sensitivity: 'confidential', text: SECRET, handlerIds: [ngo.userId] }) },
        ctx,
      );
      await rpc.request(UpdateConcernCmdV1, ngo, { id: concern.id, patch: { answer: 'The inspector will visit on Monday', followUpNeeded: true } }, ctx);
      const [updated] = await outbox(ConcernUpdatedEvtV1.name, 'concernId', concern.id);
      expect(updated.payload).toMatchObject({ changedFields: ['answer', 'followUpNeeded'], replied: true, followUpNeeded: true, sensitivity: 'confidential', topic: 'theft' });
      expect(JSON.stringify(updated.payload)).not.toMatch(/inspector|cattle|u-ngo/);

      await rpc.request(SaveMinutesCmdV1, police, { meetingId: id, input: { body: '# Minutes\n\nOne confidential concern was raised.', language: 'ru' } }, ctx);
      const [draft] = await outbox(MinutesDraftSavedEvtV1.name, 'meetingId', id);
      expect(draft.payload).toMatchObject({ version: 1, language: 'ru' });
      expect(JSON.stringify(draft.payload)).not.toContain('Minutes');
    });
  });

  describe('sign-in sheet', () => {
    // A PDF of 1.3 MiB: three chunks.
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1_300_000)]);
    const sha256 = createHash('sha256').update(file).digest('hex');
    const chunksOf = (bytes: Buffer) => Array.from({ length: Math.ceil(bytes.length / SIGN_IN_SHEET_CHUNK_BYTES) }, (_, i) => bytes.subarray(i * SIGN_IN_SHEET_CHUNK_BYTES, (i + 1) * SIGN_IN_SHEET_CHUNK_BYTES));

    async function upload(
      actor: Actor,
      meetingId: string,
      bytes: Buffer,
      complete: { sizeBytes: number; sha256: string; mediaType: SignInSheetMediaType } = { sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'application/pdf' },
    ) {
      const parts = chunksOf(bytes);
      const uploadId = randomUUID();
      let last;
      for (const [index, part] of parts.entries()) {
        last = await rpc.request(
          UploadSignInSheetChunkCmdV1,
          actor,
          { meetingId, uploadId, index, chunks: parts.length, data: part.toString('base64'), ...(index === parts.length - 1 ? { complete } : {}) },
          ctx,
        );
      }
      return last!;
    }

    it('should store a file larger than one NATS message from chunks and give it back byte for byte, auditing the read', async () => {
      const id = await meeting('held');
      const reply = await upload(police, id, file);
      expect(reply.sheet).toMatchObject({ meetingId: id, mediaType: 'application/pdf', sizeBytes: file.length, sha256, chunks: 3 });
      expect(await sql('select 1 from sign_in_sheet_chunk where meeting_id = ?', [id])).toHaveLength(0);
      expect((await outbox(SignInSheetAttachedEvtV1.name, 'meetingId', id))[0].payload).toMatchObject({ sizeBytes: file.length, sha256, replaced: false });

      const sheet = await rpc.request(GetSignInSheetQryV1, localGov, { meetingId: id }, ctx);
      const parts = [];
      for (let index = 0; index < sheet.chunks; index += 1) {
        parts.push(Buffer.from((await rpc.request(GetSignInSheetChunkQryV1, localGov, { meetingId: id, sha256: sheet.sha256, index }, ctx)).data, 'base64'));
      }
      expect(Buffer.concat(parts).equals(file)).toBe(true);
      const audits = await sql<{ payload: Record<string, unknown> }>('select payload from outbox_message where subject = ? and payload->>? = ?', [AuditEntrySubmittedEvtV1.name, 'resourceId', id]);
      expect(audits.map((a) => a.payload)).toEqual([expect.objectContaining({ action: 'sign-in-sheet:read', resourceType: 'meeting', actor: expect.objectContaining({ username: 'lg.isfara' }) })]);

      // Replaced: a download of the old version stops with CONFLICT instead of mixing files.
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1000)]);
      await upload(police, id, png, { sizeBytes: png.length, sha256: createHash('sha256').update(png).digest('hex'), mediaType: 'image/png' });
      await rpcError(rpc.request(GetSignInSheetChunkQryV1, localGov, { meetingId: id, sha256: sheet.sha256, index: 0 }, ctx), ErrorCode.Conflict);
      expect((await outbox(SignInSheetAttachedEvtV1.name, 'meetingId', id)).map((e) => e.payload.replaced)).toEqual([false, true]);
    });

    it('should refuse a wrong checksum, size or type, missing chunks, a meeting not held and a meeting out of scope', async () => {
      const id = await meeting('held');
      await rpcError(upload(police, id, file, { sizeBytes: file.length, sha256: '0'.repeat(64), mediaType: 'application/pdf' }), ErrorCode.ValidationFailed);
      await rpcError(upload(police, id, file, { sizeBytes: file.length - 1, sha256, mediaType: 'application/pdf' }), ErrorCode.ValidationFailed);
      await rpcError(upload(police, id, file, { sizeBytes: file.length, sha256, mediaType: 'image/jpeg' }), ErrorCode.ValidationFailed);
      const text = Buffer.from('just some text, not a scan');
      await rpcError(upload(police, id, text, { sizeBytes: text.length, sha256: createHash('sha256').update(text).digest('hex'), mediaType: 'application/pdf' }), ErrorCode.ValidationFailed);
      const lonely = file.subarray(0, 100);
      await rpcError(
        rpc.request(
          UploadSignInSheetChunkCmdV1,
          police,
          { meetingId: id, uploadId: randomUUID(), index: 1, chunks: 2, data: lonely.toString('base64'), complete: { sizeBytes: 200, sha256, mediaType: 'application/pdf' } },
          ctx,
        ),
        ErrorCode.ValidationFailed,
      );
      await rpcError(rpc.request(GetSignInSheetQryV1, localGov, { meetingId: id }, ctx), ErrorCode.NotFound);

      await rpcError(upload(police, await meeting('scheduled'), file), ErrorCode.Conflict);
      await rpcError(upload(policeBatken, id, file), ErrorCode.NotFound);
      await rpcError(upload(localGov, id, file), ErrorCode.Forbidden);
    });
  });
});
