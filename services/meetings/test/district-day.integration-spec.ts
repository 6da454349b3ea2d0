import {
  AssignActionCmdV1,
  CreateMeetingCmdV1,
  GetAgendaQryV1,
  ListTemplatesQryV1,
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

  describe('checklist steps due before the meeting was created', () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    const planned = async () => {
      const { items } = await h.rpc.request(ListTemplatesQryV1, recorder, {}, ctx);
      const templateId = items.find((t) => t.key === 'reporting-day')?.id;
      // Planned six days ahead: the handbook's steps due 14, 10 and 7 days before were due before today.
      return h.rpc.request(CreateMeetingCmdV1, recorder, { input: meetingInput(new Date(Date.now() + 6 * DAY_MS), { templateId }) }, ctx);
    };
    const timing = async (meetingId: string) =>
      (await h.rpc.request(GetAgendaQryV1, recorder, { meetingId }, ctx)).checklist.map((step) => [step.offsetDays, step.lateStart, step.overdue]);

    it('should show them as a late start, not overdue', async () => {
      const meeting = await planned();
      expect(await timing(meeting.id)).toEqual([
        [-14, true, false],
        [-10, true, false],
        [-7, true, false],
        [-5, false, false],
        [7, false, false],
      ]);
    });

    it('should call the same steps overdue on a meeting created before they were due', async () => {
      const meeting = await planned();
      await h.orm.em.fork().getConnection().execute(`update meeting set created_at = now() - interval '30 days' where id = ?`, [meeting.id]);
      expect(await timing(meeting.id)).toEqual([
        [-14, false, true],
        [-10, false, true],
        [-7, false, true],
        [-5, false, false],
        [7, false, false],
      ]);
    });
  });
});
