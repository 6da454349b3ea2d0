import { addQuarters, dateInZone, quarterOf, quarterStart, type CommunityView, type MeetingView, type ReportSummary } from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const ZONE = 'Asia/Dushanbe';
const WAIT = { timeout: 20_000 };
const hex = () => randomBytes(3).toString('hex');
const DAY_MS = 24 * 60 * 60 * 1000;

/** A 1×1 PNG: the minutes "scan". */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function newCommunity(prefix: string): Promise<CommunityView> {
  const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `${prefix} ${hex()}`, districtCode: 'isfara', kind: 'village' });
  expect(created.status).toBe(201);
  return created.body;
}

/** The Isfara district's summary of one quarter, as the NGO admin reads it. */
async function quarterSummary(quarter: string): Promise<ReportSummary> {
  const summary = await api<ReportSummary>('ngo.isfara', 'GET', `/reports/summary?level=district&code=isfara&from=${quarter}&to=${quarter}`);
  expect(summary.status).toBe(200);
  return summary.body;
}

const recordedMeetings = async (communityId: string) =>
  (await api<(MeetingView & { recordedAfterwards?: boolean })[]>('ngo.isfara', 'GET', `/meetings?filter=${encodeURIComponent(JSON.stringify({ districtCode: 'isfara' }))}&range=${encodeURIComponent('[0,499]')}`)).body.filter(
    (meeting) => meeting.communityIds.includes(communityId) && meeting.recordedAfterwards,
  );

/**
 * The programme's history in the console (ADR 35): the effective date of an onboarding transition (never in the
 * future), a past reporting day recorded from a community's page that the district report then counts in its quarter,
 * and the import of past reporting days whose dry run shows the problems by row and stores nothing.
 */
