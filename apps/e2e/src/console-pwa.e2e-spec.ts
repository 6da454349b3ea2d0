import { demoPassword } from '@rd/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { CONSOLE_LAYOUT_SELECTOR, launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 30_000 };

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 360, height: 740 },
] as const;

interface WebManifest {
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** A PNG's width and height, from its IHDR chunk (bytes 16–23 after the 8-byte signature and the chunk header). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The console as an installable app (#16, ADR 44): it links a web manifest with its icons, a service worker takes
 * control of it, and with the network cut a reload still starts the cached app shell, which says it is offline and
 * signs in again by itself once the connection is back.
 */
describe.each(VIEWPORTS)('the console as an installable app ($name, $width×$height)', ({ name, width, height }) => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleUrl = () => e2eEnv().consoleUrl;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width, height }, hasTouch: true, locale: 'en-US' });
    page = await context.newPage();
    await loginThroughKeycloak(page, `${consoleUrl()}/`, 'police.isfara', demoPassword());
  });

  afterAll(() => browser?.close());

  it('should link a web manifest whose icons are the PNGs it names', async () => {
    // Strings, not functions: the root tsconfig has no DOM lib.
    const href = (await page.evaluate("document.querySelector('link[rel=manifest]')?.getAttribute('href') ?? null")) as string | null;
    expect(href).not.toBeNull();
    const manifestUrl = new URL(href ?? '', `${consoleUrl()}/`);
    const response = await fetch(manifestUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = (await response.json()) as WebManifest;
    expect(manifest).toMatchObject({
      name: 'Reporting Days',
      short_name: expect.any(String),
      description: expect.any(String),
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1f5f8b',
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    expect(manifest.icons.map(({ sizes, purpose }) => `${sizes} ${purpose ?? 'any'}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const answer = await fetch(new URL(icon.src, manifestUrl));
      expect({ src: icon.src, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ src: icon.src, status: 200, type: 'image/png' });
      const { width: w, height: h } = pngSize(Buffer.from(await answer.arrayBuffer()));
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
  });

  it('should be controlled by its service worker after a reload', async () => {
    await expect(page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.active?.scriptURL ?? null)")).resolves.toBe(`${consoleUrl()}/sw.js`);
    await page.reload();
    await page.waitForSelector(CONSOLE_LAYOUT_SELECTOR, { state: 'visible', ...WAIT });
    await expect(page.evaluate('navigator.serviceWorker.controller !== null')).resolves.toBe(true);
  });

  it('should start from the cache with the network cut, say it is offline, and sign in again once back online', async () => {
    await context.setOffline(true);
    try {
      // Without the worker this reload ends on Chromium's "No internet" page (ERR_INTERNET_DISCONNECTED).
      const response = await page.reload({ waitUntil: 'domcontentloaded' });
      expect(response?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { name: 'The console is offline' }).waitFor(WAIT);
      await expect(page.getByRole('alert').textContent()).resolves.toContain('will sign you in as soon as the connection is back');
      await expect(page.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `console-pwa-${name}-offline.png`), fullPage: true });
      // Trying again while still offline keeps the same screen, not the browser's error page.
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { name: 'The console is offline' }).waitFor(WAIT);
    } finally {
      await context.setOffline(false);
    }
    // The `online` event reloads: Keycloak's session signs the user in again without the login form.
    await page.waitForSelector(CONSOLE_LAYOUT_SELECTOR, { state: 'visible', ...WAIT });
    await expect(page.getByRole('heading', { name: 'The console is offline' }).count()).resolves.toBe(0);
  });

  it('should say it in the language the user chose last in the console', async () => {
    // react-admin's store (RaStoreRdConsole.locale), which the language menu writes.
    await page.evaluate(`localStorage.setItem('RaStoreRdConsole.locale', JSON.stringify('ru'))`);
    await context.setOffline(true);
    try {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.getByRole('heading', { name: 'Консоль не в сети' }).waitFor(WAIT);
      await expect(page.getByRole('button', { name: 'Повторить' }).isVisible()).resolves.toBe(true);
      await expect(page.locator('main').getAttribute('lang')).resolves.toBe('ru');
    } finally {
      // Before going online: the `online` event reloads the page.
      await page.evaluate(`localStorage.setItem('RaStoreRdConsole.locale', JSON.stringify('en'))`);
      await context.setOffline(false);
    }
    await page.waitForSelector(CONSOLE_LAYOUT_SELECTOR, { state: 'visible', ...WAIT });
  });
});
