import { MikroORM } from '@mikro-orm/postgresql';
import {
  ActionAssignedEvtV1,
  ActionStatusChangedEvtV1,
  AssignActionCmdV1,
  AuditEntrySubmittedEvtV1,
  ConcernRecordedEvtV1,
  ConcernSensitivityChangedEvtV1,
  ErrorCode,
  GetConcernQryV1,
  ListActionsQryV1,
  ListConcernsQryV1,
  RecordConcernCmdV1,
  TransitionActionCmdV1,
  UpdateConcernCmdV1,
  AssignActionInputSchema,
  RecordConcernInputSchema,
  type Actor,
  type AssignActionInput,
  type ConcernView,
  type RecordConcernInput,
  type DataOf,
} from '@rd/contracts';
import { RpcClient, RpcError } from '@rd/messaging';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const isfara = (userId: string, role: Actor['roles'][number]): Actor => ({ userId, username: userId, roles: [role], scope: { national: false, regions: [], districts: ['isfara'] } });
const recorder = isfara('u-ngo-isfara', 'ngo-admin');
const policeNotHandler = isfara('u-police-isfara', 'police-officer');
const handler = isfara('u-police-handler', 'police-officer');
const localGov = isfara('u-gov-isfara', 'local-government');
const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
const reviewerSughd: Actor = { userId: 'u-reviewer', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };

// Defaults filled in as the gateway's validation would.
const c = (input: RecordConcernInput) => RecordConcernInputSchema.parse(input);
const a = (input: AssignActionInput) => AssignActionInputSchema.parse(input);

const SECRET = 'Confidential-text-5b1e: a border guard took my son’s passport';
const listQuery = (meetingId: string) => ({ meetingId, offset: 0, limit: 100, sort: 'createdAt', order: 'ASC' }) as DataOf<typeof ListConcernsQryV1>;
const actionsQuery = (over: Partial<DataOf<typeof ListActionsQryV1>> = {}) => ({ offset: 0, limit: 500, sort: 'dueDate', order: 'ASC', ...over }) as DataOf<typeof ListActionsQryV1>;

