import { addQuarters, quarterOf, type CommunityView, type ConcernView, type FeedbackSummary, type MeetingView, type ReportSummary, type ReportTimeSeries } from '@rd/contracts';
import { DEMO_MEMBERSHIPS, DEMO_TITLE_PREFIX, HISTORY_QUARTERS, planDemoHistory, seedDemoActivity, seedDemoHistory, seedDemoMemberships, type DemoActivityResult, type DemoHistoryResult } from '@rd/devstack';
import { demoPassword, eventually } from '@rd/testing';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { keepOrganisations } from './support/user-organisation';

const demoUsers = () => ({ gatewayUrl: e2eEnv().gatewayUrl, keycloakUrl: e2eEnv().keycloakUrl, password: demoPassword() });

const list = (filter: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,499]')}`;

/** The demo meetings in a district, as its police officer lists them. */
async function demoMeetings(user: string, districtCode: string): Promise<MeetingView[]> {
  const listed = await api<MeetingView[]>(user, 'GET', `/meetings?${list({ districtCode })}`);
  expect(listed.status).toBe(200);
  return listed.body.filter((meeting) => meeting.title.startsWith(DEMO_TITLE_PREFIX));
}

/**
 * Meetings held in a district in the quarters `from`…`to`, every spec's (the platform is shared: other specs record
 * reporting days held afterwards in past quarters too), as the meetings service lists them, 500 a page.
 */
async function heldMeetingsIn(districtCode: string, from: string, to: string): Promise<number> {
  let held = 0;
  for (const status of ['held', 'closed'] as const) {
    for (let offset = 0; ; offset += 500) {
      const page = await api<MeetingView[]>('coordinator', 'GET', `/meetings?filter=${encodeURIComponent(JSON.stringify({ districtCode, status }))}&range=${encodeURIComponent(`[${offset},${offset + 499}]`)}`);
      expect(page.status).toBe(200);
      held += page.body.filter((meeting) => meeting.quarter >= from && meeting.quarter <= to).length;
      if (page.body.length < 500) break;
    }
  }
  return held;
}

/**
 * How long reporting may take to apply the whole demo history (hundreds of meetings and concerns at once). Under the
 * full e2e run on two cores it has needed more than a minute; its speed is a benchmark of its own (#19), not this
 * spec's.
 */
const REPORTING_CATCH_UP_MS = 180_000;

/**
 * The programme history `npm start` records first (ADR 35), through the gateway as the coordinator: the Isfara and
 * Batken communities join about two years back and hold reporting days recorded afterwards in most quarters since.
 */
describe('the demo history of npm start', () => {
  let history: DemoHistoryResult;
  const plan = planDemoHistory(new Date());
  const plannedDays = plan.reduce((sum, community) => sum + community.days.length, 0);

  beforeAll(async () => {
    history = await seedDemoHistory(demoUsers());
  }, 300_000);

  it('should record the history through the gateway: every community joined about two years back, every past day recorded', async () => {
    expect([history.recorded, history.alreadyThere]).toEqual([plannedDays, 0]);
    expect(history.joined.map((entry) => [entry.name, entry.setNow])).toEqual(plan.map((community) => [community.name, true]));
    for (const community of plan) {
      const [found] = (await api<CommunityView[]>('coordinator', 'GET', `/communities?${list({ districtCode: community.district })}`)).body.filter((row) => row.name === community.name);
      expect(found).toMatchObject({ status: 'active', statusEffectiveOn: community.activeOn });
    }
  });

  it('should show trends over the eight quarters before this one: several quarters with reporting days, rates and trust', async () => {
    const current = quarterOf(new Date(), 'Asia/Dushanbe');
    const from = addQuarters(current, -HISTORY_QUARTERS);
    for (const district of ['isfara', 'batken']) {
      await eventually(
        async () => {
          const series = await api<ReportTimeSeries>('coordinator', 'GET', `/reports/timeseries?level=district&code=${district}&from=${from}&to=${addQuarters(current, -1)}`);
          expect(series.status).toBe(200);
          const held = series.body.points.filter((point) => point.measures.reportingRate.meetingsHeld > 0);
          const expected = plan.filter((community) => community.district === district).reduce((sum, community) => sum + community.days.length, 0);
          // The demo's own days, and those other specs recorded in these quarters of the district: every held one counted.
          const counted = series.body.points.reduce((sum, point) => sum + point.measures.reportingRate.meetingsHeld, 0);
          expect(counted).toBeGreaterThanOrEqual(expected);
          expect(counted).toBe(await heldMeetingsIn(district, from, addQuarters(current, -1)));
          expect(held.length).toBeGreaterThanOrEqual(6);
          // Expected from the join dates, so the rate is a real rate below 100 % (some quarters were missed).
          const rated = series.body.points.filter((point) => point.measures.reportingRate.expected > 0);
          expect(rated.length).toBeGreaterThanOrEqual(6);
          expect(rated.some((point) => point.measures.reportingRate.held < point.measures.reportingRate.expected)).toBe(true);
          expect(held.every((point) => point.measures.attendance.total > 0)).toBe(true);
        },
        REPORTING_CATCH_UP_MS,
        500,
      );
    }
    // The district report (the rate table's total) over the eight quarters, once reporting has applied every concern
    // event (they arrive after the meetings' own).
    await eventually(
      async () => {
        const summary = await api<ReportSummary>('coordinator', 'GET', `/reports/summary?level=district&code=isfara&from=${from}&to=${addQuarters(current, -1)}`);
        expect(summary.body.measures.reportingRate.expected).toBeGreaterThan(summary.body.measures.reportingRate.held);
        expect(summary.body.measures.reportingRate.held).toBeGreaterThanOrEqual(20);
        expect(summary.body.measures.concerns.total).toBeGreaterThan(50);
        expect(summary.body.children.length).toBeGreaterThanOrEqual(5);
      },
      REPORTING_CATCH_UP_MS,
      500,
    );
  }, 3 * REPORTING_CATCH_UP_MS + 10_000);

  it('should add nothing when run again', async () => {
    const again = await seedDemoHistory(demoUsers());
    expect(again).toMatchObject({ recorded: 0, alreadyThere: plannedDays });
    expect(again.joined.every((entry) => !entry.setNow)).toBe(true);
    expect(again.summary).toMatch(/^already there: /);
  });
});

