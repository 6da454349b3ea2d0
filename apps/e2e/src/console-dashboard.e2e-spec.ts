import type { CommunityView, ContactView, DistrictView, InboxCountView, InboxItemView, MeetingView, OrganisationView, ReportSummary } from '@rd/contracts';
import { DEFAULT_TIME_ZONE, quarterOf } from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { subjectOf } from './support/concerns';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 30_000 };

/**
 * Keeps the summaries the gateway sent to the page. Other suites of the run record meetings in the same district
 * and quarter, so whether a cell is small enough to be suppressed depends on them: the page is checked against
 * what it was sent, not against a count this suite assumes.
 */
function collectSummaries(page: Page): ReportSummary[] {
  const seen: ReportSummary[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'GET' && new URL(response.url()).pathname.endsWith('/reports/summary') && response.status() === 200) {
      void response.json().then((body: ReportSummary) => seen.push(body), () => undefined);
    }
  });
  return seen;
}

/** Every summary the page was sent, with the URL it asked (the topics and hand-over ask with `suppress=true`). */
function collectSummaryRequests(page: Page): { url: URL; body: ReportSummary }[] {
  const seen: { url: URL; body: ReportSummary }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.request().method() === 'GET' && url.pathname.endsWith('/reports/summary') && response.status() === 200) {
      void response.json().then((body: ReportSummary) => seen.push({ url, body }), () => undefined);
    }
  });
  return seen;
}

/**
 * Every bar of the page carries its value: the HTML bars (a label right after each bar) and the bars of the charts
 * (a LabelList text per bar), and every chart has its numbers as a table for screen readers.
 */
async function expectBarsLabelled(page: Page): Promise<void> {
  const bars = page.locator('[data-testid="bar"]');
  expect(await bars.count()).toBeGreaterThan(0);
  const unlabelled = await bars.evaluateAll((elements) => elements.filter((bar) => !(bar.nextElementSibling?.textContent ?? '').trim()).length);
  expect(unlabelled).toBe(0);
  const held = page.getByTestId('held-chart');
  const rectangles = await held.locator('.recharts-bar-rectangle').count();
  expect(rectangles).toBeGreaterThan(0);
  expect(await held.locator('.recharts-label-list text').count()).toBeGreaterThanOrEqual(rectangles);
  const tables = await page.getByTestId('chart-table').evaluateAll((elements) => elements.map((table) => table.querySelectorAll('tbody tr').length));
  expect(tables.length).toBeGreaterThan(0);
  expect(tables.filter((rows) => rows === 0)).toEqual([]);
}

/** Widths of the page and of the rate table's own scroll box. */
async function widths(page: Page): Promise<{ page: number; table: number; box: number }> {
  const scroller = page.getByTestId('rate-table-scroller');
  return {
    page: await page.evaluate<number>('document.documentElement.scrollWidth'),
    table: await scroller.evaluate((element) => element.scrollWidth),
    box: await scroller.evaluate((element) => element.clientWidth),
  };
}

/** The latest summary sent with a child of this code, and how many of that row's shown cells it suppresses. */
function rowAsSent(summaries: ReportSummary[], code: string): { summary: ReportSummary; suppressed: number; rate: number | null } {
  const summary = [...summaries].reverse().find((s) => s.children.some((child) => child.unit.code === code));
  if (!summary) throw new Error(`no summary with ${code} reached the page`);
  const { measures } = summary.children.find((child) => child.unit.code === code) as ReportSummary['children'][number];
  const shown = [measures.attendance.womenShare, measures.attendance.youthShare, measures.trust.trustAverage];
  return { summary, suppressed: shown.filter((cell) => cell?.suppressed).length, rate: measures.reportingRate.rate };
}

/**
 * The reporting dashboard and the notification screens of the console in a real browser,
 * against the whole platform: the coordinator's national view, a regional reviewer limited to its region,
 * the inbox of a police officer after a meeting is scheduled, and a template preview.
 */
