import { demoPassword } from '@rd/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_LAYOUT_SELECTOR, launchChromium } from './support/console-login';
import { e2eEnv } from './support/e2e-env';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 30_000 };

/** What the sign-in page says in each language: Keycloak's own for en, ru and ky, the project's theme for tg. */
const SIGN_IN = {
  en: { title: 'Sign in to your account', username: 'Username', button: 'Sign In', wrong: 'Invalid username or password.' },
  ru: { title: 'Вход в учетную запись', username: 'Имя пользователя', button: 'Вход', wrong: 'Неправильное имя пользователя или пароль.' },
  tg: { title: 'Ба ҳисоби худ ворид шавед', username: 'Номи корбар', button: 'Ворид шудан', wrong: 'Номи корбар ё парол нодуруст аст.' },
  ky: { title: 'Аккаунтуңузга кириңиз', username: 'Колдонуучу аты', button: 'Кирүү', wrong: 'Жараксыз колдонуучу аты же сырсөз.' },
} as const;

/** English texts of the sign-in page that must not be left on it in another language. */
const ENGLISH = ['Sign in to your account', 'Username', 'Password', 'Sign In', 'Forgot Password?', 'Invalid username or password.'];

/**
 * The Keycloak sign-in page follows the language chosen in the console (#17): the console passes it as `ui_locales`,
 * and the realm's `reporting-days` login theme (infra/keycloak/themes) adds Tajik, which Keycloak does not have.
 */
describe('the sign-in page in the console’s language', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the console with `locale` chosen in it before (react-admin's store), which sends the browser to Keycloak. */
  async function signInPage(locale: keyof typeof SIGN_IN): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const consoleOrigin = new URL(e2eEnv().consoleUrl).origin;
    await context.addInitScript(
      `if (location.origin === ${JSON.stringify(consoleOrigin)}) localStorage.setItem('RaStoreRdConsole.locale', JSON.stringify(${JSON.stringify(locale)}));`,
    );
    const page = await context.newPage();
    await page.goto(e2eEnv().consoleUrl);
    await page.waitForSelector('#username', { state: 'visible', ...WAIT });
    return page;
  }

  it.each(Object.keys(SIGN_IN) as (keyof typeof SIGN_IN)[])('should show the sign-in page and its error in %s', async (locale) => {
    const expected = SIGN_IN[locale];
    const page = await signInPage(locale);
    try {
      expect(new URL(page.url()).searchParams.get('ui_locales')).toBe(locale);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      const body = async () => (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      expect(await body()).toContain(expected.title);
      expect(await body()).toContain(expected.username);
      expect((await page.locator('#kc-login').innerText()).trim() || (await page.locator('#kc-login').inputValue())).toBe(expected.button);
      if (locale !== 'en') for (const english of ENGLISH) expect(await body()).not.toContain(english);

      await page.fill('#username', 'nobody-here');
      await page.fill('#password', `${demoPassword()}-wrong`);
      await page.click('#kc-login');
      await page.getByText(expected.wrong).waitFor(WAIT);
      if (locale !== 'en') for (const english of ENGLISH) expect(await body()).not.toContain(english);
      await page.screenshot({ path: join(SCREENSHOTS, `sign-in-${locale}.png`), fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  // react-admin's own texts (pagination, buttons) came from its Russian pack for tg and ky: one screen, two languages.
  it.each([
    ['tg', 'Сатрҳо дар саҳифа:', 'Навсозӣ'],
    ['ky', 'Барактагы саптар:', 'Жаңылоо'],
  ] as const)('should show react-admin’s own texts in %s once signed in', async (locale, rowsPerPage, refresh) => {
    const page = await signInPage(locale);
    try {
      await page.fill('#username', 'ngo.isfara');
      await page.fill('#password', demoPassword());
      await page.click('#kc-login');
      await page.waitForSelector(CONSOLE_LAYOUT_SELECTOR, { state: 'visible', ...WAIT });
      await page.goto(`${e2eEnv().consoleUrl}/#/communities`);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByText(rowsPerPage).first().waitFor(WAIT);
      await page.locator(`[aria-label="${refresh}"]`).first().waitFor(WAIT);
      expect(await page.locator('body').innerText()).not.toContain('Строк на странице');
      // Dates in the console's language (i18n/dates.ts). Chromium's ICU has no Tajik or Kyrgyz: then digits, never
      // the browser's English "Dec 14, 2026".
      const body = await page.locator('body').innerText();
      expect(body).toMatch(/\b\d{2}\.\d{2}\.\d{4}\b/);
      expect(body).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/);
      expect(await page.locator('[aria-label="Обновить"]').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `console-ra-texts-${locale}.png`), fullPage: true });
    } finally {
      await page.context().close();
    }
  });
});
