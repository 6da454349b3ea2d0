import type { CommunityView, MeetingAgendaView, MeetingView, TemplateView } from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';
import { planIsfaraMeeting } from './support/planned-meetings';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const DEFAULT_TEMPLATE_ID = '5d1f3c2a-7b7e-4c39-9a51-0d6a4c1e0001';

/** WCAG 2.2 A and AA rules of axe-core, run in the page; the serious and critical findings, as `rule: targets`. */
async function accessibilityFindings(page: Page, include: string): Promise<string[]> {
  // Colours are checked once MUI's transitions (a button enabled again after a save fades in over 250 ms) are over.
  await page.waitForFunction(
    () => (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document.getAnimations().every((animation) => animation.playState !== 'running'),
    undefined,
    { timeout: 5_000 },
  );
  // Evaluated, not added as a script tag: the console's content-security policy refuses inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    return axe.run({ include: [selector] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  }, include);
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join('; ')}`);
}

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 360, height: 740 },
] as const;

/**
 * Planning that knows what the system knows (#15, ADR 41): the Isfara police edit a scheduled reporting day's title
 * and venue, add, move and remove an agenda item, read the handbook's "How to" while preparing, and look through
 * the handbook templates; once the day is held none of the editing is offered.
 */
describe.each(VIEWPORTS)('editing a planned meeting in the console ($name, $width×$height)', ({ name, width, height }) => {
  let browser: Browser;
  let page: Page;
  let scheduled: MeetingView;
  let held: MeetingView;
  const hex = randomBytes(3).toString('hex');
  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;
  const shot = (what: string) => page.screenshot({ path: join(SCREENSHOTS, `console-meeting-edit-${name}-${what}.png`), fullPage: true });
  const agendaOf = async (id: string) => (await api<MeetingAgendaView>('police.isfara', 'GET', `/meetings/${id}/agenda`)).body;

  /** A reporting day from the handbook's first version (the one with the seeded guidance), scheduled through the gateway. */
  async function plan(communityId: string, title: string, minutes: number): Promise<MeetingView> {
    const created = await planIsfaraMeeting(communityId, title, minutes, { templateId: DEFAULT_TEMPLATE_ID, templateVersion: 1 });
    const moved = await api<MeetingView>('police.isfara', 'POST', `/meetings/${created.id}/transitions`, { to: 'scheduled' });
    expect(moved.status).toBe(200);
    return moved.body;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Edit village ${name} ${hex}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    scheduled = await plan(community.body.id, `Edit day ${name} ${hex}`, 3 * 24 * 60);
    held = await plan(community.body.id, `Held day ${name} ${hex}`, 10);
    expect((await api('police.isfara', 'POST', `/meetings/${held.id}/transitions`, { to: 'held' })).status).toBe(200);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, locale: 'en-US' });
    page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'police.isfara', demoPassword());
  });

  afterAll(() => browser?.close());

  it('should edit the title and venue of a scheduled meeting', async () => {
    await page.goto(consoleAt(`meetings/${scheduled.id}/show`));
    await page.getByRole('link', { name: 'Edit', exact: true }).click(WAIT);
    await page.getByTestId('meeting-edit-announced').waitFor(WAIT);
    // Labels of required inputs end in an asterisk.
    await page.getByLabel(/^Title\W*$/).fill(`Harvest day ${name} ${hex}`);
    await page.getByLabel(/^Venue\W*$/).fill('Field by the canal');
    await page.getByRole('combobox', { name: /^Venue type/ }).click();
    await page.getByRole('option', { name: 'Open air / field' }).click();
    await page.getByLabel('Venue latitude').fill('40.1256');
    await page.getByLabel('Venue longitude').fill('70.6253');
    await page.getByLabel('Access to the venue').fill('Shade and water at the canal bridge');
    await expect(accessibilityFindings(page, '#main-content')).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Reporting day updated').waitFor(WAIT);
    await page.getByText(`Harvest day ${name} ${hex}`).first().waitFor(WAIT);
    await page.getByText('Shade and water at the canal bridge').waitFor(WAIT);
    const saved = (await api<MeetingView>('police.isfara', 'GET', `/meetings/${scheduled.id}`)).body;
    expect(saved).toMatchObject({
      title: `Harvest day ${name} ${hex}`,
      venueName: 'Field by the canal',
      venueType: 'open-air',
      venueLocation: { lat: 40.1256, lng: 70.6253 },
      venueAccessibility: 'Shade and water at the canal bridge',
      status: 'scheduled',
    });
    // A change of an announced meeting is announced (ADR 13): the iCalendar sequence moved.
    expect(saved.sequence).toBeGreaterThan(scheduled.sequence);
  });

  it('should add, move and remove an agenda item', async () => {
    const before = await agendaOf(scheduled.id);
    const heading = `Women's questions ${hex}`;
    await page.getByRole('combobox', { name: /^Kind of item/ }).click(WAIT);
    await page.getByRole('option', { name: 'Questions and answers' }).click();
    await expect(page.getByLabel('Heading').inputValue()).resolves.toBe('Questions and answers');
    await page.getByLabel('Heading').fill(heading);
    await page.getByRole('button', { name: 'Add item' }).click();
    const last = before.items.length + 1;
    await page.getByTestId(`agenda-item-${last}`).filter({ hasText: heading }).waitFor(WAIT);

    // Buttons are named by their visible labels, and say which item they act on.
    const moveUp = page.getByTestId(`agenda-move-up-${last}`);
    await expect(moveUp.textContent()).resolves.toBe('Move up');
    await expect(page.getByRole('button', { name: 'Move up' }).count()).resolves.toBe(last);
    await moveUp.click();
    await page.getByTestId(`agenda-item-${last - 1}`).filter({ hasText: heading }).waitFor(WAIT);
    // The agenda panel (the rest of the meeting page is another change's, #15 "Proof").
    await expect(accessibilityFindings(page, '[data-testid="agenda-panel"]')).resolves.toEqual([]);
    let agenda = await agendaOf(scheduled.id);
    expect(agenda.items.map((item) => item.title)).toEqual([...before.items.slice(0, -1).map((i) => i.title), heading, before.items[before.items.length - 1].title]);
    await shot('agenda');

    await page.getByTestId(`agenda-remove-${last - 1}`).click();
    await page.getByText('Agenda item removed').waitFor(WAIT);
    await page.getByText(heading).waitFor({ ...WAIT, state: 'detached' });
    agenda = await agendaOf(scheduled.id);
    expect(agenda.items.map((item) => [item.position, item.title])).toEqual(before.items.map((item) => [item.position, item.title]));
  });

  it('should show the handbook guidance under agenda items and checklist steps', async () => {
    const howTo = page.getByTestId('agenda-how-to-1');
    await expect(howTo.locator('summary').textContent()).resolves.toBe('How to');
    await howTo.locator('summary').click();
    await howTo.getByText(/briefs residents on the security situation/).waitFor(WAIT);
    const step = page.getByTestId('checklist-how-to-book-venue');
    await step.locator('summary').click();
    await step.getByText(/a field during harvest/).waitFor(WAIT);
  });

  it('should offer no editing once the meeting is held, but keep the guidance', async () => {
    await page.goto(consoleAt(`meetings/${held.id}/show`));
    await page.getByTestId('meeting-status').filter({ hasText: /^Held$/ }).waitFor(WAIT);
    await page.getByTestId('agenda-how-to-1').waitFor(WAIT);
    await expect(page.getByTestId('meeting-edit').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Edit', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByTestId('agenda-add').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Move up' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Remove' }).count()).resolves.toBe(0);
    // Opened by its address, the edit page says why instead of offering a form that would be refused.
    await page.goto(consoleAt(`meetings/${held.id}`));
    await page.getByTestId('meeting-not-editable').waitFor(WAIT);
    await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    // The gateway refuses it too.
    const refused = await api('police.isfara', 'POST', `/meetings/${held.id}/agenda/items`, { kind: 'next-steps', title: 'Too late' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });

  it('should list the handbook templates with their versions, and preview a version on a meeting calendar', async () => {
    await page.goto(consoleAt('templates'));
    const family = page.getByTestId('template-family-reporting-day');
    await family.waitFor(WAIT);
    const templates = (await api<TemplateView[]>('police.isfara', 'GET', '/templates')).body.filter((t) => t.key === 'reporting-day');
    await expect(family.getByRole('link').count()).resolves.toBe(templates.length);
    await family.getByTestId('template-version-reporting-day-1').click();
    await page.getByTestId('template-title').filter({ hasText: 'version 1' }).waitFor(WAIT);
    await expect(page.getByTestId('template-agenda').getByRole('listitem').count()).resolves.toBe(6);
    await page.getByTestId('template-step-how-to-invite-officials').locator('summary').click();
    await page.getByTestId('template-step-how-to-invite-officials').getByText(/regional law-enforcement/).waitFor(WAIT);
    await page.getByTestId('template-step-book-venue').getByText('Days before the meeting: 14').waitFor(WAIT);
    await page.getByTestId('template-preview-date').fill('2027-03-10');
    await page.getByTestId('template-preview-step-book-venue').getByText('Due 2027-02-24').waitFor(WAIT);
    await page.getByTestId('template-preview-step-share-minutes').getByText('Due 2027-03-17').waitFor(WAIT);
    await expect(page.getByTestId('template-preview-agenda').getByRole('listitem').count()).resolves.toBe(6);
    await expect(accessibilityFindings(page, '#main-content')).resolves.toEqual([]);
    // Publishing a version is the national coordinator's (template:manage), not the police's.
    await expect(page.getByTestId('template-new-version').count()).resolves.toBe(0);
    await shot('template');
  });
  it('should keep the meeting page within the screen on every step, with a long title', async () => {
    const community = (await api<MeetingView>('police.isfara', 'GET', `/meetings/${scheduled.id}`)).body.communityIds[0];
    const long = await plan(community, `Reporting day of the villages along the canal before the harvest season ${hex}`, 5 * 24 * 60);
    for (const step of ['', '/invite', '/hold', '/follow-up', '/minutes', '/feedback']) {
      await page.goto(consoleAt(`meetings/${long.id}/show${step}`));
      await page.getByRole('tablist').waitFor(WAIT);
      await page.waitForLoadState('networkidle');
      // Wider than the screen means sideways scrolling of the whole page on a phone: name what sticks out.
      const overflow = (await page.evaluate(`(() => {
        const width = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getBoundingClientRect().width > 0)
          .filter((el) => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'hidden' || o === 'auto' || o === 'scroll' || o === 'clip') return false; } return true; })
          .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
          .slice(0, 5)
          .map((el) => el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.') + ' ' + Math.round(el.getBoundingClientRect().right));
        return { wider: document.documentElement.scrollWidth > width, out };
      })()`)) as { wider: boolean; out: string[] };
      if (name === 'phone') await shot(`long-title${step.replace('/', '-') || '-plan'}`);
      expect({ step, ...overflow }).toEqual({ step, wider: false, out: [] });
    }
  });
});