describe('the reporting dashboard and notifications in the console', () => {
  let browser: Browser;
  const hex = randomBytes(3).toString('hex');
  // The current quarter where the dashboard computes it (Dushanbe time).
  const quarter = quarterOf(new Date(), DEFAULT_TIME_ZONE);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    // An Isfara community taken through onboarding to active, with a reporting day scheduled (the notifications
    // service writes a meeting invitation into the Isfara team's console inbox) and held with four attendees: the
    // reporting read model then has a reporting rate, and the attendance shares are small groups (suppressed in
    // the region and country views).
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', {
      name: `Dashboard village ${hex}`,
      districtCode: 'isfara',
      kind: 'village',
      location: { lat: 40.05, lng: 70.7 },
    });
    expect(community.status).toBe(201);
    const id = community.body.id;
    expect((await api('ngo.isfara', 'POST', `/communities/${id}/transitions`, { to: 'onboarding', reason: 'Jamoat agreed' })).status).toBe(200);
    const police = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Isfara police ${hex}`, kind: 'district-police', districtCode: 'isfara' });
    const hukumat = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Isfara hukumat ${hex}`, kind: 'local-government', districtCode: 'isfara' });
    const person = async (name: string, organisationId: string) =>
      (
        await api<ContactView>('ngo.isfara', 'POST', '/contacts', {
          name,
          organisationId,
          phone: '+992927111111',
          preferredLanguage: 'tg',
          preferredChannel: 'sms',
          consent: true,
          communityIds: [id],
        })
      ).body.id;
    const focal = await person(`Focal ${hex}`, hukumat.body.id);
    const gov = await person(`Gov ${hex}`, hukumat.body.id);
    const officer = await person(`Officer ${hex}`, police.body.id);
    expect((await api('ngo.isfara', 'PATCH', `/communities/${id}`, { focalPointContactIds: [focal], localGovernmentContactId: gov })).status).toBe(200);
    expect((await api('police.isfara', 'POST', '/officer-assignments', { communityId: id, officerContactId: officer, policeUnitId: police.body.id })).status).toBe(201);

    const draft = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
      kind: 'local',
      communityIds: [id],
      districtCode: 'isfara',
      title: `Dashboard reporting day ${hex}`,
      startsAt: new Date(Date.now() + 20 * 60 * 1000).toISOString(),
      venueName: 'Community centre',
      venueType: 'community-centre',
      organisedBy: 'police',
    });
    expect(draft.status).toBe(201);
    expect((await api('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'scheduled' })).status).toBe(200);
    await eventually(
      async () => {
        const response = await api<CommunityView>('ngo.isfara', 'GET', `/communities/${id}`);
        if (!response.body.checklist.firstReportingDayPlanned) throw new Error('first reporting day not ticked yet');
      },
      20_000,
      200,
    );
    expect((await api('ngo.isfara', 'POST', `/communities/${id}/transitions`, { to: 'active' })).status).toBe(200);
    expect((await api('police.isfara', 'POST', `/meetings/${draft.body.id}/transitions`, { to: 'held' })).status).toBe(200);
    const two = { under18: 0, from18to29: 1, from30to59: 1, from60: 0 };
    const none = { under18: 0, from18to29: 0, from30to59: 0, from60: 0 };
    expect((await api('police.isfara', 'PUT', `/meetings/${draft.body.id}/attendance`, { counts: { women: two, men: two, other: none } })).status).toBe(200);
    // Concerns: one confidential (domestic violence, ngo.isfara its handler) and six public ones about water. The
    // dashboard's topics must show the confidential one's topic no more than the exports do: a small group is
    // suppressed.
    const handler = await subjectOf('ngo.isfara');
    const confidential = await api('police.isfara', 'POST', `/meetings/${draft.body.id}/concerns`, {
      topic: 'domestic-violence',
      sensitivity: 'confidential',
      text: `Dashboard confidential ${hex}`,
      handlerIds: [handler],
    });
    expect(confidential.status).toBe(201);
    for (let i = 0; i < 6; i += 1) {
      const water = await api('police.isfara', 'POST', `/meetings/${draft.body.id}/concerns`, { topic: 'water-and-irrigation', sensitivity: 'public', text: `Canal ${hex} ${i}` });
      expect(water.status).toBe(201);
    }
    // Wait until the reporting read model has the held reporting day.
    await eventually(
      async () => {
        const summary = await api<ReportSummary>('coordinator', 'GET', `/reports/summary?level=district&code=isfara&from=${quarter}&to=${quarter}`);
        const { reportingRate, attendance, concerns } = summary.body.measures ?? {};
        if (summary.status !== 200 || reportingRate.held < 1 || attendance.total < 4 || concerns.total < 7) {
          throw new Error(`reporting read model not there yet (${summary.status})`);
        }
      },
      30_000,
      300,
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  it('should show the coordinator the national reporting-rate table and the trend charts', async () => {
    const page = await signedIn('coordinator');
    const summaries = collectSummaries(page);
    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.getByTestId('rate-table').waitFor(WAIT);
    await page.getByTestId('rate-total').waitFor(WAIT);
    // The regions side by side, Sughd among them (the read model has seen Isfara).
    const sughdRow = page.locator('[data-testid="rate-row"][data-code="sughd"]');
    await sughdRow.waitFor(WAIT);
    // The national view is always suppressed; the row shows the rate it was sent and says "suppressed" for exactly
    // the cells the gateway suppressed (never a number derived in the browser).
    const sent = rowAsSent(summaries, 'sughd');
    expect(sent.summary.suppression.applied).toBe(true);
    expect(sent.rate).not.toBeNull();
    await sughdRow.getByText(`${Math.round((sent.rate as number) * 100)}%`).first().waitFor(WAIT);
    expect(await sughdRow.getByTestId('suppressed-cell').count()).toBe(sent.suppressed);
    await page.locator('[data-testid="trend-chart"] .recharts-dot').first().waitFor(WAIT);
    await expect(page.getByTestId('missing-section').count()).resolves.toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-coordinator.png'), fullPage: true });

    // Drill down: Sughd → its districts.
    await page.locator('[data-testid="rate-row"][data-code="sughd"] [data-testid="rate-drill"]').click();
    await page.locator('[data-testid="rate-row"][data-code="isfara"]').waitFor(WAIT);
    await page.context().close();
  });

  it('should fit the coordinator’s dashboard in 1366×768: no page scroll, the whole rate table, every bar labelled, hand-over and topics', async () => {
    const page = await signedIn('coordinator', { width: 1366, height: 768 });
    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.locator('[data-testid="rate-row"][data-code="sughd"]').waitFor(WAIT);
    await page.getByTestId('children-chart').waitFor(WAIT);
    await page.locator('[data-testid="held-chart"] .recharts-label-list').first().waitFor(WAIT);
    await page.getByTestId('handover-share').waitFor(WAIT);
    await page.locator('[data-testid="topic-bars"] [data-testid="bar-group"][data-key="water-and-irrigation"]').waitFor(WAIT);
    const measured = await widths(page);
    expect(measured.page).toBeLessThanOrEqual(1366);
    // The table fits its card: no scroll inside it either.
    expect(measured.table).toBeLessThanOrEqual(measured.box);
    await expectBarsLabelled(page);
    expect(await page.getByTestId('handover-share').textContent()).toMatch(/%/);
    await page.getByTestId('topic-trend').waitFor(WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-coordinator-1366.png'), fullPage: true });
    // The longest headers and "suppressed" chips are Kyrgyz, Tajik and Russian: the table fits in them too.
    for (const language of ['Кыргызча', 'Тоҷикӣ', 'Русский']) {
      await page.locator('button[aria-controls="simple-menu"]').click();
      await page.getByRole('menuitem', { name: language }).click();
      await page.locator('#simple-menu').waitFor({ state: 'hidden' });
      await page.locator('[data-testid="rate-row"][data-code="sughd"]').waitFor(WAIT);
      const translated = await widths(page);
      expect(translated.page).toBeLessThanOrEqual(1366);
      expect(translated.table).toBeLessThanOrEqual(translated.box);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-coordinator-1366-tg.png'), fullPage: true });
    await page.locator('button[aria-controls="simple-menu"]').click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    // One quarter: the trend's points carry their values instead of an empty-looking line.
    await page.getByTestId('period-this-quarter').click();
    await page.locator('[data-testid="trend-chart"][data-labelled="true"] .recharts-label-list text').first().waitFor(WAIT);
    await page.locator('[data-testid="trend-chart"] .recharts-dot').first().waitFor(WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-coordinator-one-quarter.png'), fullPage: true });
    await page.context().close();
  });

  it('should show police.isfara concerns by topic as suppressed as the exports, though its own view is not suppressed', async () => {
    const page = await signedIn('police.isfara', { width: 1366, height: 768 });
    const sent = collectSummaryRequests(page);
    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.getByTestId('rate-table').waitFor(WAIT);
    await page.getByTestId('topics-panel').waitFor(WAIT);
    await page.locator('[data-testid="topic-bars"] [data-testid="bar-group"][data-key="water-and-irrigation"]').waitFor(WAIT);
    // A district role with drill-down gets its own view unsuppressed (ADR 16); the topics come from the answer
    // asked with suppress=true, the one the exports use.
    const plain = sent.find((entry) => entry.url.searchParams.get('suppress') === null)?.body;
    const suppressed = sent.find((entry) => entry.url.searchParams.get('suppress') === 'true')?.body;
    expect(plain?.suppression.applied).toBe(false);
    expect(suppressed?.suppression.applied).toBe(true);
    const { byTopic } = (suppressed as ReportSummary).measures.concerns;
    const threshold = (suppressed as ReportSummary).suppression.threshold;
    for (const [topic, cell] of Object.entries(byTopic)) {
      const group = page.locator(`[data-testid="topic-bars"] [data-testid="bar-group"][data-key="${topic}"]`);
      if (cell.suppressed) {
        await group.getByTestId('suppressed-cell').waitFor(WAIT);
      } else if ((cell.value ?? 0) > 0) {
        await expect(group.getByTestId('bar-label').textContent()).resolves.toBe(String(cell.value));
      }
    }
    // The confidential domestic-violence concern is never a small number on screen, though the unsuppressed view has one.
    const shownDomestic = byTopic['domestic-violence'];
    expect(shownDomestic.suppressed || (shownDomestic.value ?? 0) >= threshold).toBe(true);
    expect((plain as ReportSummary).measures.concerns.byTopic['domestic-violence'].value).toBeGreaterThan(0);
    const measured = await widths(page);
    expect(measured.page).toBeLessThanOrEqual(1366);
    expect(measured.table).toBeLessThanOrEqual(measured.box);
    await expectBarsLabelled(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-police-isfara-1366.png'), fullPage: true });
    await page.context().close();
  });

  it('should keep the dashboard within 360 px, the rate table scrolling in its own box', async () => {
    const page = await signedIn('police.isfara', { width: 360, height: 740 });
    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.getByTestId('rate-table').waitFor(WAIT);
    await page.getByTestId('handover-share').waitFor(WAIT);
    await page.locator('[data-testid="topic-bars"] [data-testid="bar-group"]').first().waitFor(WAIT);
    await page.locator('[data-testid="held-chart"] .recharts-label-list').first().waitFor(WAIT);
    const measured = await widths(page);
    expect(measured.page).toBeLessThanOrEqual(360);
    expect(measured.box).toBeLessThanOrEqual(360);
    await expectBarsLabelled(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-police-isfara-360.png'), fullPage: true });
    await page.context().close();
  });

  it('should show the Sughd reviewer only Sughd districts, no community drill-down and no inbox', async () => {
    const districts = await api<DistrictView[]>('coordinator', 'GET', `/districts?range=${encodeURIComponent('[0,499]')}`);
    expect(districts.status).toBe(200);
    const sughd = new Set(districts.body.filter((district) => district.regionCode === 'sughd').map((district) => district.code));
    expect(sughd.has('isfara')).toBe(true);

    const page = await signedIn('reviewer.sughd');
    const summaries = collectSummaries(page);
    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.getByTestId('rate-table').waitFor(WAIT);
    await page.locator('[data-testid="rate-row"][data-code="isfara"]').waitFor(WAIT);
    const rows = await page.getByTestId('rate-row').evaluateAll((elements) =>
      elements.map((element) => ({ level: element.getAttribute('data-level'), code: element.getAttribute('data-code') })),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.level !== 'district' || !sughd.has(row.code ?? ''))).toEqual([]);
    // A reviewer always gets small groups suppressed, and the console shows them as such.
    const sent = rowAsSent(summaries, 'isfara');
    expect(sent.summary.suppression.applied).toBe(true);
    expect(await page.locator('[data-testid="rate-row"][data-code="isfara"] [data-testid="suppressed-cell"]').count()).toBe(sent.suppressed);
    await page.locator('[data-testid="trend-chart"] .recharts-surface').first().waitFor(WAIT);
    expect(await page.getByTestId('missing-section').count()).toBe(0);
    expect(await page.getByTestId('inbox-badge').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-reviewer-sughd.png'), fullPage: true });
    await page.context().close();
  });

  it('should lower the unread count of police.isfara when a message is marked read', async () => {
    // The invitation reaches the inbox asynchronously (event → notifications service).
    const before = await eventually(
      async () => {
        const count = await api<InboxCountView>('police.isfara', 'GET', '/notifications/inbox/count');
        if (count.status !== 200 || count.body.unread < 1) throw new Error(`no unread message yet (${count.status})`);
        return count.body.unread;
      },
      30_000,
      500,
    );
    const page = await signedIn('police.isfara');
    const badge = page.getByTestId('inbox-badge');
    await page.locator(`[data-testid="inbox-badge"][data-unread="${before}"]`).waitFor(WAIT);
    await badge.click();
    await page.locator('[data-testid="inbox-item"][data-read="false"]').first().waitFor(WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-police-isfara.png'), fullPage: true });
    await page.getByTestId('inbox-mark-read').first().click();
    await page.locator(`[data-testid="inbox-badge"][data-unread="${before - 1}"]`).waitFor(WAIT);
    const after = await api<InboxCountView>('police.isfara', 'GET', '/notifications/inbox/count');
    expect(after.body.unread).toBe(before - 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-police-isfara-read.png'), fullPage: true });
    await page.context().close();
  });

  it('should show police.isfara the inbox in the language the console is switched to', async () => {
    // The community's activation reaches the Isfara team's inbox asynchronously, rendered in every language.
    const english = `Community onboarded: Dashboard village ${hex}`;
    const russian = `Сообщество подключено: Dashboard village ${hex}`;
    await eventually(
      async () => {
        const list = await api<InboxItemView[]>('police.isfara', 'GET', `/notifications/inbox?range=[0,99]&filter=${encodeURIComponent('{"language":"en"}')}`);
        if (list.status !== 200 || !list.body.some((item) => item.title === english)) throw new Error(`no activation message yet (${list.status})`);
      },
      30_000,
      500,
    );
    const page = await signedIn('police.isfara');
    await page.goto(`${e2eEnv().consoleUrl}/#/notifications/inbox`);
    // The language menu of the app bar; the list is fetched again in the new language without a reload.
    const shows = async (name: string, shown: string, hidden: string) => {
      await page.locator('button[aria-controls="simple-menu"]').click();
      await page.getByRole('menuitem', { name }).click();
      await page.locator('#simple-menu').waitFor({ state: 'hidden' });
      await page.locator('[data-testid="inbox-item"]', { hasText: shown }).waitFor(WAIT);
      expect(await page.locator('[data-testid="inbox-item"]', { hasText: hidden }).count()).toBe(0);
    };
    await shows('Русский', russian, english);
    await shows('English', english, russian);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-police-isfara-en.png'), fullPage: true });
    await shows('Русский', russian, english);
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-police-isfara-ru.png'), fullPage: true });
    await page.context().close();
  });

  it('should show police.isfara the delivery log of the invitation, without a resend button on console messages', async () => {
    const page = await signedIn('police.isfara');
    // Only console messages: other suites of the run leave emails and SMS (which may be re-sent) in Isfara's log.
    await page.goto(`${e2eEnv().consoleUrl}/#/notifications/deliveries?filter=${encodeURIComponent(JSON.stringify({ channel: 'console' }))}`);
    await page.locator('[data-testid="delivery-status"][data-status="delivered"]').first().waitFor(WAIT);
    // Console messages are delivered when written (or skipped for a contact who has no console account) and
    // cannot be re-sent (the gateway answers 409); other suites may leave such skipped rows in Isfara's log.
    expect(await page.locator('[data-testid="delivery-status"]:not([data-status="delivered"]):not([data-status="skipped"])').count()).toBe(0);
    expect(await page.getByText('Resend').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'delivery-log-police-isfara.png'), fullPage: true });
    await page.context().close();
  });

  it('should let the coordinator open a template and preview a draft rendered by the server', async () => {
    const page = await signedIn('coordinator');
    await page.goto(`${e2eEnv().consoleUrl}/#/notifications/templates`);
    await page.getByTestId('template-matrix').waitFor(WAIT);
    await page.getByTestId('template-meeting-invitation.ru').click();
    const subject = page.getByTestId('template-field-subject');
    await eventually(async () => {
      if (!(await subject.inputValue())) throw new Error('template not loaded yet');
    }, 20_000, 200);
    await subject.fill(`Проверка ${hex}: {{meeting.title}}`);
    await page.getByTestId('template-preview').click();
    const preview = page.getByTestId('preview-subject');
    await preview.waitFor(WAIT);
    const rendered = (await preview.textContent()) ?? '';
    expect(rendered).toContain(`Проверка ${hex}: `);
    expect(rendered).not.toContain('{{');
    await page.screenshot({ path: join(SCREENSHOTS, 'template-preview.png'), fullPage: true });
    await page.context().close();
  });

  it('should export the coordinator’s Sughd summary as CSV and offer the download when the job is done', async () => {
    const page = await signedIn('coordinator');
    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.locator('[data-testid="rate-row"][data-code="sughd"] [data-testid="rate-drill"]').click(WAIT);
    await page.locator('[data-testid="rate-row"][data-code="isfara"]').waitFor(WAIT);
    // The panel lists the coordinator's own jobs (other suites leave theirs, e.g. an earlier PDF): follow the new one.
    const before = new Set(await page.locator('[data-testid="export-job"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-job-id'))));
    await page.getByTestId('export-csv').click();
    const newJob = page.locator('[data-testid="export-job"]').first(); // newest first
    await eventually(async () => {
      const id = await newJob.getAttribute('data-job-id');
      if (!id || before.has(id)) throw new Error('the new export job is not listed yet');
    }, 20_000, 200);
    const id = await newJob.getAttribute('data-job-id');
    const row = page.locator(`[data-testid="export-job"][data-job-id="${id}"]`);
    await row.and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), row.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-exports.png'), fullPage: true });
    await page.context().close();
  });
});