/**
 * The demo reporting days `npm start` adds, made through the gateway with the demo users' tokens: one held and closed
 * in Isfara that every service has seen (the reporting read model counts it), others scheduled, and nothing added by
 * a second run. Other suites share the platform, so only the `Demo:` meetings and their community are asserted on.
 */
describe('the demo reporting days of npm start', () => {
  let first: DemoActivityResult;
  const seed = () => seedDemoActivity(demoUsers());

  let restoreOrganisations: () => Promise<void> = async () => undefined;

  // As npm start does: the demo users in their organisations (the police officer approves the minutes of the
  // organising unit, ADR 34), after the history (the communities are active already).
  beforeAll(async () => {
    restoreOrganisations = await keepOrganisations(DEMO_MEMBERSHIPS.map((membership) => membership.username));
    await seedDemoMemberships(demoUsers());
    first = await seed();
  }, 120_000);

  afterAll(async () => {
    await restoreOrganisations();
  });

  it('should create one reporting day held and closed and the others scheduled, every one new', () => {
    expect(first.alreadyThere).toBe(false);
    expect(first.meetings.every((meeting) => meeting.createdNow)).toBe(true);
    expect(first.meetings.map((meeting) => [meeting.districtCode, meeting.status]).sort()).toEqual([
      ['batken', 'scheduled'],
      ['isfara', 'closed'],
      ['isfara', 'scheduled'],
    ]);
    expect(first.summary).toBe('3 reporting days (1 held and closed, 2 scheduled)');
  });

  it('should have recorded the held one completely: closed, concerns of every sensitivity, twelve survey responses', async () => {
    const [held] = (await demoMeetings('police.isfara', 'isfara')).filter((meeting) => meeting.status === 'closed');
    expect(held).toMatchObject({ status: 'closed', heldAt: expect.any(String), closedAt: expect.any(String) });

    // The NGO user handles the confidential concern, so it reads all three; the local government sees the public one only.
    const concerns = await api<ConcernView[]>('ngo.isfara', 'GET', `/meetings/${held.id}/concerns`);
    expect(concerns.status).toBe(200);
    expect(concerns.body.map((concern) => concern.sensitivity).sort()).toEqual(['confidential', 'public', 'restricted']);
    const forGovernment = await api<ConcernView[]>('gov.isfara', 'GET', `/meetings/${held.id}/concerns`);
    expect(forGovernment.body.map((concern) => concern.sensitivity)).toEqual(['public']);

    const feedback = await api<FeedbackSummary>('police.isfara', 'GET', `/meetings/${held.id}/feedback/summary`);
    expect(feedback.status).toBe(200);
    expect(feedback.body.overall.n).toBe(12);

    const community = await api<CommunityView>('ngo.isfara', 'GET', `/communities/${held.communityIds[0]}`);
    expect(community.body).toMatchObject({ name: 'Khoja Alo', status: 'active' });

    const [scheduled] = (await demoMeetings('police.isfara', 'isfara')).filter((meeting) => meeting.status === 'scheduled');
    expect(new Date(scheduled.startsAt).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 60 * 60 * 1000);
    expect(scheduled.inviteeContactIds.length).toBeGreaterThan(0);
  });

  it('should reach the reporting read model: the district summary counts the held reporting day', async () => {
    const [held] = (await demoMeetings('police.isfara', 'isfara')).filter((meeting) => meeting.status === 'closed');
    await eventually(
      async () => {
        const district = await api<ReportSummary>('coordinator', 'GET', `/reports/summary?level=district&code=isfara&from=${held.quarter}`);
        expect(district.status).toBe(200);
        expect(district.body.measures.reportingRate.meetingsHeld).toBeGreaterThanOrEqual(1);
        expect(district.body.measures.attendance.total).toBeGreaterThanOrEqual(73);
        expect(district.body.measures.trust.respondents).toBeGreaterThanOrEqual(12);
        // Its community (active since before the meeting was held) has its reporting day for the quarter.
        const own = await api<ReportSummary>('coordinator', 'GET', `/reports/summary?level=community&code=${held.communityIds[0]}&from=${held.quarter}`);
        expect(own.status).toBe(200);
        expect(own.body.measures.reportingRate).toMatchObject({ expected: 1, held: 1 });
        expect(own.body.measures.concerns.total).toBeGreaterThanOrEqual(3);
      },
      30_000,
      300,
    );
  });

  it('should add nothing when run again', async () => {
    const before = [...(await demoMeetings('police.isfara', 'isfara')), ...(await demoMeetings('police.batken', 'batken'))].map((m) => m.id).sort();
    const again = await seed();
    expect(again.alreadyThere).toBe(true);
    expect(again.summary).toBe('already there: 3 reporting days (1 held and closed, 2 scheduled)');
    expect(again.meetings.map((meeting) => meeting.id).sort()).toEqual(first.meetings.map((meeting) => meeting.id).sort());
    const after = [...(await demoMeetings('police.isfara', 'isfara')), ...(await demoMeetings('police.batken', 'batken'))].map((m) => m.id).sort();
    expect(after).toEqual(before);
    expect(after).toHaveLength(3);
  });
});
