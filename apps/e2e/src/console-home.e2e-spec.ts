import {
  addQuarters,
  DEFAULT_TIME_ZONE,
  quarterOf,
  type ActionView,
  type CommunityView,
  type ConcernReceipt,
  type MeetingAgendaView,
  type MeetingView,
  type MissingReports,
  type OrganisationView,
  type ReportTimeSeries,
  type TemplateView,
} from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { keepOrganisations, setUserOrganisation } from './support/user-organisation';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const CARDS = ['upcoming', 'minutes', 'actions', 'missing', 'inbox', 'rate'] as const;
const hex = () => randomBytes(3).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);
const listQuery = (filter: Record<string, unknown>) => `?${new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify([0, 99]) })}`;

/**
 * The console's home (issue 15): it opens on what needs the reader, one card per thing the role may read, with data
 * made here through the API. The officer of the organising unit gets the reporting day coming up with its open
 * preparation steps, the minutes awaiting their approval, their overdue and due-soon actions, the communities without a
 * reporting day and their unread messages; local government the same without minutes (it approves none) and with
 * plain empty states; the regional reviewer only the region's rate this quarter against last, never a list of
 * records. At 1280 px the cards sit side by side; at 360 px they stack, with nothing wider than the screen.
 */
describe('the console home: what needs me', () => {
  const run = hex();
  const quarter = quarterOf(new Date(), DEFAULT_TIME_ZONE);
  let browser: Browser;
  let restoreOrganisations: () => Promise<void>;
  let upcoming: MeetingView;
  let awaiting: MeetingView;
  let openSteps: string[];
  let tickedStep: string;
  const actions = { overdue: `Repair the canal gate ${run}`, soon: `Street lights on the school road ${run}` };

  async function signedIn(username: string, width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 900 }, hasTouch: width < 600, locale: 'en-US' });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    await page.getByTestId('home-cards').waitFor(WAIT);
    return page;
  }

  /** Signs `username` in on a screen `width` px wide, runs `fn` on the home page, then closes the browser context. */
  async function onHome(username: string, width: number, fn: (page: Page) => Promise<void>): Promise<void> {
    const page = await signedIn(username, width);
    try {
      await fn(page);
    } finally {
      await page.context().close();
    }
  }

  /** The cards shown, in order, once the home has rendered its first one. */
  async function cardsOf(page: Page): Promise<string[]> {
    await page.locator('[data-testid^="home-card-"]').first().waitFor(WAIT);
    const ids = await page.locator('[data-testid^="home-card-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace('home-card-', ''));
  }

  async function cardBoxes(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
    const boxes = await Promise.all((await page.locator('[data-testid^="home-card-"]').all()).map((card) => card.boundingBox()));
    return boxes.map((box) => box ?? { x: -1, y: -1, width: 0, height: 0 });
  }

  /** At 360 px: one column, each card below the previous, none wider than the screen and no horizontal scroll. */
  async function expectStacked(page: Page, width: number): Promise<void> {
    const boxes = await cardBoxes(page);
    for (const [i, box] of boxes.entries()) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      if (i > 0) {
        expect(box.x).toBeCloseTo(boxes[0].x, 0);
        expect(box.y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].height);
      }
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  }

  /** At 1280 px: the first two cards side by side. */
  async function expectSideBySide(page: Page): Promise<void> {
    const [first, second] = await cardBoxes(page);
    expect(second.y).toBeCloseTo(first.y, 0);
    expect(second.x).toBeGreaterThanOrEqual(first.x + first.width);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The officer belongs to the organising unit for the whole spec (minutes to approve, actions of the unit).
    restoreOrganisations = await keepOrganisations(['police.isfara']);
    const unit = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Home police unit ${run}`, kind: 'district-police', districtCode: 'isfara' });
    expect(unit.status).toBe(201);
    await setUserOrganisation('police.isfara', unit.body.id);
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Home village ${run}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    const templates = await api<TemplateView[]>('police.isfara', 'GET', '/templates');
    const template = templates.body.find((t) => t.key === 'reporting-day' && t.version === 1);
    if (!template) throw new Error('the seeded handbook template reporting-day v1 is missing');
    const plan = (title: string, startsAt: Date, extra: Record<string, unknown> = {}) =>
      api<MeetingView>('police.isfara', 'POST', '/meetings', {
        kind: 'local',
        communityIds: [community.body.id],
        districtCode: 'isfara',
        title,
        startsAt: startsAt.toISOString(),
        venueName: 'School No. 2',
        venueType: 'school',
        organisedBy: 'police',
        policeUnitId: unit.body.id,
        ...extra,
      });

    // In a quarter of an hour, from the handbook: the steps due before today started late; one is ticked. So soon that it
    // is among the first five scheduled in Isfara even when other suites left reporting days scheduled there.
    const planned = await plan(`Coming up ${run}`, new Date(Date.now() + 15 * 60 * 1000), { templateId: template.id });
    expect(planned.status).toBe(201);
    upcoming = planned.body;
    expect((await api('police.isfara', 'POST', `/meetings/${upcoming.id}/transitions`, { to: 'scheduled' })).status).toBe(200);
    const agenda = await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${upcoming.id}/agenda`);
    const [first, ...rest] = agenda.body.checklist;
    expect((await api('police.isfara', 'POST', `/meetings/${upcoming.id}/checklist/${first.id}/tick`, {})).status).toBe(200);
    tickedStep = first.title;
    openSteps = rest.map((step) => step.title);

    // Held today, minutes drafted: waiting for the unit's approval. A concern with two actions for the unit.
    const held = await plan(`Minutes to approve ${run}`, new Date(Date.now() + 20 * 60 * 1000));
    awaiting = held.body;
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${awaiting.id}/transitions`, { to })).status).toBe(200);
    expect((await api('police.isfara', 'PUT', `/meetings/${awaiting.id}/minutes`, { body: '# Minutes\nAgreed', language: 'en' })).status).toBe(200);
    const concern = await api<ConcernReceipt>('ngo.isfara', 'POST', `/meetings/${awaiting.id}/concerns`, { topic: 'water-and-irrigation', sensitivity: 'public', text: `The canal gate is broken ${run}` });
    expect(concern.status).toBe(201);
    const soon = inDays(5).toISOString().slice(0, 10);
    for (const [description, dueDate] of [[actions.overdue, '2026-01-15'], [actions.soon, soon]]) {
      const action = await api<ActionView>('ngo.isfara', 'POST', `/concerns/${concern.body.id}/actions`, { ownerOrganisationId: unit.body.id, dueDate, description });
      expect(action.status).toBe(201);
    }
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await restoreOrganisations?.();
  });

  it('should answer through the API what the cards show: minutes awaiting the unit’s approval only, the officer’s actions, none for the reviewer', async () => {
    const minutes = await api<MeetingView[]>('police.isfara', 'GET', `/meetings${listQuery({ minutesAwaitingApproval: true })}`);
    expect(minutes.status).toBe(200);
    expect(minutes.body.map((m) => m.id)).toEqual([awaiting.id]);
    // Local government reads the minutes but approves none; the coordinator may approve any.
    expect((await api<MeetingView[]>('gov.isfara', 'GET', `/meetings${listQuery({ minutesAwaitingApproval: true })}`)).body).toEqual([]);
    expect((await api<MeetingView[]>('coordinator', 'GET', `/meetings${listQuery({ minutesAwaitingApproval: true })}`)).body.map((m) => m.id)).toContain(awaiting.id);
    expect((await api('police.isfara', 'GET', `/meetings${listQuery({ minutesAwaitingApproval: false })}`)).status).toBe(400);
    const mine = await api<ActionView[]>('police.isfara', 'GET', `/actions${listQuery({ mine: true })}`);
    expect(mine.body.map((a) => a.description).sort()).toEqual([actions.overdue, actions.soon].sort());
    // The reviewer's token is refused every list a card of the others reads.
    for (const path of ['/meetings', '/actions', '/notifications/inbox', `/reports/missing?level=region&code=sughd&quarter=${quarter}`]) {
      expect({ path, status: (await api('reviewer.sughd', 'GET', path)).status }).toEqual({ path, status: 403 });
    }
  });

  describe.each([
    ['desktop', 1280],
    ['phone', 360],
  ])('on a %s screen (%i px)', (screen, width) => {
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-home-${name}-${width}.png`), fullPage: true });

    it('should open the organising officer’s home on the day coming up, minutes to approve, actions, communities without a day and messages', async () => {
      await onHome('police.isfara', width, async (page) => {
        expect(await cardsOf(page)).toEqual(['upcoming', 'minutes', 'actions', 'missing', 'inbox']);

        const day = page.getByTestId('home-card-upcoming').getByTestId('home-meeting').filter({ hasText: upcoming.title });
        await day.waitFor(WAIT);
        await day.getByTestId('home-steps').waitFor(WAIT);
        const steps = await day.getByTestId('home-step').allTextContents();
        expect(steps.length).toBeGreaterThan(0);
        // Planned today: the steps due days before are a late start, not overdue.
        expect(steps.some((step) => step.includes('· Late start'))).toBe(true);
        expect(steps.every((step) => openSteps.some((title) => step.startsWith(title)))).toBe(true);
        expect(steps.some((step) => step.startsWith(`${tickedStep} ·`))).toBe(false);

        const minutes = page.getByTestId('home-card-minutes');
        await minutes.getByTestId('home-minutes').filter({ hasText: awaiting.title }).waitFor(WAIT);
        await expect(minutes.getByTestId('home-count-minutes').textContent()).resolves.toBe('1');

        const todo = page.getByTestId('home-card-actions');
        await todo.getByTestId('home-action-overdue').filter({ hasText: actions.overdue }).waitFor(WAIT);
        await todo.getByTestId('home-action-soon').filter({ hasText: actions.soon }).waitFor(WAIT);
        await expect(todo.getByTestId('home-all-actions').getAttribute('href')).resolves.toBe('#/actions');

        const missing = page.locator('[data-testid="home-missing-district-isfara"]:not([data-total=""])');
        await missing.waitFor(WAIT);
        const report = await api<MissingReports>('police.isfara', 'GET', `/reports/missing?level=district&code=isfara&quarter=${quarter}&limit=1`);
        await expect(missing.getAttribute('data-total')).resolves.toBe(String(report.body.total));
        await expect(page.getByTestId('home-all-missing').getAttribute('href')).resolves.toBe('#/reporting');

        // The inbox card and the app bar's badge read the same count.
        const inbox = page.getByTestId('home-card-inbox');
        await inbox.getByTestId('home-count-inbox').waitFor(WAIT);
        const badge = await page.getByTestId('inbox-badge').getAttribute('data-unread');
        await expect(inbox.getByTestId('home-count-inbox').textContent()).resolves.toBe(badge);
        if (badge === '0') await inbox.getByTestId('home-empty-inbox').waitFor(WAIT);
        else await inbox.getByTestId('home-message').first().waitFor(WAIT);

        if (width < 600) await expectStacked(page, width);
        else await expectSideBySide(page);
        await shot(page, 'officer');

        // A line opens its meeting.
        await day.getByRole('link', { name: upcoming.title }).click();
        await page.waitForURL(new RegExp(`#/meetings/${upcoming.id}/show`), WAIT);
      });
    }, 120_000);

    it('should give local government no minutes card and say plainly when nothing of theirs is due', async () => {
      await onHome('gov.isfara', width, async (page) => {
        expect(await cardsOf(page)).toEqual(['upcoming', 'actions', 'missing', 'inbox']);
        await page.getByTestId('home-card-upcoming').getByTestId('home-meeting').filter({ hasText: upcoming.title }).waitFor(WAIT);
        // The actions belong to the police unit, not to local government.
        await expect(page.getByTestId('home-empty-actions').textContent()).resolves.toBe('None of your follow-up actions is overdue or due in the next 14 days.');
        if (width < 600) await expectStacked(page, width);
        await shot(page, 'local-government');
      });
    }, 120_000);

    it('should give the regional reviewer the region’s rate this quarter against last and no card of records', async () => {
      await onHome('reviewer.sughd', width, async (page) => {
        expect(await cardsOf(page)).toEqual(['rate']);
        const line = page.getByTestId('home-rate-region-sughd');
        await line.getByTestId('home-rate-change').waitFor(WAIT);
        const series = await api<ReportTimeSeries>('reviewer.sughd', 'GET', `/reports/timeseries?level=region&code=sughd&from=${addQuarters(quarter, -1)}&to=${quarter}`);
        expect(series.status).toBe(200);
        const rateOf = (q: string) => String(series.body.points.find((point) => point.quarter === q)?.measures.reportingRate.rate ?? '');
        await expect(line.getAttribute('data-rate')).resolves.toBe(rateOf(quarter));
        await expect(line.getAttribute('data-previous')).resolves.toBe(rateOf(addQuarters(quarter, -1)));
        await line.getByText(`${quarter} (this quarter, still running)`).waitFor(WAIT);
        await line.getByText(`${addQuarters(quarter, -1)} (last quarter)`).waitFor(WAIT);
        for (const card of CARDS.filter((c) => c !== 'rate')) await expect(page.getByTestId(`home-card-${card}`).count()).resolves.toBe(0);
        await expect(page.getByTestId('inbox-badge').count()).resolves.toBe(0);
        if (width < 600) await expectStacked(page, width);
        await shot(page, 'reviewer');
      });
    }, 120_000);
  });
});
