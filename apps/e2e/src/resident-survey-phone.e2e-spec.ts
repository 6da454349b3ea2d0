import { demoPassword } from '@rd/testing';
import type { CommunityView, FeedbackSummary, MeetingView, ResidentSurveyView } from '@rd/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 30_000 };

/**
 * A resident answers the survey of a reporting day on a cheap phone (#16, ADR 46): from the short link, with no
 * sign-in, in the community's language; one answer given with the network cut waits on the phone and arrives once
 * when it is back.
 */
describe('the resident survey on a phone (360×740), with no login', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let meetingId: string;
  let survey: ResidentSurveyView;

  const responses = async () => (await api<ResidentSurveyView>('police.isfara', 'GET', `/meetings/${meetingId}/survey`)).body.responses;
  const answerOne = async () => {
    await page.click('[data-testid=survey-usefulness-4]');
    await page.click('[data-testid=survey-trust-5]');
    await page.click('[data-testid=survey-first-true]');
    await page.click('[data-testid=survey-gender-female]');
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Phone survey village ${randomBytes(3).toString('hex')}`, districtCode: 'isfara', kind: 'village', languages: ['tg'] });
    const meeting = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: 'Reporting day at the school',
      startsAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
      venueName: 'School No. 3',
      venueType: 'school',
      organisedBy: 'police',
    });
    meetingId = meeting.body.id;
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${meetingId}/transitions`, { to })).status).toBe(200);
    survey = (await api<ResidentSurveyView>('police.isfara', 'POST', `/meetings/${meetingId}/survey`, {})).body;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(() => browser?.close());

  it('should open from the short link without signing in, in the community language, and take one answer', async () => {
    await page.goto(`${e2eEnv().consoleUrl}/s/${survey.code.toLowerCase()}`);
    await page.waitForSelector('[data-testid=survey-title]', WAIT);
    expect(new URL(page.url()).pathname).toBe(`/s/${survey.code.toLowerCase()}`);
    expect(await page.textContent('[data-testid=survey-title]')).toBe('Reporting day at the school');
    expect(await page.getAttribute('html', 'lang')).toBe('tg');
    expect(await page.textContent('[data-testid=survey-send]')).toBe('Фиристодан');
    await page.click('[data-testid=survey-lang-en]');
    expect(await page.textContent('[data-testid=survey-send]')).toBe('Send');
    await answerOne();
    // Big buttons: at least 48 px to tap (the field kit's rule), and nothing wider than the phone.
    const box = await page.locator('[data-testid=survey-trust-5]').boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-phone-form.png'), fullPage: true });
    await page.click('[data-testid=survey-send]');
    await page.waitForSelector('[data-testid=survey-done]', WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-phone-thanks.png') });
    expect(await responses()).toBe(1);
    await page.click('[data-testid=survey-next]');
    await page.waitForSelector('[data-testid=survey-form]', WAIT);
    expect(await page.isEnabled('[data-testid=survey-send]')).toBe(false);
  });

  it('should keep an answer given offline on the phone and send it once when the connection is back', async () => {
    await context.setOffline(true);
    await answerOne();
    await page.click('[data-testid=survey-send]');
    await page.waitForSelector('[data-testid=survey-saved-offline]', WAIT);
    expect(await page.textContent('[data-testid=survey-waiting]')).toContain('1');
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-phone-offline.png') });
    expect(await responses()).toBe(1);
    await context.setOffline(false);
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.waitForSelector('[data-testid=survey-waiting]', { state: 'detached', timeout: 30_000 });
    expect(await responses()).toBe(2);
    // Another "online" sends nothing again: the answer left the phone with its key.
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.waitForTimeout(500);
    expect(await responses()).toBe(2);
  });

  it('should let the organiser open a survey on the phone, print its QR page, and run the kiosk that only the PIN leaves', async () => {
    const organiser = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'en-US' });
    const phone = await organiser.newPage();
    const other = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [(await api<MeetingView>('police.isfara', 'GET', `/meetings/${meetingId}`)).body.communityIds[0]],
      districtCode: 'isfara',
      title: 'Reporting day in the field',
      startsAt: new Date(Date.now() - 30 * 60 * 1000).toISOString(),
      venueName: 'Field by the canal',
      venueType: 'open-air',
      organisedBy: 'police',
    });
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${other.body.id}/transitions`, { to })).status).toBe(200);
    // The meeting's feedback step (on a phone its tab sits beyond the tab bar's scroll).
    await loginThroughKeycloak(phone, `${e2eEnv().consoleUrl}/#/meetings/${other.body.id}/show/feedback`, 'police.isfara', demoPassword());
    await phone.getByTestId('survey-open-slips').fill('6');
    await phone.getByTestId('survey-open').click();
    await phone.getByTestId('survey-link').waitFor(WAIT);
    const opened = (await api<ResidentSurveyView>('police.isfara', 'GET', `/meetings/${other.body.id}/survey`)).body;
    expect(opened.slipCodes).toHaveLength(6);
    expect(await phone.getByTestId('survey-link').textContent()).toContain(`/s/${opened.code}`);
    await phone.screenshot({ path: join(SCREENSHOTS, 'survey-organiser-panel.png'), fullPage: true });

    await phone.getByTestId('kiosk-start').click();
    await phone.getByTestId('kiosk-pin').fill('2468');
    await phone.getByTestId('kiosk-pin-set').click();
    for (const trust of [5, 3]) {
      await phone.click(`[data-testid=survey-usefulness-4]`);
      await phone.click(`[data-testid=survey-trust-${trust}]`);
      await phone.click('[data-testid=survey-first-true]');
      await phone.click('[data-testid=survey-send]');
      await phone.getByTestId('kiosk-thanks').waitFor(WAIT);
    }
    await phone.screenshot({ path: join(SCREENSHOTS, 'survey-kiosk.png') });
    await phone.getByTestId('kiosk-leave').click();
    await phone.getByTestId('kiosk-leave-pin').fill('1111');
    await phone.getByTestId('kiosk-leave-confirm').click();
    expect(await phone.getByTestId('kiosk').isVisible()).toBe(true);
    await phone.getByTestId('kiosk-leave-pin').fill('2468');
    await phone.getByTestId('kiosk-leave-confirm').click();
    await phone.getByTestId('kiosk').waitFor({ state: 'detached', timeout: 10_000 });
    const summary = await api<FeedbackSummary>('police.isfara', 'GET', `/meetings/${other.body.id}/feedback/summary`);
    expect(summary.body).toMatchObject({ overall: { n: 2 }, bySource: { kiosk: { n: 2, trustAverage: 4 }, resident: { n: 0 }, staff: { n: 0 } }, selfReportedShare: 1 });
    await phone.getByTestId('feedback-sources').filter({ hasText: 'Self-reported: 100%' }).waitFor(WAIT);
    // Printed: the page alone, in the community's language (Tajik), with the QR code and the six slips.
    await phone.setViewportSize({ width: 794, height: 1123 });
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.getByTestId('survey-print-page').isVisible()).toBe(true);
    expect(await phone.getByTestId('kiosk-start').isVisible()).toBe(false);
    expect(await phone.getByTestId('survey-print-page').textContent()).toContain('Ба мо гӯед');
    expect(await phone.getByTestId('survey-qr').getAttribute('src')).toMatch(/^data:image\/gif;base64,/);
    expect(await phone.locator('[data-testid=survey-slips] > div').count()).toBe(6);
    await phone.screenshot({ path: join(SCREENSHOTS, 'survey-print-a4.png'), fullPage: true });
    await organiser.close();
  });
});
