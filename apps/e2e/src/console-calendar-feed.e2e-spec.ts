import { demoPassword } from '@rd/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api, send } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

/**
 * The user's own calendar feed in the console (ADR 37): from the user menu, make the secret address (shown once,
 * copied with one button), and revoke it; a calendar app fetching the copied address gets the .ics without a token,
 * and nothing once revoked. At 1366 × 768 and 360 × 740, with nothing wider than the screen. A role that reads no
 * meetings (the regional reviewer) has no such menu entry.
 */
describe('the console calendar feed', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await api('police.isfara', 'DELETE', '/calendar/feed');
    await browser?.close();
  });

  async function signedIn(username: string, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: width < 600, locale: 'en-US' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2eEnv().consoleUrl).origin });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  const openUserMenu = async (page: Page) => {
    await page.getByRole('button', { name: /profile/i }).click();
    await page.getByRole('menu').waitFor(WAIT);
  };
  const noWiderThanScreen = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  it.each([
    [1366, 768],
    [360, 740],
  ])('should make, copy and revoke the feed address from the user menu at %i × %i', async (width, height) => {
    expect((await api('police.isfara', 'DELETE', '/calendar/feed')).status).toBe(204);
    const page = await signedIn('police.isfara', width, height);
    try {
      await openUserMenu(page);
      await page.getByTestId('calendar-feed-menu').click();
      await page.getByTestId('calendar-feed').waitFor(WAIT);
      expect(await page.getByTestId('calendar-feed-status').textContent()).toContain('You have no calendar feed address yet.');

      await page.getByTestId('calendar-feed-make').click();
      const field = page.getByTestId('calendar-feed-address');
      await field.waitFor(WAIT);
      const address = await field.inputValue();
      // The console's own API URL (its host may be spelled localhost where the specs use 127.0.0.1).
      expect(new URL(address).port).toBe(new URL(e2eEnv().gatewayUrl).port);
      expect(new URL(address).pathname).toMatch(/^\/api\/v1\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      await page.getByRole('button', { name: 'Copy address' }).click();
      await page.getByText('Address copied').waitFor(WAIT);
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(address);
      expect(await noWiderThanScreen(page)).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, `calendar-feed-${width}.png`), fullPage: true });

      // What a calendar app does with the copied address: no token, an .ics back.
      const feed = await send(address, { method: 'GET' });
      expect([feed.status, feed.text.startsWith('BEGIN:VCALENDAR')]).toEqual([200, true]);

      // Back on the page later, the address is not shown again: only that there is one.
      await page.reload();
      await page.getByTestId('calendar-feed-status').waitFor(WAIT);
      expect(await page.getByTestId('calendar-feed-status').textContent()).toContain('You have a feed address, made on');
      expect(await page.getByTestId('calendar-feed-address').count()).toBe(0);

      await page.getByTestId('calendar-feed-revoke').click();
      await page.getByText('You have no calendar feed address yet.').waitFor(WAIT);
      expect((await send(address, { method: 'GET' })).status).toBe(404);
      expect(await noWiderThanScreen(page)).toBe(true);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('should offer no calendar feed to the regional reviewer, who reads no meetings', async () => {
    const page = await signedIn('reviewer.sughd', 1366, 768);
    try {
      await openUserMenu(page);
      await page.getByRole('menuitem').first().waitFor(WAIT);
      expect(await page.getByTestId('calendar-feed-menu').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
