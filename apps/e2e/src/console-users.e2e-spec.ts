import type { CommunityView, ConcernView, MeetingView, OrganisationView, UserView } from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { subjectOf } from './support/concerns';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { actionLink, mailTo, setPasswordFromEmail } from './support/invitation-email';
import { deleteKeycloakUsers } from './support/keycloak-users';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };

/**
 * People in the console (issue 14): the coordinator invites a user and manages the account from its page, an NGO
 * admin is offered only the roles it may give, and a concern's handlers are picked by name from the directory and
 * shown by name, never as ids.
 */
describe('user administration and people by name in the console', () => {
  let browser: Browser;
  const run = randomBytes(3).toString('hex');
  /** Users invited here, deleted from the realm afterwards. */
  const invited = new Set<string>();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-users-${name}.png`), fullPage: true });
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;

  async function newPage(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  /** Opens a react-admin select or autocomplete by its label and returns the names of the options offered. */
  async function optionsOf(page: Page, label: RegExp): Promise<string[]> {
    await page.getByRole('combobox', { name: label }).click(WAIT);
    const listbox = page.getByRole('listbox');
    await listbox.waitFor(WAIT);
    const names = (await listbox.getByRole('option').allTextContents()).map((text) => text.trim()).filter(Boolean);
    await page.keyboard.press('Escape');
    return names;
  }

  async function choose(page: Page, label: RegExp, option: string | RegExp, typed?: string): Promise<void> {
    const input = page.getByRole('combobox', { name: label });
    await input.click(WAIT);
    if (typed) await input.fill(typed);
    await page.getByRole('option', { name: option }).first().click(WAIT);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await deleteKeycloakUsers(invited);
  });

  describe('the coordinator', () => {
    const email = `e2e.invited.${run}@example.org`;
    let unit: OrganisationView;
    let ngo: OrganisationView;
    let coordinator: Page;
    let userId: string;

    beforeAll(async () => {
      const police = await api<OrganisationView>('coordinator', 'POST', '/organisations', { name: `Users Police Unit ${run}`, kind: 'district-police', districtCode: 'isfara' });
      const other = await api<OrganisationView>('coordinator', 'POST', '/organisations', { name: `Users NGO ${run}`, kind: 'ngo', districtCode: 'isfara' });
      expect([police.status, other.status]).toEqual([201, 201]);
      [unit, ngo] = [police.body, other.body];
      coordinator = await newPage('coordinator');
    });

    afterAll(async () => {
      await coordinator?.context().close();
    });

    it('should invite a police officer of Isfara with the police unit, offering only organisations of a police kind', async () => {
      await coordinator.goto(consoleAt('users'));
      await coordinator.getByTestId('invite-user').click(WAIT);
      await coordinator.waitForURL(/#\/users\/create/, WAIT);
      await coordinator.locator('input[name="email"]').fill(email);
      await coordinator.locator('input[name="firstName"]').fill('Console');
      await coordinator.locator('input[name="lastName"]').fill(`Invited ${run}`);
      // The coordinator may give any role.
      expect(await optionsOf(coordinator, /^Role/)).toEqual([
        'National coordinator',
        'NGO administrator',
        'Police officer',
        'Local government official',
        'Regional reviewer',
      ]);
      await choose(coordinator, /^Role/, 'Police officer');
      await choose(coordinator, /^District/, 'Isfara');
      const organisations = await optionsOf(coordinator, /^Organisation/);
      expect(organisations).toContain(unit.name);
      expect(organisations).not.toContain(ngo.name);
      await choose(coordinator, /^Organisation/, unit.name, unit.name);
      await shot(coordinator, '1-invite');
      await coordinator.getByRole('button', { name: 'Save' }).click();

      await coordinator.waitForURL(/#\/users\/[0-9a-f-]{36}\/show/, WAIT);
      userId = /#\/users\/([0-9a-f-]{36})\/show/.exec(coordinator.url())?.[1] ?? '';
      invited.add(userId);
      await coordinator.getByText(email).first().waitFor(WAIT);
      await coordinator.getByText(unit.name).first().waitFor(WAIT);
      const stored = await api<UserView>('coordinator', 'GET', `/users/${userId}`);
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({ email, firstName: 'Console', lastName: `Invited ${run}`, role: 'police-officer', districtCode: 'isfara', organisationId: unit.id, enabled: true, emailVerified: false });
    });

    it('should list the invited user with role, scope, organisation and a pending invitation', async () => {
      await coordinator.goto(consoleAt('users'));
      await coordinator.getByPlaceholder('Search').fill(email);
      const row = coordinator.locator('tr', { hasText: email });
      await row.waitFor(WAIT);
      for (const text of [`Console Invited ${run}`, 'Police officer', 'Isfara', unit.name, 'Active', 'Invitation pending']) {
        await row.getByText(text).first().waitFor(WAIT);
      }
      await shot(coordinator, '2-list');
    });

    it('should let the person invited from the console set a password from the emailed link and sign in with the role and district given', async () => {
      const password = `Invited-${run}-password`;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      try {
        const page = await context.newPage();
        // The invitation Keycloak sent through the platform's SMTP settings, in the message catcher.
        await setPasswordFromEmail(page, actionLink(await mailTo(email)), password);
        await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, email, password);
        // The home page says what the gateway made of the token: the role and the district given in the console.
        await page.getByText('Police officer').first().waitFor(WAIT);
        await page.getByText('Isfara').first().waitFor(WAIT);
        await shot(page, '1b-invited-signed-in');
      } finally {
        await context.close();
      }
    }, 120_000);

    it('should disable, enable and send a password reset after a confirmation each', async () => {
      await coordinator.goto(consoleAt(`users/${userId}/show`));
      await coordinator.getByTestId('user-disable').click(WAIT);
      await coordinator.getByRole('dialog').getByText(email).waitFor(WAIT);
      await coordinator.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
      await coordinator.getByText(`Account disabled: ${email}`).waitFor(WAIT);
      await coordinator.locator('[data-testid="user-status"][data-enabled="false"]').waitFor(WAIT);
      expect((await api<UserView>('coordinator', 'GET', `/users/${userId}`)).body.enabled).toBe(false);
      // Disabled, the user is no longer in the directory: names fall back to the id.
      await eventually(async () => expect((await api<unknown[]>('coordinator', 'GET', `/directory?filter=${encodeURIComponent(JSON.stringify({ id: [userId] }))}`)).body).toEqual([]), 10_000);

      await coordinator.getByTestId('user-enable').click(WAIT);
      await coordinator.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
      await coordinator.getByText(`Account enabled: ${email}`).waitFor(WAIT);
      await coordinator.locator('[data-testid="user-status"][data-enabled="true"]').waitFor(WAIT);

      await coordinator.getByTestId('user-reset-credentials').click(WAIT);
      await coordinator.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
      await coordinator.getByText(`Password reset sent to ${email}`).waitFor(WAIT);
      await shot(coordinator, '3-actions');
    });

    it('should show the server refusal when the email is taken', async () => {
      await coordinator.goto(consoleAt('users/create'));
      await coordinator.locator('input[name="email"]').fill(email);
      await coordinator.locator('input[name="firstName"]').fill('Again');
      await coordinator.locator('input[name="lastName"]').fill('Same email');
      await choose(coordinator, /^Role/, 'Local government official');
      await choose(coordinator, /^District/, 'Isfara');
      await coordinator.getByRole('button', { name: 'Save' }).click();
      // The problem's detail from the gateway, and the form stays.
      await coordinator.locator('.MuiSnackbarContent-message, .MuiAlert-message').filter({ hasText: /./ }).first().waitFor(WAIT);
      await expect(coordinator.locator('input[name="email"]').inputValue()).resolves.toBe(email);
      expect(coordinator.url()).toMatch(/#\/users\/create/);
    });
  });

  it('should offer an NGO admin only police officer and local government as roles, and only its own district', async () => {
    const ngo = await newPage('ngo.isfara');
    await ngo.goto(consoleAt('users/create'));
    await ngo.locator('input[name="email"]').waitFor(WAIT);
    expect(await optionsOf(ngo, /^Role/)).toEqual(['Police officer', 'Local government official']);
    await choose(ngo, /^Role/, 'Local government official');
    expect(await optionsOf(ngo, /^District/)).toEqual(['Isfara']);
    await shot(ngo, '4-ngo-roles');
    await ngo.context().close();
  });

  it('should not show user administration to a police officer', async () => {
    const police = await newPage('police.isfara');
    await police.locator('.RaSidebar-fixed, .MuiDrawer-root').first().waitFor(WAIT);
    expect(await police.getByRole('menuitem', { name: 'Users' }).count()).toBe(0);
    await police.context().close();
  });

  it('should pick a concern handler by name and show the handlers and the recorder by name', async () => {
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `People village ${run}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    const meeting = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [community.body.id],
      districtCode: 'isfara',
      title: `People meeting ${run}`,
      startsAt: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
      venueName: 'School No. 1',
      venueType: 'school',
      organisedBy: 'police',
    });
    expect(meeting.status).toBe(201);
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${meeting.body.id}/transitions`, { to })).status).toBe(200);
    const [me, colleague] = await Promise.all([subjectOf('police.isfara'), subjectOf('ngo.isfara')]);

    const police = await newPage('police.isfara');
    await police.goto(consoleAt(`meetings/${meeting.body.id}/show`));
    await police.getByRole('tab', { name: 'Hold' }).click();
    await police.getByTestId('concern-topic-domestic-violence').click(WAIT);
    await police.getByTestId('concern-sensitivity-confidential').click();
    // Search by part of the name; the option says the person's role.
    await choose(police, /^Other case handlers/, /Demo Isfara NGO.*NGO administrator/, 'Isfara NGO');
    await police.getByTestId('concern-handlers').getByText('Demo Isfara NGO').waitFor(WAIT);
    const text = `Threats at home, handled by two ${run}`;
    await police.getByTestId('concern-text-input').fill(text);
    await police.getByTestId('concern-gender-female').click();
    await police.getByTestId('concern-age-30-59').click();
    await police.getByTestId('concern-save').click();

    const card = police.getByTestId('concern-list').locator('.MuiCard-root', { hasText: text });
    await card.waitFor(WAIT);
    await card.getByTestId('concern-handler-names').filter({ hasText: 'Demo Isfara Police' }).filter({ hasText: 'Demo Isfara NGO' }).waitFor(WAIT);
    await card.getByTestId('concern-recorded-by').filter({ hasText: 'Demo Isfara Police' }).waitFor(WAIT);
    // Names, not ids: no uuid is shown in the card.
    expect(await card.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await shot(police, '5-concern-handlers');
    await police.context().close();

    const concerns = await api<ConcernView[]>('police.isfara', 'GET', `/meetings/${meeting.body.id}/concerns`);
    expect(concerns.body.find((concern) => concern.text === text)?.handlerIds).toEqual([me, colleague]);
  });
});
