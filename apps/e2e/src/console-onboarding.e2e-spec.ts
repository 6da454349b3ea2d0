import { demoPassword } from '@rd/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

interface Created {
  id: string;
}

/**
 * Onboarding a community through the console, as an NGO admin of Isfara would on a tablet: propose it, name its
 * focal point, local government contact and police unit, assign its officer, see the checklist fill up, start
 * onboarding, and be told by the server why it cannot become active yet (no reporting day planned). The people
 * and the police unit are created through the API first; their own pages are not what this spec is about.
 */
describe('onboarding a community in the console', () => {
  let browser: Browser;
  let page: Page;
  const run = Date.now().toString(36);
  const community = `Onboarding Check ${run}`;
  const people = {
    focalPoint: `Focal Point ${run}`,
    localGovernment: `Jamoat Chair ${run}`,
    officer: `Inspector ${run}`,
  };
  const policeUnit = `Isfara District Police ${run}`;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const unit = await api<Created>('ngo.isfara', 'POST', '/organisations', {
      name: policeUnit,
      kind: 'district-police',
      districtCode: 'isfara',
    });
    expect(unit.status).toBe(201);
    for (const [role, name] of Object.entries(people)) {
      const contact = await api('ngo.isfara', 'POST', '/contacts', {
        name,
        position: role,
        districtCode: 'isfara',
        ...(role === 'officer' ? { organisationId: unit.body.id } : {}),
        preferredLanguage: 'tg',
        preferredChannel: 'sms',
        phone: '+992921234567',
        consent: true,
      });
      expect(contact.status).toBe(201);
    }
    browser = await launchChromium();
    // A tablet in landscape.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'ngo.isfara', demoPassword());
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Types into a react-admin autocomplete (in the page or a dialog) and picks the option with that name. */
  async function pick(label: string, option: string, scope: Page | Locator = page): Promise<void> {
    const input = scope.getByLabel(label, { exact: false }).first();
    await input.click();
    await input.fill(option);
    await page.getByRole('option', { name: option }).first().click(WAIT);
  }

  async function checklistItem(item: string): Promise<string | null> {
    return page.getByTestId(`checklist-${item}`).getAttribute('data-done');
  }

  it('should propose a community from the create form and show its checklist', async () => {
    await page.goto(`${e2eEnv().consoleUrl}/#/communities/create`);
    await page.getByLabel('Name', { exact: false }).first().fill(community);
    await page.getByLabel('District', { exact: false }).first().click();
    await page.getByRole('option', { name: 'Isfara' }).click();
    await page.getByLabel('Kind', { exact: false }).first().click();
    await page.getByRole('option', { name: 'Village' }).click();
    await page.getByLabel('Latitude').fill('40.0561');
    await page.getByLabel('Longitude').fill('70.6612');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.waitForURL(/#\/communities\/[0-9a-f-]{36}\/show/, WAIT);
    await page.getByTestId('onboarding-panel').waitFor(WAIT);
    await expect(page.getByTestId('community-status').textContent()).resolves.toBe('Proposed');
    for (const item of ['focalPoint', 'localGovernmentContact', 'policeUnit', 'officer', 'firstReportingDayPlanned']) {
      await expect(checklistItem(item)).resolves.toBe('false');
    }
    // From proposed: start onboarding or archive, nothing else.
    await expect(page.getByTestId('transition-onboarding').count()).resolves.toBe(1);
    await expect(page.getByTestId('transition-archived').count()).resolves.toBe(1);
    await expect(page.getByTestId('transition-active').count()).resolves.toBe(0);
  });

  it('should fill the checklist: focal point, local government contact, police unit and officer', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/#\/communities\/[0-9a-f-]{36}$/, WAIT);
    await pick('Police unit', policeUnit);
    await pick('Focal points', people.focalPoint);
    await pick('Local government contact', people.localGovernment);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/, WAIT);

    await page.getByTestId('assign-officer').click();
    await pick('Officer', people.officer, page.getByRole('dialog'));
    await page.getByRole('dialog').getByRole('button', { name: 'Assign officer' }).click();
    await page.getByTestId('officer-roster').getByText(people.officer).waitFor(WAIT);

    await page.locator('[data-testid="checklist-officer"][data-done="true"]').waitFor(WAIT);
    for (const item of ['focalPoint', 'localGovernmentContact', 'policeUnit', 'officer']) {
      await expect(checklistItem(item)).resolves.toBe('true');
    }
    // Only the meetings service can plan the first reporting day.
    await expect(checklistItem('firstReportingDayPlanned')).resolves.toBe('false');
  });

  it('should start onboarding, then show the server reason when activating too early', async () => {
    await page.getByTestId('transition-onboarding').click();
    await page.getByTestId('transition-dialog').getByLabel('Reason', { exact: false }).fill('Focal point and officer named');
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('community-status').filter({ hasText: /^Onboarding$/ }).waitFor(WAIT);

    await page.getByTestId('transition-active').click();
    await page.getByTestId('transition-confirm').click();
    const refused = page.getByTestId('transition-refused');
    await refused.waitFor(WAIT);
    await expect(refused.textContent()).resolves.toContain('First reporting day planned');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-onboarding-refused.png'), fullPage: true });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('community-status').textContent()).resolves.toBe('Onboarding');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-onboarding-checklist.png'), fullPage: true });
  });

  it('should fall back to a plain list on the map page when the map tiles cannot be loaded', async () => {
    // The console's tile server (loopback, see support/global-setup.ts) is not running here: every tile fails.
    await page.goto(`${e2eEnv().consoleUrl}/#/communities-map`);
    await page.getByTestId('map-tiles-unreachable').waitFor({ timeout: 30_000 });
    await page.getByTestId('community-map-list').getByText(community).waitFor(WAIT);
    await expect(page.getByTestId('community-map').getAttribute('data-tiles')).resolves.toBe('unreachable');
    // The marker of the new community is still drawn, on an empty background.
    await expect(page.locator('.leaflet-interactive').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-map-fallback.png'), fullPage: true });
  });

  it('should withdraw consent and erase a contact\'s personal data after confirmation', async () => {
    const name = `Resident ${run}`;
    const contact = await api<Created>('ngo.isfara', 'POST', '/contacts', {
      name,
      districtCode: 'isfara',
      email: `resident-${run}@example.org`,
      consent: true,
    });
    expect(contact.status).toBe(201);
    await page.goto(`${e2eEnv().consoleUrl}/#/contacts/${contact.body.id}/show`);
    await page.getByText(name).first().waitFor(WAIT);

    await page.getByTestId('consent-toggle').click();
    await page.getByText('Consent withdrawn', { exact: false }).first().waitFor(WAIT);
    await expect(api<{ consent: boolean }>('ngo.isfara', 'GET', `/contacts/${contact.body.id}`)).resolves.toMatchObject({
      body: { consent: false },
    });

    await page.getByTestId('erase-contact').click();
    await page.getByRole('dialog').getByText('This cannot be undone', { exact: false }).waitFor(WAIT);
    const erased = page.waitForResponse((response) => response.url().endsWith(`/contacts/${contact.body.id}/erase`), WAIT);
    await page.getByRole('dialog').getByRole('button', { name: 'Erase' }).click();
    const answer = await erased;
    expect({ status: answer.status(), body: await answer.text() }).toMatchObject({ status: 200 });
    await page.getByTestId('contact-erased').waitFor(WAIT);
    expect(await page.getByText(name).count()).toBe(0);
    // Nothing personal is left to edit or erase.
    expect(await page.getByTestId('erase-contact').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-contact-erased.png'), fullPage: true });
  });

  it('should give a regional reviewer no contacts, organisations or map', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const reviewer = await context.newPage();
    await loginThroughKeycloak(reviewer, `${e2eEnv().consoleUrl}/`, 'reviewer.sughd', demoPassword());
    await reviewer.locator('a[href="#/districts"]').first().waitFor(WAIT);
    for (const resource of ['contacts', 'organisations', 'communities-map', 'communities']) {
      expect(await reviewer.locator(`a[href="#/${resource}"]`).count()).toBe(0);
    }
    await context.close();
  });
});
