import type { BriefingView, CommunityView, ConcernView, ContactView, MeetingAgendaView, MeetingView, OfficerAssignmentView, OrganisationView, TemplateView } from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { CHROMIUM_ARGS, CHROMIUM_PATH, CONSOLE_LAYOUT_SELECTOR, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { planIsfaraMeeting } from './support/planned-meetings';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 30_000 };
const PHONE = { width: 360, height: 740 };
// A 2G-like link (Chrome DevTools' "Slow 2G" is 50 kbit/s; EDGE in a field is ~250): bytes per second for CDP.
const SLOW_LINK = { offline: false, latency: 300, downloadThroughput: (250 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 };
const SLOW_TIMEOUT = 300_000;

/** Everything in the device's field database, as one JSON text (the token must not be anywhere in it). */
const DUMP_FIELD_DB = `new Promise((resolve, reject) => {
  const open = indexedDB.open('rd-field');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names, 'readonly');
    const out = {};
    for (const name of names) {
      const request = tx.objectStore(name).getAll();
      request.onsuccess = () => { out[name] = request.result; };
    }
    tx.oncomplete = () => { db.close(); resolve(JSON.stringify(out)); };
    tx.onerror = () => reject(tx.error);
  };
})`;

/**
 * The field kit's offline start (#16, ADR 48) on a phone, in a browser profile kept on disk like a real phone's:
 * a police officer signs in over a 2G-like link, takes a scheduled meeting offline, loses the network, reloads and
 * still has the plan (agenda, invitees, briefing, officer card) from the device; closes the browser and opens it
 * again with no network, still there; back online, the normal console signs in.
 */
describe('taking a meeting offline on a phone', () => {
  const hex = randomBytes(3).toString('hex');
  const profile = mkdtempSync(join(tmpdir(), 'rd-field-profile-'));
  let context: BrowserContext;
  let page: Page;
  let meeting: MeetingView;
  let officer: ContactView;
  let official: ContactView;
  let briefing: BriefingView;
  const consoleUrl = () => e2eEnv().consoleUrl;
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `field-${name}.png`), fullPage: true });
  /** What the phone's screen shows, scrolled to `testId`: the pictures of docs/guides/field-day.md. */
  const phoneShot = async (name: string, testId: string) => {
    await page.getByTestId(testId).first().evaluate((element: { scrollIntoView(options: object): void }) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SCREENSHOTS, `phone-${name}.png`) });
  };

  const open = async (offline: boolean) => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
      offline,
    });
    page = context.pages()[0] ?? (await context.newPage());
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Kulkand ${hex}`, districtCode: 'isfara', kind: 'village' });
    const police = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Isfara police ${hex}`, kind: 'district-police', districtCode: 'isfara' });
    const hukumat = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Hukumat ${hex}`, kind: 'local-government', districtCode: 'isfara' });
    expect([community.status, police.status, hukumat.status]).toEqual([201, 201, 201]);
    const person = (name: string, organisationId: string, phone: string) =>
      api<ContactView>('ngo.isfara', 'POST', '/contacts', { name, organisationId, phone, preferredLanguage: 'tg', preferredChannel: 'sms', consent: true, communityIds: [community.body.id] });
    officer = (await person(`Inspector ${hex}`, police.body.id, '+992927000222')).body;
    official = (await person(`Jamoat head ${hex}`, hukumat.body.id, '+992927000333')).body;
    const assigned = await api<OfficerAssignmentView>('police.isfara', 'POST', '/officer-assignments', { communityId: community.body.id, officerContactId: officer.id, policeUnitId: police.body.id });
    expect(assigned.status).toBe(201);

    // Starting within the hour: "held" may be recorded from two hours before the start.
    meeting = await planIsfaraMeeting(community.body.id, `Field day ${hex}`, 60, {
      venueName: 'Field by the canal',
      venueType: 'open-air',
      policeUnitId: police.body.id,
      inviteeContactIds: [official.id],
      inviteeOrganisationIds: [hukumat.body.id],
    });
    const template = (await api<TemplateView[]>('ngo.isfara', 'GET', '/templates')).body.find((row) => row.key === 'reporting-day');
    const applied = await api<MeetingAgendaView>('ngo.isfara', 'POST', `/meetings/${meeting.id}/apply-template`, { templateId: template?.id });
    expect(applied.status).toBe(200);
    const published = await api<BriefingView>('coordinator', 'POST', '/briefings', {
      title: { en: `Grazing rights ${hex}` },
      summary: { en: 'Who may graze where' },
      body: { en: 'Pastures of the jamoat are open to every household of the village.' },
      effectiveDate: '2027-01-01',
    });
    expect(published.status).toBe(201);
    briefing = published.body;
    const legal = applied.body.items.find((item) => item.kind === 'legal-information');
    expect((await api('police.isfara', 'POST', `/meetings/${meeting.id}/agenda/items/${legal?.id}/briefing`, { briefingId: briefing.id })).status).toBe(200);
    expect((await api('police.isfara', 'POST', `/meetings/${meeting.id}/transitions`, { to: 'scheduled' })).status).toBe(200);
    await open(false);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it(
    'should sign in and open the meeting over a 2G-like link (time reported, not asserted)',
    async () => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
      // The whole script at 250 kbit/s takes longer than a navigation's usual 30 s.
      page.setDefaultTimeout(SLOW_TIMEOUT);
      const started = Date.now();
      await loginThroughKeycloak(page, `${consoleUrl()}/`, 'police.isfara', demoPassword(), SLOW_TIMEOUT);
      const signedIn = Date.now();
      await page.goto(`${consoleUrl()}/#/meetings/${meeting.id}/show`);
      await page.getByTestId('take-offline-button').waitFor({ timeout: SLOW_TIMEOUT });
      const shown = Date.now();
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();
      page.setDefaultTimeout(WAIT.timeout);
      console.log(
        `2G-like link (250 kbit/s, 300 ms RTT), cold profile: sign-in to the console ${((signedIn - started) / 1000).toFixed(1)} s, ` +
          `then the meeting page ${((shown - signedIn) / 1000).toFixed(1)} s (total ${((shown - started) / 1000).toFixed(1)} s)`,
      );
    },
    SLOW_TIMEOUT * 2,
  );

  it('should take the scheduled meeting offline, and keep no token on the device', async () => {
    await page.getByTestId('take-offline-button').click();
    await page.getByTestId('take-offline-available').waitFor(WAIT);
    await expect(page.getByTestId('take-offline-available').textContent()).resolves.toMatch(/^Available offline \(taken at .+\)$/);
    await page.getByTestId('take-offline-update').waitFor(WAIT);
    await page.getByTestId('take-offline-remove').waitFor(WAIT);
    await shot('take-offline');
    await phoneShot('1-take-offline', 'take-offline');

    const stored = JSON.parse((await page.evaluate(DUMP_FIELD_DB)) as string) as { identity: Record<string, unknown>[]; packs: { meetingId: string }[] };
    expect(stored.identity).toEqual([expect.objectContaining({ roles: ['police-officer'], districtIds: ['isfara'], tokenExpiresAt: expect.any(Number) })]);
    expect(stored.packs.map((pack) => pack.meetingId)).toEqual([meeting.id]);
    // No JWT (three base64url parts, the header starting `eyJ`), and no field named like a token but the expiry.
    const text = JSON.stringify(stored);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(text.match(/"[a-zA-Z_]*token[a-zA-Z_]*"/gi) ?? []).toEqual(['"tokenExpiresAt"']);
  });

  it('should open the same field screen online', async () => {
    await page.getByTestId('take-offline-open-field').click();
    await page.getByTestId('field-app').waitFor(WAIT);
    await expect(page.getByTestId('field-app').getAttribute('data-mode')).resolves.toBe('online');
    await page.getByTestId(`field-pack-${meeting.id}`).waitFor(WAIT);
    await shot('online-list');
  });

  async function expectThePlan(): Promise<void> {
    await page.getByTestId('field-app').waitFor(WAIT);
    await expect(page.getByTestId('field-app').getAttribute('data-mode')).resolves.toBe('offline');
    await page.getByTestId(`field-plan-${meeting.id}`).waitFor(WAIT);
    await expect(page.getByTestId('field-plan-title').textContent()).resolves.toBe(`Field day ${hex}`);
    // The start on Isfara's clock, whatever the phone's zone (Berlin here).
    await expect(page.getByTestId('field-plan-when').textContent()).resolves.toContain('Asia/Dushanbe, UTC+05:00');
    await expect(page.getByTestId('field-plan-where').textContent()).resolves.toContain('Field by the canal');
    await expect(page.getByTestId('field-plan-agenda').textContent()).resolves.toContain(`Grazing rights ${hex}`);
    await expect(page.getByTestId('field-plan-checklist').locator('li').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('field-plan-invitees').textContent()).resolves.toMatch(new RegExp(`Jamoat head ${hex}.*Hukumat ${hex}`));
    await page.getByTestId('field-plan-briefings').getByText(`Grazing rights ${hex}`).click();
    await page.getByTestId('field-plan-briefings').getByText('Pastures of the jamoat are open to every household of the village.').waitFor(WAIT);
    const card = page.getByTestId(`field-officer-${officer.id}`);
    await expect(card.textContent()).resolves.toMatch(new RegExp(`Inspector ${hex}.*Kulkand ${hex}.*\\+992927000222.*Isfara police ${hex}`));
    await expect(card.locator('a[href="tel:+992927000222"]').count()).resolves.toBe(1);
    await page.getByTestId('field-hold').waitFor(WAIT);
    // Nothing wider than the phone: no sideways scrolling.
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);
  }

  it('should show the meeting plan from the device when reloaded with the network cut', async () => {
    // The service worker has precached the app shell once it is ready (active).
    await expect(page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.active !== null)")).resolves.toBe(true);
    await context.setOffline(true);
    const response = await page.reload({ waitUntil: 'domcontentloaded' });
    expect(response?.fromServiceWorker()).toBe(true);
    await expectThePlan();
    await expect(page.getByText('Offline: the meetings below are read from this device.').isVisible()).resolves.toBe(true);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shot('offline-plan');
    await phoneShot('2-offline-plan', 'field-app');
  });

  const CONFIDENTIAL = `My neighbour beats his wife ${hex}`;
  const section = async (name: string) => {
    await page.getByTestId(`field-section-${name}`).click();
  };
  // Some forms go back to the list of steps by themselves once saved: either way, end on that list.
  const back = async () => {
    await page
      .getByTestId('field-back')
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await page.getByTestId('field-section-held').waitFor(WAIT);
  };
  const concern = async (topic: string, sensitivity: string, text: string) => {
    await page.getByTestId(`field-concern-topic-${topic}`).click();
    await page.getByTestId(`field-concern-sensitivity-${sensitivity}`).click();
    await page.getByTestId('field-concern-text').fill(text);
    const before = await page.locator('[data-testid="field-queue-item-concern"]').count();
    await page.getByTestId('field-concern-save').click();
    if (sensitivity === 'confidential') {
      // The first confidential text asks for the device PIN that seals it (ADR 47).
      await page.getByTestId('field-pin').fill('482915');
      await page.getByTestId('field-pin-repeat').fill('482915');
      await page.getByTestId('field-pin-ok').click();
    }
    await eventually(async () => expect(await page.locator('[data-testid="field-queue-item-concern"]').count()).toBe(before + 1), WAIT.timeout, 100);
  };

  it('should hold the whole meeting with no network: held, attendance, three concerns, an action, minutes, 12 answers and the sheet photo', async () => {
    await section('held');
    await page.getByTestId('field-held-save').click();
    await page.getByTestId('field-held-done').waitFor(WAIT);
    await back();
    await shot('hold-menu');
    await phoneShot('3-hold-menu', 'field-hold');

    await section('attendance');
    for (let i = 0; i < 3; i += 1) await page.getByTestId('field-count-women-from18to29-more').click();
    for (let i = 0; i < 2; i += 1) await page.getByTestId('field-count-men-from30to59-more').click();
    await shot('hold-attendance');
    await phoneShot('4-attendance', 'field-attendance');
    await page.getByTestId('field-attendance-save').click();
    await back();

    await section('concern');
    await concern('water-and-irrigation', 'confidential', CONFIDENTIAL);
    await concern('pasture-and-land', 'restricted', `Restricted pasture question ${hex}`);
    await page.getByTestId('field-concern-sensitivity-confidential').click();
    await phoneShot('5-concern', 'field-concern');
    await concern('water-and-irrigation', 'public', `Public canal question ${hex}`);
    await shot('hold-concern');
    await back();

    await section('action');
    await page.getByTestId('field-action').getByRole('combobox').nth(1).click();
    await page.getByRole('option', { name: `Hukumat ${hex}` }).click();
    await page.getByTestId('field-action-due').fill('2027-01-31');
    await page.getByTestId('field-action-description').fill(`Clean the canal ${hex}`);
    await page.getByTestId('field-action-save').click();
    await back();

    await section('minutes');
    await page.getByTestId('field-minutes-body').fill(`# Minutes ${hex}\n\n- The canal was discussed`);
    await page.getByTestId('field-minutes-save').click();
    await back();

    await section('feedback');
    for (let i = 0; i < 12; i += 1) {
      await page.getByTestId(`field-feedback-usefulness-${(i % 5) + 1}`).click();
      await page.getByTestId('field-feedback-trust-4').click();
      await page.getByTestId(`field-feedback-contact-first-${i % 2 === 0}`).click();
      await page.getByTestId('field-feedback-save').click();
      await eventually(async () => expect(await page.locator('[data-testid="field-queue-item-feedback"]').count()).toBe(i + 1), WAIT.timeout, 100);
    }
    await back();

    await section('sheet');
    await page.getByTestId('field-sheet-input').setInputFiles(join(__dirname, '..', '..', 'console', 'public', 'pwa-512x512.png'));
    await page.getByTestId('field-sheet-size').waitFor(WAIT);
    await page.getByTestId('field-sheet-save').click();
    await back();

    // Nothing was sent: the phone has no network. Everything waits on the device, in order.
    await expect(page.getByTestId('field-status').getAttribute('data-state')).resolves.toBe('offline');
    const waiting = await page.locator('[data-testid^="field-queue-item-"][data-state="waiting"]').count();
    expect(waiting).toBe(1 + 1 + 3 + 1 + 1 + 12 + 1);
    // The confidential text is sealed at rest: not in the device's database in clear, the others are.
    const stored = (await page.evaluate(DUMP_FIELD_DB)) as string;
    expect(stored).not.toContain(CONFIDENTIAL);
    expect(stored).not.toContain('beats his wife');
    expect(stored).toContain(`Public canal question ${hex}`);
    await expect(page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);
    await shot('hold-queue');
    await phoneShot('6-waiting', 'field-queue');
  });

  it('should still have it after the browser is closed and opened again with no network', async () => {
    await context.close();
    await open(true);
    await page.goto(`${consoleUrl()}/`, { waitUntil: 'domcontentloaded' });
    await expectThePlan();
    // The work done in the field is still waiting on the device; the PIN's key is gone with the browser.
    await expect(page.locator('[data-testid^="field-queue-item-"][data-state="waiting"]').count()).resolves.toBe(20);
    await page.getByTestId('field-unlock').waitFor(WAIT);
    await page.getByTestId('field-all-meetings').click();
    await page.getByTestId(`field-pack-${meeting.id}`).waitFor(WAIT);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shot('reopened-offline');
  });

  it('should sign in to the normal console once the network is back', async () => {
    await context.setOffline(false);
    await page.getByTestId('field-reconnected').waitFor(WAIT);
    await shot('reconnected');
    await page.getByTestId('field-reconnected').getByTestId('field-sign-in').click();
    // Keycloak's browser session may not survive the browser's restart: then the sign-in form asks again.
    const signedIn = page.locator(CONSOLE_LAYOUT_SELECTOR);
    const form = page.locator('#username');
    await signedIn.or(form).first().waitFor({ state: 'visible', ...WAIT });
    if (await form.isVisible()) {
      await page.fill('#username', 'police.isfara');
      await page.fill('#password', demoPassword());
      await page.click('#kc-login');
    }
    await signedIn.waitFor({ state: 'visible', ...WAIT });
    await expect(page.getByTestId('field-app').count()).resolves.toBe(0);
  });

  it('should send everything once the PIN is given again, each item exactly once', async () => {
    await page.goto(`${consoleUrl()}/#/field`);
    await page.getByTestId(`field-pack-${meeting.id}`).click();
    await page.getByTestId('field-unlock').click();
    await page.getByTestId('field-pin').fill('482915');
    await page.getByTestId('field-pin-ok').click();
    await eventually(
      async () => {
        const state = await page.getByTestId('field-status').getAttribute('data-state');
        if (state !== 'all-sent' && (await page.getByTestId('field-send-now').isVisible())) await page.getByTestId('field-send-now').click();
        expect(state).toBe('all-sent');
      },
      120_000,
      1_000,
    );
    await shot('hold-sent');
    await phoneShot('7-sent', 'field-app');

    const held = await api<MeetingView>('police.isfara', 'GET', `/meetings/${meeting.id}`);
    expect(held.body.status).toBe('held');
    const attendance = await api<{ total: number }>('police.isfara', 'GET', `/meetings/${meeting.id}/attendance`);
    expect(attendance.body.total).toBe(5);
    const concerns = await api<ConcernView[]>('police.isfara', 'GET', `/meetings/${meeting.id}/concerns?range=[0,49]`);
    expect(concerns.body.map((row) => row.sensitivity).sort()).toEqual(['confidential', 'public', 'restricted']);
    // The recorder handles the confidential concern: its text arrived in clear, once.
    expect(concerns.body.find((row) => row.sensitivity === 'confidential')?.text).toBe(CONFIDENTIAL);
    expect(concerns.body.find((row) => row.sensitivity === 'public')?.actionCount).toBe(1);
    const minutes = await api<{ body: string }>('police.isfara', 'GET', `/meetings/${meeting.id}/minutes`);
    expect(minutes.body.body).toContain(`Minutes ${hex}`);
    const feedback = await api<{ overall: { n: number } }>('police.isfara', 'GET', `/meetings/${meeting.id}/feedback/summary`);
    expect(feedback.body.overall.n).toBe(12);
    expect((await api('police.isfara', 'GET', `/meetings/${meeting.id}/attendance/sign-in-sheet`)).status).toBe(200);
    // Sent items leave their bodies and sealed parts behind: no clear or sealed text of the concern is kept.
    const stored = (await page.evaluate(DUMP_FIELD_DB)) as string;
    expect(stored).not.toContain(CONFIDENTIAL);
    expect(stored).not.toContain('"sealed"');
  });
});
