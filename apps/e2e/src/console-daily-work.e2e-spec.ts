import type { CommunityView, MeetingAgendaView, MeetingView, TemplateView } from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const DAY_MS = 86_400_000;

/**
 * The meeting page says what the meeting's state allows (#15): a new meeting is a draft until scheduled, checklist
 * steps due before it was planned are a late start, the hold step takes attendance only once held, a refusal by the
 * server is not a network failure, and toasts say what happened. At desktop size and on a 360 px phone.
 */
describe('the meeting page follows the meeting’s state', () => {
  let browser: Browser;
  let template: TemplateView;
  let community: CommunityView;
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-daily-work-${name}.png`), fullPage: true });

  /** Planned through the gateway by police.isfara from the handbook template, six days ahead. */
  async function planMeeting(title: string): Promise<MeetingView> {
    const created = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.id],
      districtCode: 'isfara',
      title,
      startsAt: new Date(Date.now() + 6 * DAY_MS).toISOString(),
      venueName: 'School No. 2',
      venueType: 'school',
      organisedBy: 'police',
      templateId: template.id,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function openAs(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  /** The steps due before the day the meeting was planned (six days ahead: those 7 or more days before). */
  const lateSteps = (agenda: MeetingAgendaView) => agenda.checklist.filter((step) => step.offsetDays <= -7);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const hex = randomBytes(3).toString('hex');
    const templates = await api<TemplateView[]>('police.isfara', 'GET', '/templates');
    template = templates.body.filter((t) => t.key === 'reporting-day').sort((a, b) => b.version - a.version)[0];
    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Daily work village ${hex}`, districtCode: 'isfara', kind: 'village' });
    expect(created.status).toBe(201);
    community = created.body;
    browser = await launchChromium();
  });

  afterAll(() => browser?.close());

  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 360, height: 740 }],
  ] as const) {
    it(`should say a new meeting is a draft until scheduled and show early steps as a late start, not overdue (${size})`, async () => {
      const meeting = await planMeeting(`Draft ${size}`);
      const agenda = (await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${meeting.id}/agenda`)).body;
      expect(lateSteps(agenda).length).toBeGreaterThan(0);
      expect(agenda.checklist.filter((step) => step.overdue)).toEqual([]);
      const page = await openAs('police.isfara', viewport);
      await page.goto(consoleAt(`meetings/${meeting.id}/show`));
      await page.getByTestId('meeting-draft-notice').filter({ hasText: 'draft: nobody is invited' }).waitFor(WAIT);
      for (const step of lateSteps(agenda)) {
        await page.getByTestId(`checklist-late-start-${step.key}`).filter({ hasText: /^Late start$/ }).waitFor(WAIT);
        await page.getByTestId(`checklist-item-${step.key}`).filter({ hasText: 'Due before this meeting was planned' }).waitFor(WAIT);
      }
      expect(await page.locator('[data-testid^="checklist-overdue-"]').count()).toBe(0);
      await shot(page, `draft-${size}`);

      // The hold step of a meeting not yet held explains itself and offers no attendance grid or sheet upload.
      await page.getByRole('tab', { name: 'Hold' }).click();
      await page.getByTestId('hold-step-notice').filter({ hasText: 'recorded once the meeting is held' }).waitFor(WAIT);
      expect(await page.getByTestId('count-women-from30to59').count()).toBe(0);
      expect(await page.getByTestId('attendance-save').count()).toBe(0);
      expect(await page.getByTestId('sign-in-sheet-upload').count()).toBe(0);
      // Questions can be noted before the day.
      await page.getByTestId('concern-text-input').waitFor(WAIT);
      await shot(page, `hold-not-yet-${size}`);
      await page.context().close();
    });
  }

  it('should toast what a transition did, drop the draft notice once scheduled, and show the server’s refusal as a refusal', async () => {
    const meeting = await planMeeting('Scheduled in the console');
    const page = await openAs('police.isfara', { width: 1280, height: 900 });
    await page.goto(consoleAt(`meetings/${meeting.id}/show`));
    await page.getByTestId('meeting-draft-notice').waitFor(WAIT);
    await page.getByTestId('meeting-transition-scheduled').click(WAIT);
    await page.getByTestId('meeting-transition-confirm').click();
    await page.getByText('Reporting day scheduled', { exact: true }).waitFor(WAIT);
    await page.getByTestId('meeting-status').filter({ hasText: /^Scheduled$/ }).waitFor(WAIT);
    await page.getByTestId('meeting-draft-notice').waitFor({ ...WAIT, state: 'detached' });

    // Six days early, "Mark held" is refused by the meetings service (409): the dialog says why, not "check the connection".
    await page.getByTestId('meeting-transition-held').click(WAIT);
    await page.getByTestId('meeting-transition-confirm').click();
    const error = page.getByTestId('save-error');
    await error.filter({ hasText: 'Not saved — the server refused it:' }).waitFor(WAIT);
    await error.filter({ hasText: 'The meeting cannot take this status now.' }).waitFor(WAIT);
    await expect(error.getAttribute('data-failure')).resolves.toBe('refused');
    expect(await error.textContent()).not.toMatch(/connection/i);
    expect(await page.getByTestId('save-retry').count()).toBe(0);
    await shot(page, 'refused-not-network');
    expect((await api<MeetingView>('police.isfara', 'GET', `/meetings/${meeting.id}`)).body.status).toBe('scheduled');
    await page.context().close();
  });
});
