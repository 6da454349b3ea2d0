import type { CommunityView, MeetingView } from '@rd/contracts';
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
// The Tajik words of apps/console/src/i18n/failures/tg.ts: what happened, then what to do next.
const NETWORK = ['Сервер ҷавоб надод: дархост ба он нарасид ё алоқа қатъ шуд.', 'Пайвасти интернетро санҷед ва бори дигар кӯшиш кунед; маълумоти воридшуда боқӣ мондааст.'];
const NOT_NOW = ['Вохӯрӣ ҳоло ин ҳолатро гирифта наметавонад.', 'Саҳифаро навсозӣ кунед, то ҳолати ҷорӣ ва қадамҳои иҷозатдодаро бинед.'];
// The meeting page's own words for a save that got no answer (resources.meetings.saveFailed in tg.ts).
const SAVE_NETWORK = 'Алоқаро санҷед ва такрор кунед.';
const FORBIDDEN = ['Нақши шумо ин амалро иҷозат намедиҳад.', 'Агар ба шумо лозим бошад, ба ҳамоҳангсози миллӣ муроҷиат кунед.'];

/**
 * Errors in the reader's language (#15): in Tajik, a refusal by the server and a request that got no answer are told
 * apart, each with what to do next, and the server's English `detail` never reaches the page: on the meeting page's
 * own dialog and in react-admin's notification of a failed list. At desktop size and on a 360 px phone.
 */
describe('the console tells failures in the reader’s language', () => {
  let browser: Browser;
  let community: CommunityView;
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;

  async function openInTajik(viewport: { width: number; height: number }): Promise<Page> {
    // No language chosen yet: the console starts in the browser's.
    const context = await browser.newContext({ viewport, hasTouch: true, locale: 'tg-TJ' });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'police.isfara', demoPassword());
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Errors village ${randomBytes(3).toString('hex')}`, districtCode: 'isfara', kind: 'village' });
    expect(created.status).toBe(201);
    community = created.body;
    browser = await launchChromium();
  });

  afterAll(() => browser?.close());

  for (const [size, viewport] of [
    ['desktop', { width: 1366, height: 768 }],
    ['phone', { width: 360, height: 740 }],
  ] as const) {
    it(`should tell a refused transition and one that got no answer apart, in Tajik (${size})`, async () => {
      const planned = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
        kind: 'local',
        communityIds: [community.id],
        districtCode: 'isfara',
        title: `Errors ${size}`,
        startsAt: new Date(Date.now() + 6 * DAY_MS).toISOString(),
        venueName: 'School No. 2',
        venueType: 'school',
        organisedBy: 'police',
      });
      expect(planned.status).toBe(201);
      expect((await api('police.isfara', 'POST', `/meetings/${planned.body.id}/transitions`, { to: 'scheduled' })).status).toBe(200);
      const page = await openInTajik(viewport);
      await page.goto(consoleAt(`meetings/${planned.body.id}/show`));
      const error = page.getByTestId('save-error');

      // Six days early the server refuses "held" (409 meeting.invalid-transition): said as a refusal, in Tajik.
      await page.getByTestId('meeting-transition-held').click(WAIT);
      await page.getByTestId('meeting-transition-confirm').click();
      await error.filter({ hasText: NOT_NOW[0] }).filter({ hasText: NOT_NOW[1] }).waitFor(WAIT);
      await expect(error.getAttribute('data-failure')).resolves.toBe('refused');
      const refused = (await error.textContent()) ?? '';
      expect(refused).not.toContain(SAVE_NETWORK);
      expect(refused).not.toMatch(/[A-Za-z]{3,}/);
      await page.screenshot({ path: join(SCREENSHOTS, `console-errors-refused-${size}.png`), fullPage: true });

      // The same action with the connection gone: said as a network failure, in Tajik, with a retry.
      await page.route('**/meetings/*/transitions', (route) => route.abort('internetdisconnected'));
      await page.getByTestId('meeting-transition-confirm').click();
      await error.filter({ hasText: SAVE_NETWORK }).waitFor(WAIT);
      await expect(error.getAttribute('data-failure')).resolves.toBe('network');
      const network = (await error.textContent()) ?? '';
      expect(network).not.toContain(NOT_NOW[0]);
      expect(network).not.toMatch(/[A-Za-z]{3,}/);
      await page.getByTestId('save-retry').waitFor(WAIT);
      await page.screenshot({ path: join(SCREENSHOTS, `console-errors-network-${size}.png`), fullPage: true });
      await page.context().close();
    });
  }

  it('should tell a refused and an unanswered list load apart in react-admin’s notification, in Tajik', async () => {
    const page = await openInTajik({ width: 1366, height: 768 });
    const toast = page.locator('.MuiSnackbarContent-message');
    const communityList = (url: URL) => url.pathname.endsWith('/api/v1/communities');

    // A refusal with an English detail: the toast says the reason code's words, never the detail.
    await page.route(communityList, (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'https://reporting-days.example/problems/auth.forbidden', title: 'Forbidden', status: 403, code: 'auth.forbidden', detail: 'Role police-officer lacks community:list' }),
      }),
    );
    await page.goto(consoleAt('communities'));
    await toast.filter({ hasText: FORBIDDEN[0] }).filter({ hasText: FORBIDDEN[1] }).waitFor(WAIT);
    expect(await page.getByText('lacks community:list').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-errors-list-refused.png'), fullPage: true });

    // No answer at all: the network words, not the refusal's.
    await page.unroute(communityList);
    await page.route(communityList, (route) => route.abort('internetdisconnected'));
    await page.goto(consoleAt('districts'));
    // The districts page is a chunk fetched when first shown (ADR 45) and the communities page stays until it is
    // here: wait for it, so that coming back mounts the communities list again and it asks anew.
    await page.locator('.column-timeZone').first().waitFor(WAIT);
    await page.goto(consoleAt('communities'));
    await toast.filter({ hasText: NETWORK[0] }).waitFor(WAIT);
    expect(await toast.filter({ hasText: FORBIDDEN[0] }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-errors-list-network.png'), fullPage: true });
    await page.context().close();
  });
});
