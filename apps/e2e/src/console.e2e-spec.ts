import { demoPassword } from '@rd/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectDenied, launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

describe('the console in a real browser, signed in through the real Keycloak', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  it('should show ngo.isfara the communities list, including one just created through the API', async () => {
    const name = `Browser Check ${Date.now().toString(36)}`;
    const created = await api('ngo.isfara', 'POST', '/communities', { name, districtCode: 'isfara', kind: 'village', languages: ['tg'] });
    expect(created.status).toBe(201);

    const page = await signedIn('ngo.isfara');
    // Other suites of the run add Isfara communities, so a name may be beyond the first page: search for each.
    const search = (q: string) => `${e2eEnv().consoleUrl}/#/communities?filter=${encodeURIComponent(JSON.stringify({ q }))}`;
    await page.goto(search('Khoja Alo'));
    await page.getByText('Khoja Alo').first().waitFor({ timeout: 20_000 });
    await page.goto(search(name));
    await page.getByText(name).first().waitFor({ timeout: 20_000 });
    await expect(page.locator('a[href="#/communities/create"], [aria-label="Create"]').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'communities-ngo-isfara.png'), fullPage: true });
    await page.context().close();
  });

  it('should give a regional reviewer no communities menu and no create button', async () => {
    const page = await signedIn('reviewer.sughd');
    await page.waitForTimeout(500);
    expect(await page.locator('a[href="#/communities"]').count()).toBe(0);
    await page.goto(`${e2eEnv().consoleUrl}/#/communities/create`);
    await expectDenied(page, 'input[name="name"]');
    await page.screenshot({ path: join(SCREENSHOTS, 'reviewer-sughd.png'), fullPage: true });
    await page.context().close();
  });
});
