import { MikroORM } from '@mikro-orm/postgresql';
import {
  AssignOfficerCmdV1,
  CommunityActivatedEvtV1,
  CommunityOnboardingStartedEvtV1,
  ContactConsentChangedEvtV1,
  ContactErasedEvtV1,
  CreateCommunityCmdV1,
  CreateContactCmdV1,
  CreateDistrictCmdV1,
  CreateOrganisationCmdV1,
  CreateRegionCmdV1,
  EraseContactCmdV1,
  ErrorCode,
  eventStreamName,
  GetCommunityQryV1,
  GetContactQryV1,
  ListContactsQryV1,
  ListOfficerAssignmentsQryV1,
  ListOrganisationsQryV1,
  ListRegionsQryV1,
  MeetingScheduledEvtV1,
  OfficerAssignedEvtV1,
  prefixedSubject,
  TransitionCommunityCmdV1,
  UpdateCommunityCmdV1,
  UpdateContactCmdV1,
  UpdateOrganisationCmdV1,
  type Actor,
  type CommunityView,
  type ContactView,
  type OrganisationView,
} from '@rd/contracts';
import { ensureEventStream, jetStreamPublisher, RpcClient, RpcError } from '@rd/messaging';
import { eventually } from '@rd/testing';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { startCommunitiesHarness, type CommunitiesHarness } from './support/communities-harness';
import { seedDemo } from '../src/seeders/demo.seeder';

const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };
const ngoIsfara: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: { national: false, regions: [], districts: ['isfara'] } };
const policeBatken: Actor = { userId: 'u-police-batken', username: 'police.batken', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['batken'] } };
const reviewerSughd: Actor = { userId: 'u-reviewer', username: 'reviewer.sughd', roles: ['regional-reviewer'], scope: { national: false, regions: ['sughd'], districts: [] } };

