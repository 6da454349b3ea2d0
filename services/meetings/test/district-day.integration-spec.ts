import {
  AssignActionCmdV1,
  CreateMeetingCmdV1,
  AssignActionInputSchema,
  ListActionsQryV1,
  RecordConcernCmdV1,
  RecordConcernInputSchema,
  type Actor,
  type CreateMeetingInput,
  type DataOf,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../src/clock';
import { startMeetingsHarness, type MeetingsHarness } from './support/meetings-harness';

const isfara = { national: false, regions: [], districts: ['isfara'] };
const recorder: Actor = { userId: 'u-ngo-isfara', username: 'ngo.isfara', roles: ['ngo-admin'], scope: isfara };
const meetingInput = (startsAt: Date, over: Partial<CreateMeetingInput> = {}): CreateMeetingInput => ({
  kind: 'local',
  communityIds: [randomUUID()],
  districtCode: 'isfara',
  title: 'Reporting day, Khoja Alo',
  startsAt: startsAt.toISOString(),
  durationMinutes: 120,
  venueName: 'School yard',
  venueType: 'school',
  organisedBy: 'police',
  inviteeContactIds: [],
  inviteeOrganisationIds: [],
  ...over,
});

/** "Today" for follow-up actions and checklist steps is the district's calendar day (Isfara: Asia/Dushanbe, UTC+5). */
describe("the district's day (real PostgreSQL and NATS)", () => {
  let h: MeetingsHarness;
  const ctx = { correlationId: 'district-day-test' };
  let actionId: string;
  const standAt = (iso: string) => jest.spyOn(h.app.get(Clock), 'now').mockReturnValue(new Date(iso));
  const list = (over: Partial<DataOf<typeof ListActionsQryV1>> = {}) =>
    h.rpc.request(ListActionsQryV1, recorder, { offset: 0, limit: 500, sort: 'dueDate', order: 'ASC', ...over } as DataOf<typeof ListActionsQryV1>, ctx);

  beforeAll(async () => {
    h = await startMeetingsHarness();
    const meeting = await h.rpc.request(CreateMeetingCmdV1, recorder, { input: meetingInput(new Date('2026-11-02T05:00:00Z')) }, ctx);
    const concern = await h.rpc.request(
      RecordConcernCmdV1,
      recorder,
      { meetingId: meeting.id, concern: RecordConcernInputSchema.parse({ topic: 'water-and-irrigation', sensitivity: 'public', text: 'The canal gate is broken', followUpNeeded: true }) },
      ctx,
    );
    const action = await h.rpc.request(AssignActionCmdV1, recorder, { concernId: concern.id, action: AssignActionInputSchema.parse({ ownerOrganisationId: randomUUID(), dueDate: '2026-11-23' }) }, ctx);
    actionId = action.id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => h?.close());

  it("should not call an action overdue at 23:30 in Isfara on its due day (18:30 UTC)", async () => {
    standAt('2026-11-23T18:30:00Z');
    const [action] = (await list()).items;
    expect(action).toMatchObject({ id: actionId, overdue: false });
    expect((await list({ overdue: true })).items).toEqual([]);
    expect((await list({ overdue: false })).items.map((a) => a.id)).toEqual([actionId]);
  });

  it("should call it overdue at 00:30 the next day in Isfara, while the UTC day is still the due day (19:30 UTC)", async () => {
    standAt('2026-11-23T19:30:00Z');
    const [action] = (await list()).items;
    expect(action).toMatchObject({ id: actionId, overdue: true });
    expect((await list({ overdue: true })).items.map((a) => a.id)).toEqual([actionId]);
    expect((await list({ overdue: false })).items).toEqual([]);
  });
});
