import { CreateMeetingCmdV1, eventStreamName, GetAgendaQryV1, OfficerAssignedEvtV1, type Actor } from '@rd/contracts';
import { jetStreamPublisher } from '@rd/messaging';
import { eventually } from '@rd/testing';
import { nanos } from 'nats';
import { randomUUID } from 'node:crypto';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const policeIsfara: Actor = { userId: 'u-police-isfara', username: 'police.isfara', roles: ['police-officer'], scope: { national: false, regions: [], districts: ['isfara'] } };
const CONSUMER = 'meetings__officer-assigned-v1';

describe('officer roster from communities.evt.officer.assigned (real PostgreSQL and NATS)', () => {
  let harness: MeetingsHarness;
  const ctx = { correlationId: 'roster-test' };

  beforeAll(async () => {
    harness = await startMeetingsHarness();
    // A short duplicate window lets the test deliver the same message id twice, as a redelivery would.
    const jsm = await harness.nc.jetstreamManager();
    const name = eventStreamName(harness.prefix, 'communities');
    const { config } = await jsm.streams.info(name);
    await jsm.streams.update(name, { ...config, duplicate_window: nanos(200) });
  });

  afterAll(() => harness?.close());

  const sql = <T>(query: string, params: unknown[] = []) => harness.orm.em.fork().getConnection().execute<T[]>(query, params);

  it('should store an assignment once though delivered twice and propose the officer for the next meeting', async () => {
    const communityId = randomUUID();
    const message = {
      id: randomUUID(),
      subject: OfficerAssignedEvtV1.name,
      payload: {
        assignmentId: randomUUID(),
        communityId,
        districtCode: 'isfara',
        regionCode: 'sughd',
        officerContactId: randomUUID(),
        previousOfficerContactId: null,
        policeUnitId: null,
        since: '2027-01-10',
        occurredAt: new Date().toISOString(),
      },
      correlationId: 'roster-test',
      occurredAt: new Date(),
    };
    const publish = jetStreamPublisher(harness.nc.jetstream(), harness.prefix);
    await publish(message);
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the stream's duplicate window
    await publish(message);

    const jsm = await harness.nc.jetstreamManager();
    expect((await jsm.streams.info(eventStreamName(harness.prefix, 'communities'))).state.messages).toBe(2);
    await eventually(async () => {
      const [inbox] = await sql<{ n: number }>('select count(*)::int as n from inbox_message where message_id = ? and consumer = ?', [message.id, CONSUMER]);
      expect(inbox?.n).toBe(1);
      const info = await jsm.consumers.info(eventStreamName(harness.prefix, 'communities'), CONSUMER);
      expect(info.num_ack_pending + info.num_pending).toBe(0);
    }, 5000);
    const [rows] = await sql<{ n: number }>('select count(*)::int as n from officer_roster_entry where community_id = ?', [communityId]);
    expect(rows?.n).toBe(1);

    const meeting = await harness.rpc.request(
      CreateMeetingCmdV1,
      policeIsfara,
      {
        input: {
          kind: 'local',
          communityIds: [communityId],
          districtCode: 'isfara',
          title: 'Reporting day',
          startsAt: '2027-03-20T05:00:00Z',
          durationMinutes: 120,
          venueName: 'School',
          venueType: 'school',
          organisedBy: 'police',
          inviteeContactIds: [],
          inviteeOrganisationIds: [],
        },
        place: { regionCode: 'sughd', timeZone: 'Asia/Dushanbe' },
      },
      ctx,
    );
    const agenda = await harness.rpc.request(GetAgendaQryV1, policeIsfara, { meetingId: meeting.id }, ctx);
    expect(agenda.proposedStaff).toEqual([
      { assignmentId: message.payload.assignmentId, communityId, officerContactId: message.payload.officerContactId, policeUnitId: null, since: '2027-01-10' },
    ]);
  });
});
