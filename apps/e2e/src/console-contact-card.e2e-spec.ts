import type { CommunityView, ContactView, OrganisationView } from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { subjectOf } from './support/concerns';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { readableText } from './support/file-text';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const PHONE = { width: 360, height: 740 };

/**
 * The contact card in the console (issue 16, ADR 49), on a 360 px phone: the officer signed in as themself publishes a
 * work phone from their own contact page (typed with spaces, sent in E.164), and the community page's "Contact card
 * (PDF)" downloads the card with that number in the community's language (Tajik).
 */
describe('the contact card in the console', () => {
  let browser: Browser;
  let community: CommunityView;
  let officer: ContactView;
  let unit: OrganisationView;
  const hex = randomBytes(3).toString('hex');
  const digits = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  const workPhone = `+99292${digits}`;
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;

  async function openAs(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const created = async <T>(path: string, body: unknown, user = 'ngo.isfara'): Promise<T> => {
      const response = await api<T>(user, 'POST', path, body);
      expect(response.status).toBe(201);
      return response.body;
    };
    unit = await created<OrganisationView>('/organisations', { name: `Card police ${hex}`, kind: 'district-police', districtCode: 'isfara', dutyPhone: '+992346221102' });
    officer = await created<ContactView>('/contacts', { name: `Card officer ${hex}`, organisationId: unit.id, phone: '+992930000000', consent: true });
    // The officer's contact is the one linked to the police.isfara login (ADR 34).
    expect((await api('ngo.isfara', 'PATCH', `/contacts/${officer.id}`, { userId: await subjectOf('police.isfara') })).status).toBe(200);
    community = await created<CommunityView>('/communities', { name: `Card village ${hex}`, districtCode: 'isfara', kind: 'village', languages: ['tg'] });
    await created('/officer-assignments', { communityId: community.id, officerContactId: officer.id, policeUnitId: unit.id }, 'police.isfara');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api('ngo.isfara', 'PATCH', `/contacts/${officer.id}`, { userId: null });
  });

  it('should let the officer publish their own work phone and download the community’s card with it, in Tajik', async () => {
    const page = await openAs('police.isfara');
    await page.goto(consoleAt(`contacts/${officer.id}/show`));
    const panel = page.getByTestId('card-consent');
    await panel.getByTestId('card-consent-status').filter({ hasText: 'Nothing published' }).waitFor(WAIT);
    await panel.getByTestId('card-consent-phone').fill(`+992 92 ${digits.slice(0, 3)}-${digits.slice(3)}`);
    await panel.getByTestId('card-consent-publish').click();
    await panel.getByTestId('card-consent-status').filter({ hasText: workPhone }).waitFor(WAIT);
    expect((await api<ContactView>('ngo.isfara', 'GET', `/contacts/${officer.id}`)).body.publishedWorkPhone).toBe(workPhone);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-contact-card-consent-phone.png'), fullPage: true });

    await page.goto(consoleAt(`communities/${community.id}/show`));
    const button = page.getByTestId('contact-card-pdf');
    await button.waitFor(WAIT);
    const [file] = await Promise.all([page.waitForEvent('download', WAIT), button.click()]);
    expect(file.suggestedFilename()).toBe(`contact-card-${community.id}.pdf`);
    const text = readableText(readFileSync((await file.path()) ?? '')).replace(/\s+/g, ' ');
    expect(text).toContain(workPhone);
    expect(text).toContain('Телефони корӣ');
    expect(text).not.toContain('+992930000000');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });

  it('should show a colleague the published number without the buttons to change it', async () => {
    const page = await openAs('gov.isfara');
    await page.goto(consoleAt(`contacts/${officer.id}/show`));
    await page.getByTestId('card-consent-status').filter({ hasText: workPhone }).waitFor(WAIT);
    expect(await page.getByTestId('card-consent-publish').count()).toBe(0);
    await page.context().close();
  });
});
