import type { CommunityView, MeetingView } from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { setUserOrganisation } from './support/user-organisation';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

/**
 * A reporting day recorded in the console by the Isfara police on a tablet: the draft meeting is created through
 * the API, then scheduled, marked held, its attendance counted, its minutes drafted and approved, and closed.
 */
describe('recording a meeting in the console', () => {
  let browser: Browser;
  let page: Page;
  let meetingId: string;
  let organisationBefore: string | null | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const hex = randomBytes(3).toString('hex');
    // The officer belongs to the organising unit, so the console lets them approve the minutes (ADR 34).
    const unit = await api<{ id: string }>('coordinator', 'POST', '/organisations', { name: `Console police unit ${hex}`, kind: 'district-police', districtCode: 'isfara' });
    expect(unit.status).toBe(201);
    organisationBefore = await setUserOrganisation('police.isfara', unit.body.id);
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', {
      name: `Console meeting village ${hex}`,
      districtCode: 'isfara',
      kind: 'village',
    });
    expect(community.status).toBe(201);
    const draft = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: `Console reporting day ${hex}`,
      startsAt: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
      venueName: 'Community centre',
      venueType: 'community-centre',
      organisedBy: 'police',
      policeUnitId: unit.body.id,
    });
    expect(draft.status).toBe(201);
    meetingId = draft.body.id;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'police.isfara', demoPassword());
  });

  afterAll(async () => {
    await browser?.close();
    if (organisationBefore !== undefined) await setUserOrganisation('police.isfara', organisationBefore);
  });

  const status = () => page.getByTestId('meeting-status');

  async function transition(to: string, label: string): Promise<void> {
    await page.getByTestId(`meeting-transition-${to}`).click(WAIT);
    await page.getByTestId('meeting-transition-confirm').click();
    await status().filter({ hasText: new RegExp(`^${label}$`) }).waitFor(WAIT);
  }

  it('should schedule the meeting and mark it held', async () => {
    await page.goto(`${e2eEnv().consoleUrl}/#/meetings/${meetingId}/show`);
    await status().filter({ hasText: /^Draft$/ }).waitFor(WAIT);
    await page.getByTestId('meeting-draft-notice').waitFor(WAIT);
    await transition('scheduled', 'Scheduled');
    await page.getByTestId('meeting-draft-notice').waitFor({ ...WAIT, state: 'detached' });
    await transition('held', 'Held');
  });

  it('should record the attendance counts', async () => {
    await page.getByRole('tab', { name: 'Hold' }).click();
    await page.getByTestId('count-women-from30to59').fill('12');
    await page.getByTestId('count-men-from18to29').fill('9');
    await page.getByTestId('count-other-from60').fill('1');
    await expect(page.getByTestId('attendance-total').textContent()).resolves.toBe('Total: 22');
    // The connection drops on the first save: the error says so, the counts stay, Retry sends them.
    let dropped = false;
    await page.route('**/meetings/*/attendance', async (route) => {
      if (route.request().method() === 'PUT' && !dropped) {
        dropped = true;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    await page.getByTestId('attendance-save').click();
    // Only a request that got no answer says "check the connection".
    await page.getByTestId('save-error').filter({ hasText: 'Check the connection' }).waitFor(WAIT);
    await expect(page.getByTestId('save-error').getAttribute('data-failure')).resolves.toBe('network');
    await expect(page.getByTestId('count-women-from30to59').inputValue()).resolves.toBe('12');
    await expect(page.getByTestId('attendance-total').textContent()).resolves.toBe('Total: 22');
    await page.getByTestId('save-retry').click();
    await page.getByText('Attendance saved').waitFor(WAIT);
    await page.unroute('**/meetings/*/attendance');
    const saved = await api<{ total: number }>('police.isfara', 'GET', `/meetings/${meetingId}/attendance`);
    expect(saved.body.total).toBe(22);
  });

  it('should draft and approve the minutes', async () => {
    await page.getByRole('tab', { name: 'Minutes' }).click();
    await page.getByTestId('minutes-body').fill('# Minutes\n\nWater and pasture questions were answered.');
    await page.getByTestId('minutes-save').click();
    await page.getByTestId('minutes-status').filter({ hasText: /^Draft$/ }).waitFor(WAIT);
    await page.getByTestId('minutes-approve').click();
    await page.getByTestId('minutes-status').filter({ hasText: /^Approved and locked$/ }).waitFor(WAIT);
  });

  it('should close the meeting', async () => {
    await page.getByRole('tab', { name: 'Plan' }).click();
    await transition('closed', 'Closed');
    await expect(status().textContent()).resolves.toBe('Closed');
    const meeting = await api<MeetingView>('police.isfara', 'GET', `/meetings/${meetingId}`);
    expect(meeting.body.status).toBe('closed');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-meeting-closed.png'), fullPage: true });
  });
});
