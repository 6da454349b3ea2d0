import {
  addQuarters,
  dateInZone,
  quarterOf,
  quarterStart,
  type CommunityView,
  type ConcernReply,
  type ContactView,
  type MeetingView,
  type OrganisationView,
  type PastReportingDayView,
  type ReportTimeSeries,
  type TemplateView,
} from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { insertHeldMeeting, subjectOf } from './support/concerns';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const ZONE = 'Asia/Dushanbe';
const WAIT = { timeout: 20_000 };
const DAY_MS = 86_400_000;
/** Attendance of one gender: n aged 18–29 and n aged 30–59. */
const attendees = (n: number) => ({ under18: 0, from18to29: n, from30to59: n, from60: 0 });
const VIEWPORTS = [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 360, height: 740 }],
] as const;

/**
 * A community's page says what the system knows about it (#15): its reporting days planned and past, its reporting rate
 * quarter by quarter, its open concerns and actions — those a role may not read only as counts — and "Plan a reporting
 * day", which opens the create form filled from the community and the planner's role; the new meeting's invite step then
 * proposes the community's local-government and police contacts and the facilitating NGO's, each one click to add, and
 * the people picker shows each person's position and organisation. At 1366 × 768 and on a 360 px phone.
 */
describe('the community page and planning from it', () => {
  let browser: Browser;
  let community: CommunityView;
  let police: OrganisationView;
  let hukumat: OrganisationView;
  let ngo: OrganisationView;
  const people: Record<'focal' | 'gov' | 'officer' | 'facilitator', ContactView> = {} as never;
  let template: TemplateView;
  let planned: MeetingView;
  let heldMeetingId: string;
  let recorded: PastReportingDayView;
  const hex = randomBytes(3).toString('hex');
  const texts = { public: `The bridge railing is broken ${hex}`, restricted: `Cattle theft by night ${hex}`, confidential: `Threats at the border post ${hex}` };
  const current = quarterOf(new Date(), ZONE);
  const joined = dateInZone(new Date(quarterStart(addQuarters(current, -4), ZONE).getTime() + 3 * DAY_MS), ZONE);
  const activeSince = dateInZone(new Date(quarterStart(addQuarters(current, -4), ZONE).getTime() + 5 * DAY_MS), ZONE);
  const heldOn = dateInZone(new Date(quarterStart(addQuarters(current, -2), ZONE).getTime() + 20 * DAY_MS), ZONE);
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-community-page-${name}.png`), fullPage: true });

  async function openAs(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  /** Nothing wider than the screen: the page scrolls down, never sideways. */
  async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }

  async function organisation(name: string, kind: string): Promise<OrganisationView> {
    const created = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `${name} ${hex}`, kind, districtCode: 'isfara' });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function person(name: string, position: string, organisationId: string): Promise<ContactView> {
    const created = await api<ContactView>('ngo.isfara', 'POST', '/contacts', {
      name: `${name} ${hex}`,
      position,
      organisationId,
      districtCode: 'isfara',
      phone: '+992927111222',
      preferredLanguage: 'tg',
      preferredChannel: 'sms',
      consent: true,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const templates = await api<TemplateView[]>('police.isfara', 'GET', '/templates');
    template = templates.body.filter((t) => t.key === 'reporting-day').sort((a, b) => b.version - a.version)[0];
    expect(template).toBeDefined();

    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Community page village ${hex}`, districtCode: 'isfara', kind: 'village' });
    expect(created.status).toBe(201);
    community = created.body;
    police = await organisation('Isfara police', 'district-police');
    hukumat = await organisation('Jamoat hukumat', 'local-government');
    ngo = await organisation('Peace NGO', 'ngo');
    people.focal = await person('Focal point', 'Teacher', hukumat.id);
    people.gov = await person('Deputy head', 'Deputy head of the jamoat', hukumat.id);
    people.officer = await person('Inspector', 'Community inspector', police.id);
    people.facilitator = await person('Facilitator', 'Programme facilitator', ngo.id);

    // Onboarded a year ago: one reporting day held (recorded afterwards) two quarters ago, none in the quarter after.
    expect((await api('ngo.isfara', 'POST', `/communities/${community.id}/transitions`, { to: 'onboarding', effectiveOn: joined })).status).toBe(200);
    const day = await api<PastReportingDayView>('ngo.isfara', 'POST', '/past-reporting-days', {
      communityId: community.id,
      heldOn,
      organisedBy: 'police',
      attendance: { counts: { women: attendees(4), men: attendees(4), other: attendees(0) } },
    });
    expect(day.status).toBe(201);
    recorded = day.body;
    const patched = await api('ngo.isfara', 'PATCH', `/communities/${community.id}`, {
      focalPointContactIds: [people.focal.id],
      localGovernmentContactId: people.gov.id,
      policeUnitId: police.id,
      partnerOrganisationId: ngo.id,
    });
    expect(patched.status).toBe(200);
    expect((await api('police.isfara', 'POST', '/officer-assignments', { communityId: community.id, officerContactId: people.officer.id, policeUnitId: police.id })).status).toBe(201);
    await eventually(
      async () => expect((await api<CommunityView>('ngo.isfara', 'GET', `/communities/${community.id}`)).body.checklist.firstReportingDayPlanned).toBe(true),
      20_000,
      200,
    );
    expect((await api('coordinator', 'POST', `/communities/${community.id}/transitions`, { to: 'active', effectiveOn: activeSince })).status).toBe(200);

    // A reporting day planned six days ahead.
    const plannedDay = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.id],
      districtCode: 'isfara',
      title: `Planned day ${hex}`,
      startsAt: new Date(Date.now() + 6 * DAY_MS).toISOString(),
      venueName: 'School No. 2',
      venueType: 'school',
      organisedBy: 'police',
    });
    expect(plannedDay.status).toBe(201);
    planned = plannedDay.body;

    // Concerns raised at a held meeting of the community: one public with an open action, one restricted, one confidential.
    heldMeetingId = await insertHeldMeeting('isfara', 'sughd', [community.id]);
    const raise = async (sensitivity: keyof typeof texts, extra: object = {}) => {
      const reply = await api<ConcernReply>('ngo.isfara', 'POST', `/meetings/${heldMeetingId}/concerns`, { topic: 'road-safety', sensitivity, text: texts[sensitivity], ...extra });
      expect(reply.status).toBe(201);
      return reply.body;
    };
    const open = await raise('public', { followUpNeeded: true });
    await raise('restricted', { followUpNeeded: true });
    await raise('confidential', { followUpNeeded: true, handlerIds: [await subjectOf('coordinator')] });
    const dueDate = dateInZone(new Date(Date.now() + 30 * DAY_MS), ZONE);
    expect((await api('ngo.isfara', 'POST', `/concerns/${open.id}/actions`, { ownerOrganisationId: police.id, dueDate, description: 'Repair the railing' })).status).toBe(201);

    // The reporting service has applied the history before the page is read.
    await eventually(
      async () => {
        const series = await api<ReportTimeSeries>('gov.isfara', 'GET', `/reports/timeseries?level=community&code=${community.id}&from=${addQuarters(current, -2)}&to=${addQuarters(current, -1)}`);
        expect(series.status).toBe(200);
        expect(series.body.points.map((point) => point.measures.reportingRate)).toEqual([
          expect.objectContaining({ expected: 1, held: 1 }),
          expect.objectContaining({ expected: 1, held: 0 }),
        ]);
      },
      30_000,
      300,
    );
    browser = await launchChromium();
  });

  afterAll(() => browser?.close());

  for (const [size, viewport] of VIEWPORTS) {
    it(`should show local government its meetings, its rate by quarter, and the concerns it may not read only as counts (${size})`, async () => {
      const page = await openAs('gov.isfara', viewport);
      await page.goto(consoleAt(`communities/${community.id}/show`));

      const meetings = page.getByTestId('community-meetings');
      await meetings.getByTestId('community-meetings-planned').getByTestId(`community-meeting-${planned.id}`).waitFor(WAIT);
      expect(await page.getByTestId(`community-meeting-${planned.id}`).getAttribute('href')).toBe(`#/meetings/${planned.id}/show`);
      await meetings.getByTestId('community-meetings-past').getByTestId(`community-meeting-${heldMeetingId}`).waitFor(WAIT);
      await meetings.getByTestId('community-meetings-past').getByTestId(`community-meeting-${recorded.meetingId}`).waitFor(WAIT);
      await expect(page.getByTestId('community-meetings-past-count').getAttribute('data-count')).resolves.toBe('2');
      await expect(page.getByTestId('community-meetings-planned-count').getAttribute('data-count')).resolves.toBe('1');

      // Local government reads public concerns only: the restricted and confidential ones are counts, never text.
      await page.getByTestId('community-open-concerns').filter({ hasText: 'Open concerns you may read: 1' }).waitFor(WAIT);
      await page.getByTestId('community-concerns').getByText(texts.public).waitFor(WAIT);
      const hidden = page.getByTestId('community-hidden-concerns');
      await hidden.filter({ hasText: 'counted only (any status): 2 (confidential: 1, restricted: 1, public: 0)' }).waitFor(WAIT);
      await page.getByTestId('community-open-actions').filter({ hasText: 'Open follow-up actions: 1' }).waitFor(WAIT);
      const body = (await page.textContent('body')) ?? '';
      expect(body).not.toContain(texts.confidential);
      expect(body).not.toContain(texts.restricted);

      // Quarter by quarter from the reporting service: held two quarters ago, missed in the one after.
      await page.getByTestId(`community-rate-${addQuarters(current, -2)}`).filter({ hasText: 'held' }).waitFor(WAIT);
      await expect(page.getByTestId(`community-rate-${addQuarters(current, -2)}`).getAttribute('data-state')).resolves.toBe('held');
      await expect(page.getByTestId(`community-rate-${addQuarters(current, -1)}`).getAttribute('data-state')).resolves.toBe('missed');
      await expect(page.getByTestId('community-rate-total').getAttribute('data-held')).resolves.toBe('1');

      await page.getByTestId('onboarding-panel').waitFor(WAIT);
      await page.getByTestId('officer-roster').getByText(people.officer.name).waitFor(WAIT);
      await page.getByTestId('community-briefings').waitFor(WAIT);
      // Local government does not plan reporting days.
      expect(await page.getByTestId('plan-reporting-day').count()).toBe(0);
      await expectNoSidewaysScroll(page, viewport.width);
      await shot(page, `local-government-${size}`);

      // "All its reporting days" opens the meetings list narrowed to the community, the filter shown.
      await page.getByTestId('community-meetings-all').click();
      await page.waitForURL(/#\/meetings\?/, WAIT);
      expect(decodeURIComponent(page.url())).toContain(`"communityId":"${community.id}"`);
      await page.getByText(`Planned day ${hex}`).first().waitFor(WAIT);
      await page.context().close();
    });
  }

  // After the reading tests: each of these plans one more reporting day for the community.
  for (const [size, viewport] of VIEWPORTS) {
    it(`should plan a reporting day prefilled from the community and propose its contacts as invitees (${size})`, async () => {
      const page = await openAs('police.isfara', viewport);
      await page.goto(consoleAt(`communities/${community.id}/show`));
      const plan = page.getByTestId('plan-reporting-day');
      await plan.waitFor(WAIT);
      await eventually(async () => expect(await plan.isEnabled()).toBe(true), 20_000, 200);
      await plan.click();
      await page.waitForURL(/#\/meetings\/create/, WAIT);

      // Prefilled: district, community, police unit, the partner NGO facilitating, who organises (a police officer with
      // a partner NGO), the latest handbook template, and a title.
      const value = (selector: string) => page.locator(selector).first().inputValue();
      await eventually(
        async () => {
          expect(await value('input[name="districtCode"]')).toBe('isfara');
          expect(await value('input[name="communityId"]')).toBe(community.name);
          expect(await value('input[name="policeUnitId"]')).toBe(police.name);
          expect(await value('input[name="facilitatingOrganisationId"]')).toBe(ngo.name);
          expect(await value('input[name="organisedBy"]')).toBe('police-ngo-facilitated');
          expect(await value('input[name="templateId"]')).toBe(template.id);
          expect(await value('input[name="title"]')).toBe(`Reporting day in ${community.name}`);
        },
        20_000,
        250,
      );
      await shot(page, `plan-prefilled-${size}`);
      const startsOn = dateInZone(new Date(Date.now() + 9 * DAY_MS), ZONE);
      await page.getByTestId('meeting-starts-at-input').fill(`${startsOn}T10:00`);
      await page.locator('input[name="venueName"]').fill('Jamoat hall');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/meetings\/[0-9a-f-]{36}\/show/, WAIT);
      const meetingId = /meetings\/([0-9a-f-]{36})\/show/.exec(page.url())?.[1] ?? '';
      const meeting = (await api<MeetingView>('police.isfara', 'GET', `/meetings/${meetingId}`)).body;
      expect(meeting).toMatchObject({
        kind: 'local',
        districtCode: 'isfara',
        communityIds: [community.id],
        policeUnitId: police.id,
        facilitatingOrganisationId: ngo.id,
        organisedBy: 'police-ngo-facilitated',
        inviteeContactIds: [],
      });

      // The invite step proposes; nothing is invited until picked.
      await page.getByRole('tab', { name: 'Invite' }).click();
      const proposals = page.getByTestId('invite-proposals');
      await proposals.waitFor(WAIT);
      for (const who of ['gov', 'officer', 'facilitator'] as const) await page.getByTestId(`invite-proposal-${people[who].id}`).waitFor(WAIT);
      expect(await page.getByTestId(`invite-proposal-${people.focal.id}`).count()).toBe(0);
      await page
        .getByTestId(`invite-proposal-${people.gov.id}`)
        .filter({ hasText: `Local government contact — Deputy head of the jamoat · ${hukumat.name}` })
        .waitFor(WAIT);
      await page.getByTestId(`invite-proposal-${people.officer.id}`).filter({ hasText: `Community police officer — Community inspector · ${police.name}` }).waitFor(WAIT);
      await page.getByTestId(`invite-proposal-${people.facilitator.id}`).filter({ hasText: `Facilitating NGO — Programme facilitator · ${ngo.name}` }).waitFor(WAIT);
      await shot(page, `invite-proposals-${size}`);

      // One click adds one person, who is then no longer proposed.
      await page.getByTestId(`invite-proposal-add-${people.gov.id}`).click();
      await page.getByTestId(`invite-proposal-${people.gov.id}`).waitFor({ ...WAIT, state: 'detached' });
      await page.getByTestId('invite-contacts').getByText(people.gov.name).waitFor(WAIT);
      await page.getByTestId('invite-proposals-add-all').click();
      await proposals.waitFor({ ...WAIT, state: 'detached' });

      // The people picker says who each person is.
      // With three people chosen the box is narrow on a phone: typing focuses it, a click could land on its buttons.
      await page.getByTestId('invite-contacts').locator('input').fill(people.focal.name);
      await page.getByRole('option', { name: people.focal.name }).filter({ hasText: `Teacher · ${hukumat.name}` }).waitFor(WAIT);
      await page.keyboard.press('Escape');
      // The invite step fits the screen (a long meeting title in the app bar is another matter: see the report of #15).
      const panel = await page.getByTestId('invite-panel').boundingBox();
      expect((panel?.x ?? 0) + (panel?.width ?? Infinity)).toBeLessThanOrEqual(viewport.width);

      await page.getByTestId('invite-save').click();
      await page.getByText('Invitations saved').waitFor(WAIT);
      const saved = (await api<MeetingView>('police.isfara', 'GET', `/meetings/${meetingId}`)).body;
      expect([...saved.inviteeContactIds].sort()).toEqual([people.gov.id, people.officer.id, people.facilitator.id].sort());
      await page.context().close();
    });
  }
});
