import { serviceActor } from '@rd/auth-core';
import { ApproveMinutesCmdV1, CreateMeetingCmdV1, GetMinutesQryV1, MinutesApprovedEvtV1, RecordConcernCmdV1, SaveMinutesCmdV1, TransitionMeetingCmdV1, type Actor } from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';
import { policeUnit } from './support/communities-stub';

/**
 * What the minutes' recipients read through the link they are sent (GET minutes) and what the
 * distribution event carries never names the topic of a concern they may not read (docs/adr/0011).
 */
const isfara = (userId: string, roles: Actor['roles']): Actor => ({ userId, username: userId, roles, scope: { national: false, regions: [], districts: ['isfara'] } });
const handler = isfara('u-police-handler', ['police-officer']);
const otherPolice = isfara('u-police-other', ['police-officer']);
const localGov = isfara('u-lg', ['local-government']);
const coordinator: Actor = { userId: 'u-coord', username: 'coordinator', roles: ['national-coordinator'], scope: { national: true, regions: [], districts: [] } };

describe('minutes as distributed (real PostgreSQL and NATS)', () => {
  let h: MeetingsHarness;
  const ctx = { correlationId: 'minutes-distribution-test' };

  beforeAll(async () => {
    h = await startMeetingsHarness();
  });
  afterAll(() => h?.close());

  it('should show each reader per-topic counts only of the sensitivities they may read, and keep topics out of the minutes.approved event', async () => {
    const meeting = await h.rpc.request(
      CreateMeetingCmdV1,
      handler,
      {
        input: {
          kind: 'local',
          communityIds: [randomUUID()],
          districtCode: 'isfara',
          title: 'Reporting day',
          startsAt: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
          durationMinutes: 120,
          venueName: 'School',
          venueType: 'school',
          organisedBy: 'police',
          policeUnitId: policeUnit(),
          inviteeContactIds: [],
          inviteeOrganisationIds: [],
        },
        place: { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' },
      },
      ctx,
    );
    await h.rpc.request(TransitionMeetingCmdV1, handler, { id: meeting.id, to: 'scheduled' }, ctx);
    await h.rpc.request(TransitionMeetingCmdV1, handler, { id: meeting.id, to: 'held' }, ctx);
    const record = (topic: 'road-safety' | 'border-guards' | 'domestic-violence', sensitivity: 'public' | 'restricted' | 'confidential') =>
      h.rpc.request(
        RecordConcernCmdV1,
        handler,
        { meetingId: meeting.id, concern: { topic, sensitivity, text: `${topic} ${randomUUID()}`, answer: null, followUpNeeded: false, raiser: { gender: null, ageGroup: null }, handlerIds: sensitivity === 'confidential' ? [handler.userId] : [] } },
        ctx,
      );
    await record('road-safety', 'public');
    await record('border-guards', 'restricted');
    await record('domestic-violence', 'confidential');
    await h.rpc.request(SaveMinutesCmdV1, handler, { meetingId: meeting.id, input: { body: '# Minutes', language: 'ru' } }, ctx);
    // Approved by a member of the organising police unit (ADR 34).
    await h.rpc.request(ApproveMinutesCmdV1, { ...handler, organisationId: meeting.policeUnitId ?? undefined }, { meetingId: meeting.id }, ctx);

    const topicsFor = async (actor: Actor) => (await h.rpc.request(GetMinutesQryV1, actor, { meetingId: meeting.id }, ctx)).concerns.byTopic.map((t) => [t.topic, t.counts]);
    const publicOnly = [['road-safety', { public: 1, restricted: 0, confidential: 0 }]];
    expect(await topicsFor(localGov)).toEqual(publicOnly);
    expect(await topicsFor(serviceActor('notifications'))).toEqual(publicOnly);
    expect(await topicsFor(otherPolice)).toEqual([['border-guards', { public: 0, restricted: 1, confidential: 0 }], ...publicOnly]);
    // A named handler reads the concern itself; the minutes name no confidential topic to anyone but the coordinator.
    expect(JSON.stringify(await topicsFor(handler))).not.toContain('domestic-violence');
    expect(JSON.stringify(await topicsFor(coordinator))).toContain('domestic-violence');
    // The totals stay for everyone.
    expect((await h.rpc.request(GetMinutesQryV1, localGov, { meetingId: meeting.id }, ctx)).concerns.bySensitivity).toEqual({ public: 1, restricted: 1, confidential: 1 });

    const [event] = await h.orm.em.fork().getConnection().execute<{ payload: Record<string, unknown> }[]>(`select payload from outbox_message where subject = ? and payload->>'meetingId' = ?`, [MinutesApprovedEvtV1.name, meeting.id]);
    for (const topic of ['road-safety', 'border-guards', 'domestic-violence']) expect(JSON.stringify(event.payload)).not.toContain(topic);
  });
});
