import { demoPassword } from '@rd/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

describe('the community import wizard in a real browser', () => {
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

  const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  it('should show the problems of a bad file and keep the import button disabled', async () => {
    const page = await signedIn('ngo.isfara');
    await page.goto(`${e2eEnv().consoleUrl}/#/community-imports`);
    await page.getByTestId('import-file').setInputFiles(csvFile('bad.csv', `name,districtCode,kind\nLost ${randomBytes(3).toString('hex')},atlantis,village\n`));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('Unknown district "atlantis"').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: /^Import \(/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'community-import-problems.png'), fullPage: true });
    await page.context().close();
  });

  it('should check a clean file, import it and link to the created communities', async () => {
    const suffix = randomBytes(3).toString('hex');
    const page = await signedIn('ngo.isfara');
    await page.goto(`${e2eEnv().consoleUrl}/#/community-imports`);
    await page
      .getByTestId('import-file')
      .setInputFiles(csvFile('border.csv', `name,districtCode,kind,borderAdjacent\nWizard A ${suffix},isfara,village,yes\nWizard B ${suffix},isfara,village,yes\n`));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('No problems found').waitFor({ timeout: 20_000 });
    const apply = page.getByRole('button', { name: 'Import (2)' });
    expect(await apply.isEnabled()).toBe(true);
    await apply.click();
    await page.getByText('Communities created: 2').waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: `Wizard B ${suffix}` }).click();
    await page.waitForURL(/#\/communities\/[0-9a-f-]{36}\/show/, { timeout: 20_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'community-import-done.png'), fullPage: true });
    await page.context().close();
  });

  it('should not offer the wizard to a regional reviewer', async () => {
    const page = await signedIn('reviewer.sughd');
    await page.waitForTimeout(500);
    expect(await page.locator('a[href="#/community-imports"]').count()).toBe(0);
    await page.context().close();
  });
});
