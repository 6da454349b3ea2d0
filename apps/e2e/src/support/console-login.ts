import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium; playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Visible once react-admin has rendered its layout, i.e. the user is signed in and the app has booted. */
export const CONSOLE_LAYOUT_SELECTOR = '.RaLayout-appFrame';

/**
 * Opens the console, which sends the browser to Keycloak (login-required), signs in through the real Keycloak
 * login form and waits until the browser is back on the console with the react-admin layout visible.
 */
export async function loginThroughKeycloak(
  page: Page,
  consoleUrl: string,
  username: string,
  password: string,
  timeoutMs = 30_000,
): Promise<void> {
  const consoleOrigin = new URL(consoleUrl).origin;
  await page.goto(consoleUrl);
  await page.waitForSelector('#username', { state: 'visible', timeout: timeoutMs });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL((url) => url.origin === consoleOrigin, { timeout: timeoutMs }),
    page.click('#kc-login'),
  ]);
  try {
    await page.waitForSelector(CONSOLE_LAYOUT_SELECTOR, { state: 'visible', timeout: timeoutMs });
  } catch (error) {
    // A wrong password or a misconfigured client leaves an error on the Keycloak page or a message in the
    // console's root: say which, instead of a bare timeout.
    const text = (await page.textContent('body').catch(() => null))?.trim().slice(0, 300);
    throw new Error(`Console did not render after signing in as ${username} at ${page.url()}: ${text ?? error}`);
  }
}

/**
 * After opening a page the user may not see: waits until the console layout is shown and `selector` (the denied
 * page's form or filter) is not in it. Polls instead of one look after a fixed pause, because on a loaded machine
 * the redirect to the access-denied page can take longer than the pause; a page that keeps the form still fails.
 */
export async function expectDenied(page: Page, selector: string, timeoutMs = 15_000): Promise<void> {
  await page.waitForSelector(CONSOLE_LAYOUT_SELECTOR, { state: 'visible', timeout: timeoutMs });
  try {
    await page.locator(selector).first().waitFor({ state: 'detached', timeout: timeoutMs });
  } catch {
    throw new Error(`${selector} is still on the page at ${page.url()} after ${timeoutMs} ms`);
  }
}
