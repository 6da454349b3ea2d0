import { demoPassword } from '@rd/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';

const WAIT = { timeout: 30_000 };

/**
 * The console split by route (#16, ADR 45), seen from the browser: the home page comes without the reporting charts,
 * whose chunk is fetched only when the reporting page is opened, and a slow page shows a loading bar over the app bar
 * until it is here. The service worker is blocked so that the browser's own requests are seen (with it, they are
 * answered from its precache, which console-budget checks).
 */
describe('console pages loaded when needed', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const scripts: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
    page = await context.newPage();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'coordinator', demoPassword());
  });

  afterAll(async () => {
    await browser?.close();
  });

  const fetched = (chunk: string) => scripts.some((path) => path.startsWith(`/assets/${chunk}-`));

  it('should show the home page without the reporting charts, and fetch them when the reporting page opens', async () => {
    await page.getByTestId('home-cards').waitFor(WAIT);
    expect(fetched('Dashboard')).toBe(true);
    expect(fetched('ReportingDashboard')).toBe(false);
    expect(fetched('MeetingShow')).toBe(false);
    await page.getByTestId('open-reporting').click();
    await page.getByTestId('rate-table').waitFor(WAIT);
    expect(fetched('ReportingDashboard')).toBe(true);
  });

  it('should show a loading bar while the next page is fetched', async () => {
    // A slow link: the concerns page's chunk takes two seconds.
    await page.route('**/assets/ConcernList-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.goto(`${e2eEnv().consoleUrl}/#/concerns`);
    const bar = page.getByTestId('page-loading');
    await bar.waitFor({ state: 'visible', ...WAIT });
    await expect(bar.getAttribute('aria-label')).resolves.toBe('Loading');
    await bar.waitFor({ state: 'detached', ...WAIT });
    await page.getByTestId('rate-table').waitFor({ state: 'detached', ...WAIT });
    expect(fetched('ConcernList')).toBe(true);
  });
});