describe('programme history in the console', () => {
  let browser: Browser;
  const today = dateInZone(new Date(), ZONE);
  // Ten quarters back: before the demo's eight quarters of history, so this suite's day is the quarter's only one.
  const quarter = addQuarters(quarterOf(new Date(), ZONE), -10);
  const heldOn = dateInZone(new Date(quarterStart(quarter, ZONE).getTime() + 20 * DAY_MS), ZONE);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(username: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  it('should refuse a future effective date before sending it, and record a past one as the day the community joined', async () => {
    const community = await newCommunity('Joined earlier');
    const page = await signedIn('ngo.isfara');
    await page.goto(`${e2eEnv().consoleUrl}/#/communities/${community.id}/show`);
    await page.getByTestId('transition-onboarding').click();
    const date = page.getByTestId('transition-effective-on');
    expect(await date.inputValue()).toBe(today);
    const tomorrow = dateInZone(new Date(Date.now() + DAY_MS), ZONE);
    await date.fill(tomorrow);
    await page.getByTestId('transition-effective-on-help').filter({ hasText: 'The effective date cannot be in the future' }).waitFor(WAIT);
    expect(await page.getByTestId('transition-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'history-effective-date-future.png') });

    await date.fill('2024-03-01');
    expect(await page.getByTestId('transition-confirm').isEnabled()).toBe(true);
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('community-status').filter({ hasText: 'Onboarding' }).waitFor(WAIT);
    await page.getByTestId('community-status-since').filter({ hasText: 'Since 2024-03-01' }).waitFor(WAIT);

    const stored = await api<CommunityView & { statusEffectiveOn: string | null }>('ngo.isfara', 'GET', `/communities/${community.id}`);
    expect(stored.body).toMatchObject({ status: 'onboarding', statusEffectiveOn: '2024-03-01' });
    await page.context().close();
  });

  it('should record a past reporting day from the community page, mark it, and count it in the district report of its quarter', async () => {
    const community = await newCommunity('History village');
    const before = (await quarterSummary(quarter)).measures.attendance.total;
    const page = await signedIn('ngo.isfara');
    await page.goto(`${e2eEnv().consoleUrl}/#/communities/${community.id}/show`);
    await page.getByTestId('record-past-day').click();
    await page.getByTestId('past-reporting-day-form').waitFor(WAIT);
    // The community comes preset from its page.
    await page.getByTestId('past-day-community-chosen').filter({ hasText: community.name }).waitFor(WAIT);

    await page.getByTestId('past-day-held-on').fill(heldOn);
    await page.getByTestId('past-day-organised-by-police').click();
    await page.getByTestId('past-day-attendance-women-from30to59').fill('14');
    await page.getByTestId('past-day-attendance-men-from30to59').fill('16');
    await page.getByTestId('past-day-attendance-total').filter({ hasText: '30' }).waitFor(WAIT);
    await page.getByTestId('past-day-concerns-water-and-irrigation-public').fill('3');
    await page.getByTestId('past-day-concerns-domestic-violence-confidential').fill('1');
    await page.getByTestId('past-day-feedback-usefulness-4').fill('6');
    await page.getByTestId('past-day-feedback-trust-5').fill('5');
    await page.getByTestId('past-day-feedback-contact-yes').fill('4');
    // The survey's questions do not add up yet: said before anything is sent.
    await page.getByTestId('past-day-save').click();
    await page.getByTestId('past-day-missing').filter({ hasText: 'same number of respondents' }).waitFor(WAIT);
    await page.getByTestId('past-day-feedback-trust-4').fill('1');
    await page.getByTestId('past-day-feedback-contact-no').fill('2');
    await page.getByTestId('past-day-minutes-input').setInputFiles({ name: 'minutes.png', mimeType: 'image/png', buffer: PNG });
    await page.screenshot({ path: join(SCREENSHOTS, 'history-record-form.png'), fullPage: true });
    await page.getByTestId('past-day-save').click();

    await page.waitForURL(/#\/meetings\/[0-9a-f-]{36}\/show/, WAIT);
    await page.getByTestId('recorded-afterwards').waitFor(WAIT);
    await page.getByRole('tab', { name: 'Minutes' }).click();
    await page.getByTestId('minutes-file-download').waitFor(WAIT);

    const [recorded] = await recordedMeetings(community.id);
    expect(recorded).toMatchObject({ status: 'closed', quarter, recordedAfterwards: true });
    const file = await api('ngo.isfara', 'GET', `/meetings/${recorded.id}/minutes-file`);
    expect(file.status).toBe(200);

    // Marked in the meetings list too.
    await page.goto(`${e2eEnv().consoleUrl}/#/meetings?filter=${encodeURIComponent(JSON.stringify({ status: 'closed' }))}`);
    await page.getByTestId('recorded-afterwards').first().waitFor(WAIT);

    await eventually(async () => expect((await quarterSummary(quarter)).measures.attendance.total).toBe(before + 30), 30_000, 300);
    // The district report of that quarter in the dashboard: its total row counts the 30 attendees.
    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.getByTestId('period-picker').waitFor(WAIT);
    for (const end of ['From', 'To']) {
      await page.getByTestId('period-picker').getByLabel(end).click();
      await page.getByRole('option', { name: quarter, exact: true }).click();
    }
    // The header has two rows since d4c36f2 (groups over short sub-headers): the cell is found by its column, not by position.
    await eventually(
      async () => expect((await page.getByTestId('rate-total').locator('td[data-column="attendees"]').textContent())?.replace(/\D/g, '')).toBe(String(before + 30)),
      20_000,
      300,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'history-district-report.png'), fullPage: true });
    await page.context().close();
  });

  it('should show the problems of a past reporting days file by row in the dry run, store nothing, and import a clean one', async () => {
    const community = await newCommunity('Import village');
    const page = await signedIn('ngo.isfara');
    await page.goto(`${e2eEnv().consoleUrl}/#/past-reporting-day-imports`);
    const header = 'communityName,districtCode,heldOn,organisedBy,women_30to59,men_30to59,concerns_theft_public';
    const bad = [header, `${community.name},isfara,${heldOn},police,5,6,2`, `${community.name},isfara,2099-01-01,police,1,1,0`, `Nowhere ${hex()},isfara,${heldOn},police,1,1,0`].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(`${bad}\n`) });
    await page.getByRole('button', { name: 'Check file' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor(WAIT);
    const rows = await problems.locator('tbody tr td:first-child').allTextContents();
    expect(rows).toEqual(expect.arrayContaining(['3', '4']));
    expect(rows).not.toContain('2');
    expect(await page.getByRole('button', { name: /^Import \(/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'history-import-problems.png'), fullPage: true });
    expect(await recordedMeetings(community.id)).toHaveLength(0);

    // The template the page offers is a file the server reads without a problem.
    const [template] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('past-day-template').click()]);
    expect(template.suggestedFilename()).toBe('past-reporting-days.csv');
    await page.getByTestId('import-file').setInputFiles({ name: template.suggestedFilename(), mimeType: 'text/csv', buffer: readFileSync(await template.path()) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('No problems found').waitFor(WAIT);

    const clean = [header, `${community.name},isfara,${heldOn},police,5,6,2`].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'history-clean.csv', mimeType: 'text/csv', buffer: Buffer.from(`${clean}\n`) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('No problems found').waitFor(WAIT);
    await page.getByRole('button', { name: 'Import (1)' }).click();
    await page.getByText('Reporting days recorded: 1').waitFor(WAIT);
    expect(await recordedMeetings(community.id)).toHaveLength(1);
    await page.context().close();
  });

  it('should not offer recording history to a police officer', async () => {
    const page = await signedIn('police.isfara');
    await page.goto(`${e2eEnv().consoleUrl}/#/meetings`);
    await page.getByTestId('meeting-create').waitFor(WAIT);
    expect(await page.getByTestId('record-past-day').count()).toBe(0);
    expect(await page.locator('a[href="#/past-reporting-day-imports"]').count()).toBe(0);
    await page.context().close();
  });
});