describe('concerns and follow-up actions (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  let rpc: RpcClient;
  let orm: MikroORM;
  let meetingId: string;
  let confidentialId: string;
  const ctx = { correlationId: 'concerns-test' };

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);
  const auditRows = (concernId: string, action: string) =>
    sql<{ payload: Record<string, unknown> }>(`select payload from outbox_message where subject = ? and payload->>'resourceId' = ? and payload->>'action' = ?`, [
      AuditEntrySubmittedEvtV1.name,
      concernId,
      action,
    ]);

  async function rpcError(promise: Promise<unknown>, code: ErrorCode): Promise<RpcError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(code);
    return error as RpcError;
  }

  async function insertMeeting(districtCode: string, regionCode: string, status = 'held'): Promise<string> {
    const id = randomUUID();
    await sql(
      `insert into meeting (id, kind, title, district_code, region_code, time_zone, starts_at, quarter, venue_name, venue_type, organised_by, status, created_by, created_at, updated_at)
       values (?, 'local', 'Reporting day', ?, ?, 'Asia/Dushanbe', now(), '2026-Q4', 'School No. 3', 'school', 'police', ?, 'seed', now(), now())`,
      [id, districtCode, regionCode, status],
    );
    return id;
  }

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    ({ rpc, orm } = harness);
    meetingId = await insertMeeting('isfara', 'sughd');
  });

  afterAll(() => harness?.close());

  describe('recording', () => {
    it('should refuse a confidential concern without named handlers', async () => {
      const error = await rpcError(
        rpc.request(RecordConcernCmdV1, recorder, { meetingId, concern: { topic: 'border-guards', sensitivity: 'confidential', text: SECRET } as never }, ctx),
        ErrorCode.ValidationFailed,
      );
      expect(error.payload.errors?.map((e) => e.field)).toEqual(['concern.handlerIds']);
    });

    it('should record a confidential concern and give a recorder who is not a handler a receipt without text', async () => {
      const reply = await rpc.request(
        RecordConcernCmdV1,
        recorder,
        {
          meetingId,
          concern: c({ topic: 'border-guards', sensitivity: 'confidential', text: SECRET, answer: 'We will look into it', followUpNeeded: true, raiser: { gender: 'female', ageGroup: '30-59' }, handlerIds: [handler.userId] }),
        },
        ctx,
      );
      expect(reply).toEqual({ id: expect.any(String), meetingId, topic: 'border-guards', sensitivity: 'confidential', readable: false });
      confidentialId = reply.id;
      const [event] = await sql<{ payload: Record<string, unknown> }>('select payload from outbox_message where subject = ? and payload->>? = ?', [
        ConcernRecordedEvtV1.name,
        'concernId',
        confidentialId,
      ]);
      expect(event.payload).toEqual({
        concernId: confidentialId,
        meetingId,
        districtCode: 'isfara',
        regionCode: 'sughd',
        topic: 'border-guards',
        sensitivity: 'confidential',
        followUpNeeded: true,
        occurredAt: expect.any(String),
      });
    });

    it('should refuse a meeting outside the district and the regional reviewer', async () => {
      await rpcError(rpc.request(RecordConcernCmdV1, policeBatken, { meetingId, concern: c({ topic: 'theft', text: 'Cattle stolen' }) }, ctx), ErrorCode.NotFound);
      await rpcError(rpc.request(ListConcernsQryV1, reviewerSughd, listQuery(meetingId), ctx), ErrorCode.Forbidden);
    });
  });

  describe('reading a confidential concern', () => {
    it('should hide it from an in-scope police officer who is not a handler: 404 on get, counted only in the list', async () => {
      const publicOne = await rpc.request(RecordConcernCmdV1, policeNotHandler, { meetingId, concern: c({ topic: 'water-and-irrigation', text: 'The canal is dry in July' }) }, ctx);
      expect(publicOne).toMatchObject({ sensitivity: 'public', text: 'The canal is dry in July', resolved: true });
      await rpcError(rpc.request(GetConcernQryV1, policeNotHandler, { id: confidentialId }, ctx), ErrorCode.NotFound);
      const list = await rpc.request(ListConcernsQryV1, policeNotHandler, listQuery(meetingId), ctx);
      expect(list.items.map((c) => c.id)).toEqual([publicOne.id]);
      expect(list.total).toBe(1);
      expect(list.hidden).toEqual({ public: 0, restricted: 0, confidential: 1 });
      expect(JSON.stringify(list)).not.toContain('Confidential-text');
      expect(await auditRows(confidentialId, 'concern:read-confidential')).toHaveLength(0);
    });

    it('should show it to its handler and write exactly one audit outbox row per read', async () => {
      const origin = { clientAddress: '10.0.0.7', method: 'GET', path: `/api/v1/concerns/${confidentialId}` };
      const concern = await rpc.request(GetConcernQryV1, handler, { id: confidentialId, origin }, { correlationId: 'read-1' });
      expect(concern).toMatchObject({ id: confidentialId, text: SECRET, raiser: { gender: 'female', ageGroup: '30-59' }, handlerIds: [handler.userId], resolved: false });
      const rows = await auditRows(confidentialId, 'concern:read-confidential');
      expect(rows).toHaveLength(1);
      expect(rows[0].payload).toEqual({
        id: expect.any(String),
        occurredAt: expect.any(String),
        source: 'meetings',
        actor: { userId: handler.userId, username: handler.username, roles: ['police-officer'] },
        action: 'concern:read-confidential',
        resourceType: 'concern',
        resourceId: confidentialId,
        outcome: 'success',
        httpStatus: 200,
        correlationId: 'read-1',
        ...origin,
      });
      await rpc.request(GetConcernQryV1, handler, { id: confidentialId }, ctx);
      expect(await auditRows(confidentialId, 'concern:read-confidential')).toHaveLength(2);
    });

    it('should show it to the national coordinator and audit a list that returns it, once per read', async () => {
      await rpc.request(GetConcernQryV1, coordinator, { id: confidentialId }, ctx);
      expect(await auditRows(confidentialId, 'concern:read-confidential')).toHaveLength(3);
      const list = await rpc.request(ListConcernsQryV1, coordinator, listQuery(meetingId), ctx);
      expect(list.items.find((c) => c.id === confidentialId)?.text).toBe(SECRET);
      expect(list.hidden).toEqual({ public: 0, restricted: 0, confidential: 0 });
      const rows = await auditRows(confidentialId, 'concern:read-confidential');
      expect(rows).toHaveLength(4);
      expect(rows.map((r) => (r.payload.actor as { userId: string }).userId).sort()).toEqual([coordinator.userId, coordinator.userId, handler.userId, handler.userId]);
    });

    it('should hide it from local government, even in scope, and from another district', async () => {
      await rpcError(rpc.request(GetConcernQryV1, localGov, { id: confidentialId }, ctx), ErrorCode.NotFound);
      await rpcError(rpc.request(ListConcernsQryV1, policeBatken, listQuery(meetingId), ctx), ErrorCode.NotFound);
    });
  });

  describe('sensitivity changes', () => {
    let restricted: ConcernView;

    it('should always allow raising, and refuse lowering by a reader who is not a handler', async () => {
      const recorded = await rpc.request(RecordConcernCmdV1, policeNotHandler, { meetingId, concern: c({ topic: 'youth-violence', text: 'Fights after school' }) }, ctx);
      restricted = (await rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: recorded.id, patch: { sensitivity: 'restricted' } }, ctx)) as ConcernView;
      expect(restricted.sensitivity).toBe('restricted');
      const error = await rpcError(rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: restricted.id, patch: { sensitivity: 'public' } }, ctx), ErrorCode.Forbidden);
      expect(error.payload.errors?.map((e) => e.field)).toEqual(['sensitivity']);
      const stored = await rpc.request(GetConcernQryV1, policeNotHandler, { id: restricted.id }, ctx);
      expect(stored.sensitivity).toBe('restricted');
      expect(await auditRows(restricted.id, 'concern:lower-sensitivity')).toHaveLength(0);
    });

    it('should not let a reader name themselves handler and then lower the concern', async () => {
      const selfNamed = await rpcError(rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: restricted.id, patch: { handlerIds: [policeNotHandler.userId] } }, ctx), ErrorCode.Forbidden);
      expect(selfNamed.payload.errors?.map((e) => e.field)).toEqual(['handlerIds']);
      await rpcError(rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: restricted.id, patch: { sensitivity: 'public' } }, ctx), ErrorCode.Forbidden);
      // Raising to confidential without a handler names the one who raises it, provisionally: they keep reading it ...
      const raised = (await rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: restricted.id, patch: { sensitivity: 'confidential', handlerIds: [policeNotHandler.userId] } }, ctx)) as ConcernView;
      expect(raised).toMatchObject({ sensitivity: 'confidential', handlerIds: [policeNotHandler.userId], provisionalHandlerIds: [policeNotHandler.userId] });
      // ... but may neither lower it (not even to where it was) nor name an accomplice who could.
      for (const to of ['restricted', 'public'] as const) {
        await rpcError(rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: restricted.id, patch: { sensitivity: to } }, ctx), ErrorCode.Forbidden);
      }
      await rpcError(rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: restricted.id, patch: { handlerIds: [policeNotHandler.userId, handler.userId] } }, ctx), ErrorCode.Forbidden);
      expect(await rpc.request(GetConcernQryV1, coordinator, { id: restricted.id }, ctx)).toMatchObject({ sensitivity: 'confidential', handlerIds: [policeNotHandler.userId] });
      // The coordinator names a handler, who is confirmed and may lower it; the provisional one stays provisional.
      await rpc.request(UpdateConcernCmdV1, coordinator, { id: restricted.id, patch: { handlerIds: [policeNotHandler.userId, handler.userId] } }, ctx);
      const lowered = await rpc.request(UpdateConcernCmdV1, handler, { id: restricted.id, patch: { sensitivity: 'restricted' } }, ctx);
      expect(lowered).toMatchObject({ sensitivity: 'restricted', provisionalHandlerIds: [policeNotHandler.userId] });
      expect(await auditRows(restricted.id, 'concern:lower-sensitivity')).toHaveLength(1);
    });

    it('should not let a non-handler touch a confidential concern at all (it does not exist for them)', async () => {
      await rpcError(rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: confidentialId, patch: { sensitivity: 'public' } }, ctx), ErrorCode.NotFound);
    });

    it('should let a handler lower a confidential concern, audit it and publish the change without text', async () => {
      const lowered = await rpc.request(UpdateConcernCmdV1, handler, { id: confidentialId, patch: { sensitivity: 'restricted' } }, ctx);
      expect(lowered).toMatchObject({ sensitivity: 'restricted', text: SECRET });
      const audit = await auditRows(confidentialId, 'concern:lower-sensitivity');
      expect(audit).toHaveLength(1);
      expect(audit[0].payload).toMatchObject({ source: 'meetings', actor: { userId: handler.userId }, outcome: 'success' });
      const [event] = await sql<{ payload: Record<string, unknown> }>('select payload from outbox_message where subject = ? and payload->>? = ?', [
        ConcernSensitivityChangedEvtV1.name,
        'concernId',
        confidentialId,
      ]);
      expect(event.payload).toMatchObject({ from: 'confidential', to: 'restricted', topic: 'border-guards' });
      // Restricted now: police of the district read it, local government still does not.
      await expect(rpc.request(GetConcernQryV1, policeNotHandler, { id: confidentialId }, ctx)).resolves.toMatchObject({ sensitivity: 'restricted' });
      await rpcError(rpc.request(GetConcernQryV1, localGov, { id: confidentialId }, ctx), ErrorCode.NotFound);
      // Back up to confidential: anyone who reads it may raise it.
      await rpc.request(UpdateConcernCmdV1, policeNotHandler, { id: confidentialId, patch: { sensitivity: 'confidential' } }, ctx);
      await rpcError(rpc.request(GetConcernQryV1, policeNotHandler, { id: confidentialId }, ctx), ErrorCode.NotFound);
    });
  });

  describe('follow-up actions', () => {
    let actionId: string;

    it('should assign an action on a confidential concern that only its readers see', async () => {
      await rpcError(
        rpc.request(AssignActionCmdV1, policeNotHandler, { concernId: confidentialId, action: a({ ownerOrganisationId: randomUUID(), dueDate: '2026-12-15' }) }, ctx),
        ErrorCode.NotFound,
      );
      const owner = randomUUID();
      const action = await rpc.request(AssignActionCmdV1, handler, { concernId: confidentialId, action: a({ ownerOrganisationId: owner, dueDate: '2020-01-15' }) }, ctx);
      actionId = action.id;
      expect(action).toMatchObject({ concernId: confidentialId, status: 'open', overdue: true, allowedTransitions: ['in-progress', 'referred', 'dropped'] });
      const [event] = await sql<{ payload: Record<string, unknown> }>('select payload from outbox_message where subject = ? and payload->>? = ?', [ActionAssignedEvtV1.name, 'actionId', actionId]);
      expect(event.payload).toMatchObject({ ownerOrganisationId: owner, sensitivity: 'confidential', dueDate: '2020-01-15' });

      const forHandler = await rpc.request(ListActionsQryV1, handler, actionsQuery({ overdue: true, ownerOrganisationId: owner }), ctx);
      expect(forHandler.items.map((a) => a.id)).toEqual([actionId]);
      const forOther = await rpc.request(ListActionsQryV1, policeNotHandler, actionsQuery({ ownerOrganisationId: owner }), ctx);
      expect(forOther).toEqual({ items: [], total: 0 });
      await rpcError(rpc.request(TransitionActionCmdV1, policeNotHandler, { id: actionId, transition: { to: 'in-progress' } }, ctx), ErrorCode.NotFound);
    });

    it('should move open → in-progress → done with a note, and resolve the concern', async () => {
      const skip = await rpcError(rpc.request(TransitionActionCmdV1, handler, { id: actionId, transition: { to: 'done', note: 'Passport returned' } }, ctx), ErrorCode.InvalidTransition);
      expect(skip.payload.message).toBe('Cannot go from open to done; allowed: in-progress, referred, dropped');
      await rpc.request(TransitionActionCmdV1, handler, { id: actionId, transition: { to: 'in-progress' } }, ctx);
      await rpcError(rpc.request(TransitionActionCmdV1, handler, { id: actionId, transition: { to: 'done' } as never }, ctx), ErrorCode.ValidationFailed);
      const done = await rpc.request(TransitionActionCmdV1, handler, { id: actionId, transition: { to: 'done', note: 'Passport returned' } }, ctx);
      expect(done).toMatchObject({ status: 'done', note: 'Passport returned', overdue: false, allowedTransitions: [] });
      const events = await sql<{ payload: Record<string, unknown> }>('select payload from outbox_message where subject = ? and payload->>? = ? order by created_at', [
        ActionStatusChangedEvtV1.name,
        'actionId',
        actionId,
      ]);
      expect(events.map((e) => [e.payload.from, e.payload.to, e.payload.concernResolved])).toEqual([
        ['open', 'in-progress', false],
        ['in-progress', 'done', true],
      ]);
      expect(JSON.stringify(events)).not.toContain('Passport returned');
      await expect(rpc.request(GetConcernQryV1, handler, { id: confidentialId }, ctx)).resolves.toMatchObject({ actionCount: 1, openActionCount: 0, resolved: true });
    });

    it('should never put concern text in any event the service wrote', async () => {
      const rows = await sql<{ payload: unknown }>("select payload from outbox_message where subject like 'meetings.evt.%'");
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain('Confidential-text');
      expect(JSON.stringify(rows)).not.toContain('The canal is dry');
    });
  });
});