describe('communities onboarding, organisations and contacts (real PostgreSQL and NATS)', () => {
  let prefix: string;
  let rpc: RpcClient;
  let nc: NatsConnection;
  let orm: MikroORM;
  const ctx = { correlationId: 'onboarding-test' };

  let harness: CommunitiesHarness;

  beforeAll(async () => {
    harness = await startCommunitiesHarness(async (natsConnection, testPrefix) => {
      // A short duplicate window lets the test deliver the same message id twice, as a redelivery would.
      await ensureEventStream(await natsConnection.jetstreamManager(), testPrefix, 'meetings', { duplicateWindowMs: 200 });
    });
    ({ prefix, rpc, nc, orm } = harness);
  });

  afterAll(() => harness?.close());

  async function rpcError(promise: Promise<unknown>, code: ErrorCode): Promise<RpcError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).payload.code).toBe(code);
    return error as RpcError;
  }

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);
  const outboxFor = (subject: string, key: string, value: string) =>
    sql<{ id: string; payload: Record<string, unknown> }>('select id, payload from outbox_message where subject = ? and payload->>? = ? order by created_at', [subject, key, value]);

  const community = (actor: Actor, name: string, districtCode = 'isfara') =>
    rpc.request(CreateCommunityCmdV1, actor, { name, districtCode, kind: 'village', borderAdjacent: true, languages: ['tg'] }, ctx);
  const organisation = (actor: Actor, name: string, kind: OrganisationView['kind'], place: { districtCode?: string; regionCode?: string } = { districtCode: 'isfara' }) =>
    rpc.request(CreateOrganisationCmdV1, actor, { name, kind, ...place }, ctx);
  const contact = (actor: Actor, name: string, extra: Partial<Parameters<typeof rpc.request<typeof CreateContactCmdV1>>[2]> = {}) =>
    rpc.request(CreateContactCmdV1, actor, { name, districtCode: 'isfara', preferredLanguage: 'tg', preferredChannel: 'sms', consent: true, communityIds: [], ...extra }, ctx);
  const transition = (actor: Actor, id: string, to: CommunityView['status'], reason?: string) => rpc.request(TransitionCommunityCmdV1, actor, { id, to, reason }, ctx);

  describe('onboarding state machine and checklist', () => {
    let khojaAlo: CommunityView;

    it('should give a new community a code, no checklist item and only onboarding or archived next', async () => {
      khojaAlo = await community(ngoIsfara, 'Khoja Alo');
      expect(khojaAlo).toMatchObject({
        code: 'isfara-khoja-alo',
        status: 'proposed',
        allowedTransitions: ['onboarding', 'archived'],
        checklist: { focalPoint: false, localGovernmentContact: false, policeUnit: false, officer: false, firstReportingDayPlanned: false },
      });
    });

    it('should refuse proposed → active as an invalid transition naming the allowed targets', async () => {
      const error = await rpcError(transition(ngoIsfara, khojaAlo.id, 'active'), ErrorCode.InvalidTransition);
      expect(error.payload.message).toBe('Cannot go from proposed to active; allowed: onboarding, archived');
      expect(error.payload.errors).toEqual([{ field: 'to', message: error.payload.message }]);
    });

    it('should start onboarding, keep the reason in the history and publish onboarding-started without it', async () => {
      const moved = await transition(ngoIsfara, khojaAlo.id, 'onboarding', 'Agreed with the jamoat head on 12 May');
      expect(moved.status).toBe('onboarding');
      const [history] = await sql<{ reason: string; changed_by: string }>('select reason, changed_by from community_status_change where community_id = ?', [khojaAlo.id]);
      expect(history).toEqual({ reason: 'Agreed with the jamoat head on 12 May', changed_by: 'u-ngo-isfara' });
      const [row] = await outboxFor(CommunityOnboardingStartedEvtV1.name, 'communityId', khojaAlo.id);
      expect(row.payload).toEqual({ communityId: khojaAlo.id, districtCode: 'isfara', regionCode: 'sughd', from: 'proposed', to: 'onboarding', occurredAt: expect.any(String) });
    });

    it('should refuse onboarding → active while the checklist is incomplete, listing every missing item', async () => {
      const error = await rpcError(transition(ngoIsfara, khojaAlo.id, 'active'), ErrorCode.InvalidTransition);
      expect(error.payload.message).toMatch(/^The onboarding checklist is incomplete/);
      expect(error.payload.errors?.map((e) => e.field)).toEqual([
        'checklist.focalPoint',
        'checklist.localGovernmentContact',
        'checklist.policeUnit',
        'checklist.officer',
        'checklist.firstReportingDayPlanned',
      ]);
      await expect(rpc.request(GetCommunityQryV1, ngoIsfara, { id: khojaAlo.id }, ctx)).resolves.toMatchObject({ status: 'onboarding' });
    });

    it('should tick the checklist from focal point, local government contact, police unit and officer', async () => {
      const police = await organisation(ngoIsfara, 'Isfara district police', 'district-police');
      const hukumat = await organisation(ngoIsfara, 'Isfara hukumat', 'local-government');
      const focal = await contact(ngoIsfara, 'Focal point (test)', { communityIds: [khojaAlo.id] });
      const gov = await contact(ngoIsfara, 'Local government contact (test)', { organisationId: hukumat.id });
      const officer = await contact(ngoIsfara, 'Police inspector (test)', { organisationId: police.id });

      const updated = await rpc.request(
        UpdateCommunityCmdV1,
        ngoIsfara,
        { id: khojaAlo.id, patch: { focalPointContactIds: [focal.id], localGovernmentContactId: gov.id, population: 4300, location: { lat: 39.9, lng: 70.6 } } },
        ctx,
      );
      expect(updated.checklist).toMatchObject({ focalPoint: true, localGovernmentContact: true, policeUnit: false, officer: false });
      expect(updated).toMatchObject({ population: 4300, location: { lat: 39.9, lng: 70.6 } });
      const [event] = await outboxFor('communities.evt.community.updated.v1', 'communityId', khojaAlo.id);
      expect(event.payload.changedFields).toEqual(['location', 'population', 'localGovernmentContactId', 'focalPointContactIds']);

      const assignment = await rpc.request(AssignOfficerCmdV1, ngoIsfara, { communityId: khojaAlo.id, officerContactId: officer.id, policeUnitId: police.id, since: '2026-10-01' }, ctx);
      expect(assignment).toMatchObject({ communityId: khojaAlo.id, officerContactId: officer.id, policeUnitId: police.id, since: '2026-10-01', until: null, current: true });
      const [assigned] = await outboxFor(OfficerAssignedEvtV1.name, 'communityId', khojaAlo.id);
      expect(assigned.payload).toEqual({
        assignmentId: assignment.id,
        communityId: khojaAlo.id,
        districtCode: 'isfara',
        regionCode: 'sughd',
        officerContactId: officer.id,
        previousOfficerContactId: null,
        policeUnitId: police.id,
        since: '2026-10-01',
        occurredAt: expect.any(String),
      });
      const now = await rpc.request(GetCommunityQryV1, ngoIsfara, { id: khojaAlo.id }, ctx);
      expect(now.checklist).toEqual({ focalPoint: true, localGovernmentContact: true, policeUnit: true, officer: true, firstReportingDayPlanned: false });
      const error = await rpcError(transition(ngoIsfara, khojaAlo.id, 'active'), ErrorCode.InvalidTransition);
      expect(error.payload.errors?.map((e) => e.field)).toEqual(['checklist.firstReportingDayPlanned']);
    });

    it('should tick "first reporting day planned" from meetings.evt.meeting.scheduled, applied once though delivered twice', async () => {
      const publish = jetStreamPublisher(nc.jetstream(), prefix);
      const meetingId = randomUUID();
      const message = {
        id: randomUUID(),
        subject: MeetingScheduledEvtV1.name,
        payload: { meetingId, communityIds: [khojaAlo.id, randomUUID()], districtCode: 'isfara', scheduledFor: '2026-12-10T05:00:00.000Z', quarter: '2026-Q4' },
        correlationId: 'meetings-test',
        occurredAt: new Date(),
      };
      await publish(message);
      await new Promise((resolve) => setTimeout(resolve, 400)); // past the stream's duplicate window
      await publish(message);

      const jsm = await nc.jetstreamManager();
      const stream = await jsm.streams.info(eventStreamName(prefix, 'meetings'));
      expect(stream.state.messages).toBe(2); // both deliveries are really in the stream
      await eventually(async () => {
        const [{ n }] = await sql<{ n: number }>(
          "select count(*)::int as n from inbox_message where message_id = ? and consumer = 'communities__meeting-scheduled-v1'",
          [message.id],
        );
        expect(n).toBe(1);
        const info = await jsm.consumers.info(eventStreamName(prefix, 'meetings'), 'communities__meeting-scheduled-v1');
        expect(info.num_ack_pending + info.num_pending).toBe(0);
      }, 5000);

      const ticked = await rpc.request(GetCommunityQryV1, ngoIsfara, { id: khojaAlo.id }, ctx);
      expect(ticked).toMatchObject({ firstMeetingId: meetingId, checklist: { firstReportingDayPlanned: true } });
      const updates = (await outboxFor('communities.evt.community.updated.v1', 'communityId', khojaAlo.id)).filter((r) =>
        (r.payload.changedFields as string[]).includes('firstMeetingId'),
      );
      expect(updates).toHaveLength(1);
    });

    it('should activate with a complete checklist, then pause, re-activate and archive; archived is final', async () => {
      await expect(transition(ngoIsfara, khojaAlo.id, 'active')).resolves.toMatchObject({ status: 'active', allowedTransitions: ['paused', 'archived'] });
      const [activated] = await outboxFor(CommunityActivatedEvtV1.name, 'communityId', khojaAlo.id);
      expect(activated.payload).toMatchObject({ from: 'onboarding', to: 'active' });
      await expect(transition(ngoIsfara, khojaAlo.id, 'paused', 'Harvest')).resolves.toMatchObject({ status: 'paused' });
      await expect(transition(ngoIsfara, khojaAlo.id, 'active')).resolves.toMatchObject({ status: 'active' });
      await expect(transition(ngoIsfara, khojaAlo.id, 'archived')).resolves.toMatchObject({ status: 'archived', allowedTransitions: [] });
      const error = await rpcError(transition(ngoIsfara, khojaAlo.id, 'onboarding'), ErrorCode.InvalidTransition);
      expect(error.payload.message).toBe('archived is final: the community cannot change status');
      const history = await sql<{ to_status: string }>('select to_status from community_status_change where community_id = ? order by changed_at', [khojaAlo.id]);
      expect(history.map((h) => h.to_status)).toEqual(['onboarding', 'active', 'paused', 'active', 'archived']);

      // The relay publishes every status event to the stream.
      const jsm = await nc.jetstreamManager();
      await eventually(() => jsm.streams.getMessage(eventStreamName(prefix, 'communities'), { last_by_subj: prefixedSubject(prefix, 'communities.evt.community.archived.v1') }), 3000);
    });

    it('should take a transition effective on an earlier day, refuse a future day or one before the previous change, and keep the history (ADR 35)', async () => {
      const chorkuh = await community(ngoIsfara, 'Chorkuh');
      const at = (effectiveOn: string, to: CommunityView['status']) => rpc.request(TransitionCommunityCmdV1, ngoIsfara, { id: chorkuh.id, to, effectiveOn }, ctx);
      // Tomorrow in Dushanbe is never today, whatever the hour.
      const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
      const future = await rpcError(at(tomorrow, 'onboarding'), ErrorCode.Unprocessable);
      expect(future.payload).toMatchObject({ reason: 'request.unprocessable', errors: [{ field: 'effectiveOn' }] });
      await expect(rpc.request(GetCommunityQryV1, ngoIsfara, { id: chorkuh.id }, ctx)).resolves.toMatchObject({ status: 'proposed', statusEffectiveOn: null });

      await expect(at('2023-11-15', 'onboarding')).resolves.toMatchObject({ status: 'onboarding', statusEffectiveOn: '2023-11-15' });
      await rpcError(at('2023-11-14', 'archived'), ErrorCode.Unprocessable);
      const [started] = await outboxFor(CommunityOnboardingStartedEvtV1.name, 'communityId', chorkuh.id);
      // 00:00 on 15 November 2023 in Dushanbe (UTC+5).
      expect(started.payload).toMatchObject({ effectiveOn: '2023-11-15', effectiveAt: '2023-11-14T19:00:00.000Z' });

      const today = await rpc.request(TransitionCommunityCmdV1, ngoIsfara, { id: chorkuh.id, to: 'paused' }, ctx);
      const [paused] = await outboxFor('communities.evt.community.paused.v1', 'communityId', chorkuh.id);
      expect(paused.payload.effectiveAt).toBeUndefined();
      const got = await rpc.request(GetCommunityQryV1, ngoIsfara, { id: chorkuh.id }, ctx);
      expect(got.statusEffectiveOn).toBe(today.statusEffectiveOn);
      expect(got.statusHistory).toEqual([
        expect.objectContaining({ from: 'proposed', to: 'onboarding', effectiveOn: '2023-11-15', changedBy: ngoIsfara.userId }),
        expect.objectContaining({ from: 'onboarding', to: 'paused', effectiveOn: today.statusEffectiveOn }),
      ]);
    });

    it('should hide a community out of scope as NOT_FOUND for transitions and updates', async () => {
      const somonien = await community(ngoIsfara, 'Somonien');
      await rpcError(transition(policeBatken, somonien.id, 'onboarding'), ErrorCode.NotFound);
      await rpcError(rpc.request(UpdateCommunityCmdV1, policeBatken, { id: somonien.id, patch: { population: 1 } }, ctx), ErrorCode.NotFound);
    });
  });

  describe('update and cross-border pairing', () => {
    it('should report every invalid reference field by field and change nothing', async () => {
      const c = await community(ngoIsfara, 'Chorku');
      const ngo = await organisation(ngoIsfara, 'Partner NGO', 'ngo');
      const error = await rpcError(
        rpc.request(
          UpdateCommunityCmdV1,
          ngoIsfara,
          { id: c.id, patch: { name: 'Chorku town', policeUnitId: ngo.id, partnerOrganisationId: randomUUID(), focalPointContactIds: [randomUUID()], pairedCommunityIds: [c.id] } },
          ctx,
        ),
        ErrorCode.ValidationFailed,
      );
      expect(error.payload.errors?.map((e) => e.field)).toEqual(['partnerOrganisationId', 'policeUnitId', 'focalPointContactIds.0', 'pairedCommunityIds.0']);
      await expect(rpc.request(GetCommunityQryV1, ngoIsfara, { id: c.id }, ctx)).resolves.toMatchObject({ name: 'Chorku', policeUnitId: null });
    });

    it('should keep pairing symmetric across the border, and need both communities in scope', async () => {
      const vorukh = await community(ngoIsfara, 'Vorukh');
      const akSai = await community(coordinator, 'Ak-Sai', 'batken');
      const error = await rpcError(rpc.request(UpdateCommunityCmdV1, ngoIsfara, { id: vorukh.id, patch: { pairedCommunityIds: [akSai.id] } }, ctx), ErrorCode.ValidationFailed);
      expect(error.payload.errors).toEqual([{ field: 'pairedCommunityIds.0', message: 'Unknown community, or outside your scope' }]);

      const paired = await rpc.request(UpdateCommunityCmdV1, coordinator, { id: vorukh.id, patch: { pairedCommunityIds: [akSai.id] } }, ctx);
      expect(paired.pairedCommunityIds).toEqual([akSai.id]);
      await expect(rpc.request(GetCommunityQryV1, policeBatken, { id: akSai.id }, ctx)).resolves.toMatchObject({ pairedCommunityIds: [vorukh.id] });
      const [otherSide] = await outboxFor('communities.evt.community.updated.v1', 'communityId', akSai.id);
      expect(otherSide.payload.changedFields).toEqual(['pairedCommunityIds']);

      await rpcError(rpc.request(UpdateCommunityCmdV1, ngoIsfara, { id: vorukh.id, patch: { pairedCommunityIds: [] } }, ctx), ErrorCode.ValidationFailed);
      await rpc.request(UpdateCommunityCmdV1, coordinator, { id: vorukh.id, patch: { pairedCommunityIds: [] } }, ctx);
      await expect(rpc.request(GetCommunityQryV1, coordinator, { id: akSai.id }, ctx)).resolves.toMatchObject({ pairedCommunityIds: [] });
    });
  });

  describe('contacts: consent, erase and scope', () => {
    let person: ContactView;

    it('should record consent with its time and publish consent-changed with ids only', async () => {
      person = await contact(ngoIsfara, 'Erasable person (test)', { phone: '+992927001122', email: 'erasable-person@example.org', consent: false });
      expect(person).toMatchObject({ consent: false, consentChangedAt: null, phone: '+992927001122' });
      expect(await outboxFor(ContactConsentChangedEvtV1.name, 'contactId', person.id)).toHaveLength(0);

      const agreed = await rpc.request(UpdateContactCmdV1, ngoIsfara, { id: person.id, patch: { consent: true } }, ctx);
      expect(agreed.consent).toBe(true);
      expect(Date.parse(agreed.consentChangedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      const [event] = await outboxFor(ContactConsentChangedEvtV1.name, 'contactId', person.id);
      expect(event.payload).toEqual({ contactId: person.id, consent: true, occurredAt: agreed.consentChangedAt });

      // Same value again: no change, no event.
      await rpc.request(UpdateContactCmdV1, ngoIsfara, { id: person.id, patch: { consent: true } }, ctx);
      expect(await outboxFor(ContactConsentChangedEvtV1.name, 'contactId', person.id)).toHaveLength(1);
      const consenting = await rpc.request(ListContactsQryV1, ngoIsfara, { offset: 0, limit: 100, sort: 'name', order: 'ASC', consent: false }, ctx);
      expect(consenting.items.map((c) => c.id)).not.toContain(person.id);
    });

    it('should refuse a bad phone or email at the contract, listing the fields', async () => {
      const error = await rpcError(contact(ngoIsfara, 'Bad Numbers', { phone: '0927 00 11 22', email: 'not-an-email' }), ErrorCode.ValidationFailed);
      expect(error.payload.errors?.map((e) => e.field).sort()).toEqual(['email', 'phone']);
    });

    it('should erase personal fields, keep the id and references, and publish contact.erased with ids only', async () => {
      const c = await community(ngoIsfara, 'Kulundu');
      await rpc.request(UpdateCommunityCmdV1, ngoIsfara, { id: c.id, patch: { focalPointContactIds: [person.id] } }, ctx);
      const erased = await rpc.request(EraseContactCmdV1, ngoIsfara, { id: person.id }, ctx);
      expect(erased).toMatchObject({ id: person.id, name: '', position: null, phone: null, email: null, consent: false });
      expect(erased.erasedAt).not.toBeNull();
      const [row] = await sql<Record<string, unknown>>('select * from contact where id = ?', [person.id]);
      expect(row).toMatchObject({ name: '', phone: null, email: null, position: null, consent: false });
      await expect(rpc.request(GetCommunityQryV1, ngoIsfara, { id: c.id }, ctx)).resolves.toMatchObject({ focalPointContactIds: [person.id] });

      const [event] = await outboxFor(ContactErasedEvtV1.name, 'contactId', person.id);
      expect(event.payload).toEqual({ contactId: person.id, occurredAt: erased.erasedAt });
      const [withdrawn] = (await outboxFor(ContactConsentChangedEvtV1.name, 'contactId', person.id)).slice(-1);
      expect(withdrawn.payload.consent).toBe(false);
      // No event of this service ever carried the person's data.
      const leaks = await sql<{ n: number }>("select count(*)::int as n from outbox_message where payload::text ~* '(erasable person|992927001122|example\\.org)'");
      expect(leaks[0].n).toBe(0);

      // Idempotent, and the erased record can no longer be edited or named as a focal point.
      await rpc.request(EraseContactCmdV1, ngoIsfara, { id: person.id }, ctx);
      expect(await outboxFor(ContactErasedEvtV1.name, 'contactId', person.id)).toHaveLength(1);
      await rpcError(rpc.request(UpdateContactCmdV1, ngoIsfara, { id: person.id, patch: { name: 'Back again' } }, ctx), ErrorCode.Conflict);
      const refused = await rpcError(rpc.request(UpdateCommunityCmdV1, ngoIsfara, { id: c.id, patch: { localGovernmentContactId: person.id } }, ctx), ErrorCode.ValidationFailed);
      expect(refused.payload.errors).toEqual([{ field: 'localGovernmentContactId', message: 'The contact was erased' }]);
    });

    it('should never show contacts to a regional reviewer, and hide them outside scope', async () => {
      await rpcError(rpc.request(ListContactsQryV1, reviewerSughd, { offset: 0, limit: 10, sort: 'name', order: 'ASC' }, ctx), ErrorCode.Forbidden);
      await rpcError(rpc.request(GetContactQryV1, reviewerSughd, { id: person.id }, ctx), ErrorCode.Forbidden);
      await rpcError(rpc.request(GetContactQryV1, policeBatken, { id: person.id }, ctx), ErrorCode.NotFound);
      const batken = await rpc.request(ListContactsQryV1, policeBatken, { offset: 0, limit: 100, sort: 'name', order: 'ASC' }, ctx);
      expect(batken.items.every((c) => c.regionCode === 'batken')).toBe(true);
      await rpcError(rpc.request(EraseContactCmdV1, policeBatken, { id: person.id }, ctx), ErrorCode.Forbidden);
    });
  });

  describe('organisations and the officer roster', () => {
    it('should let a district holder see, but not change, a region-level body of its region', async () => {
      const regional = await organisation(coordinator, 'Sughd regional police department', 'regional-law-enforcement', { regionCode: 'sughd' });
      expect(regional).toMatchObject({ districtCode: null, regionCode: 'sughd' });
      const seen = await rpc.request(ListOrganisationsQryV1, ngoIsfara, { offset: 0, limit: 100, sort: 'name', order: 'ASC', kind: 'regional-law-enforcement' }, ctx);
      expect(seen.items.map((o) => o.id)).toEqual([regional.id]);
      await rpcError(rpc.request(UpdateOrganisationCmdV1, ngoIsfara, { id: regional.id, patch: { name: 'Renamed' } }, ctx), ErrorCode.Forbidden);
      await rpcError(organisation(ngoIsfara, 'Regional NGO', 'ngo', { regionCode: 'sughd' }), ErrorCode.Forbidden);
      const batkenView = await rpc.request(ListOrganisationsQryV1, policeBatken, { offset: 0, limit: 100, sort: 'name', order: 'ASC' }, ctx);
      expect(batkenView.items.map((o) => o.id)).not.toContain(regional.id);
    });

    it('should keep the roster history when the officer changes', async () => {
      const c = await community(ngoIsfara, 'Surkh');
      const first = await contact(ngoIsfara, 'Officer One');
      const second = await contact(ngoIsfara, 'Officer Two');
      await rpc.request(AssignOfficerCmdV1, ngoIsfara, { communityId: c.id, officerContactId: first.id, since: '2026-01-01' }, ctx);
      const bad = await rpcError(rpc.request(AssignOfficerCmdV1, ngoIsfara, { communityId: c.id, officerContactId: second.id, since: '2025-12-01' }, ctx), ErrorCode.ValidationFailed);
      expect(bad.payload.errors?.[0].field).toBe('since');
      await rpc.request(AssignOfficerCmdV1, ngoIsfara, { communityId: c.id, officerContactId: second.id, since: '2026-07-01' }, ctx);
      const roster = await rpc.request(ListOfficerAssignmentsQryV1, ngoIsfara, { offset: 0, limit: 10, sort: 'since', order: 'ASC', communityId: c.id }, ctx);
      expect(roster.items.map((r) => [r.officerContactId, r.since, r.until])).toEqual([
        [first.id, '2026-01-01', '2026-06-30'],
        [second.id, '2026-07-01', null],
      ]);
      const events = await outboxFor(OfficerAssignedEvtV1.name, 'communityId', c.id);
      expect(events.map((e) => e.payload.previousOfficerContactId)).toEqual([null, first.id]);
      await expect(rpc.request(GetCommunityQryV1, ngoIsfara, { id: c.id }, ctx)).resolves.toMatchObject({ officerContactId: second.id });
    });
  });

  describe('geography', () => {
    it('should let the national coordinator add a region and a district, and nobody else', async () => {
      const region = await rpc.request(CreateRegionCmdV1, coordinator, { code: 'jalal-abad', countryCode: 'KG', name: { en: 'Jalal-Abad', ru: 'Джалал-Абад', ky: 'Жалал-Абад' } }, ctx);
      expect(region).toMatchObject({ code: 'jalal-abad', location: null });
      const district = await rpc.request(CreateDistrictCmdV1, coordinator, { code: 'aksy', regionCode: 'jalal-abad', name: { en: 'Aksy' }, timeZone: 'Asia/Bishkek', location: { lat: 41.4, lng: 71.5 } }, ctx);
      expect(district).toMatchObject({ code: 'aksy', regionCode: 'jalal-abad', countryCode: 'KG', location: { lat: 41.4, lng: 71.5 } });
      await rpcError(rpc.request(CreateRegionCmdV1, ngoIsfara, { code: 'naryn', countryCode: 'KG', name: { en: 'Naryn' } }, ctx), ErrorCode.Forbidden);
      const dup = await rpcError(rpc.request(CreateRegionCmdV1, coordinator, { code: 'sughd', countryCode: 'TJ', name: { en: 'Sughd' } }, ctx), ErrorCode.Conflict);
      expect(dup.payload.errors?.[0].field).toBe('code');
      const tz = await rpcError(rpc.request(CreateDistrictCmdV1, coordinator, { code: 'nau', regionCode: 'sughd', name: { en: 'Nau' }, timeZone: 'Mars/Olympus' }, ctx), ErrorCode.ValidationFailed);
      expect(tz.payload.errors?.[0].field).toBe('timeZone');
      const coords = await rpcError(
        rpc.request(CreateDistrictCmdV1, coordinator, { code: 'nau', regionCode: 'sughd', name: { en: 'Nau' }, location: { lat: 91, lng: 0 } } as never, ctx),
        ErrorCode.ValidationFailed,
      );
      expect(coords.payload.errors?.[0].field).toBe('location.lat');
      const regions = await rpc.request(ListRegionsQryV1, policeBatken, { countryCode: 'KG' }, ctx);
      expect(regions.items.map((r) => r.code)).toEqual(['batken', 'jalal-abad']);
    });
  });

  describe('demo seed', () => {
    it('should load consenting demo contacts and organisations in Isfara, once', async () => {
      await seedDemo(orm.em.fork());
      await seedDemo(orm.em.fork());
      const [{ orgs }] = await sql<{ orgs: number }>("select count(*)::int as orgs from organisation where name like 'Isfara district police department'");
      expect(orgs).toBe(1);
      const people = await rpc.request(ListContactsQryV1, ngoIsfara, { offset: 0, limit: 100, sort: 'name', order: 'ASC', q: 'Community police inspector' }, ctx);
      expect(people.items).toEqual([expect.objectContaining({ name: 'Community police inspector (demo)', consent: true, districtCode: 'isfara' })]);
      expect(people.items[0].communityIds.length).toBeGreaterThan(0);
      const serving = await rpc.request(ListContactsQryV1, ngoIsfara, { offset: 0, limit: 100, sort: 'name', order: 'ASC', communityId: people.items[0].communityIds[0] }, ctx);
      expect(serving.items.map((c) => c.name)).toContain('Community police inspector (demo)');
      expect(serving.items.every((c) => c.communityIds.includes(people.items[0].communityIds[0]))).toBe(true);
    });
  });
});
