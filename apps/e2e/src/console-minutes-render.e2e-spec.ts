import type { CommunityView, MeetingView, MinutesView } from '@rd/contracts';
import { demoPassword } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { readableText } from './support/file-text';
import { api } from './support/http';
import { planIsfaraMeeting } from './support/planned-meetings';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 20_000 };
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 360, height: 740 },
] as const;
const ROW = (n: number) => ({ under18: 0, from18to29: n, from30to59: n, from60: 0 });

/**
 * Minutes read as formatted text in the console (issue 15, ADR 40): headings, bold, lists and a safe link are
 * elements; HTML, a javascript: link and a remote image typed into the minutes neither run nor load; a print view
 * without the console's chrome, headed by the meeting's communities, date, venue and attendance; the PDF download;
 * the formatted preview while writing. At 1366×768 and 360×740.
 */
describe('minutes as formatted text, print and PDF in the console', () => {
  let browser: Browser;
  let hex: string;
  let meeting: MeetingView;
  let body: string;
  const remoteRequests: string[] = [];

  const consoleAt = (path: string) => `${e2eEnv().consoleUrl}/#/${path}`;

  async function newPage(username: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (request.url().includes('tracker.example')) remoteRequests.push(request.url());
    });
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    hex = randomBytes(3).toString('hex');
    const community = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `Render village ${hex}`, districtCode: 'isfara', kind: 'village' });
    expect(community.status).toBe(201);
    meeting = await planIsfaraMeeting(community.body.id, `Minutes render ${hex}`, 20, { venueName: 'Field by the canal', venueType: 'open-air' });
    for (const to of ['scheduled', 'held']) expect((await api('police.isfara', 'POST', `/meetings/${meeting.id}/transitions`, { to })).status).toBe(200);
    const attendance = await api('police.isfara', 'PUT', `/meetings/${meeting.id}/attendance`, { counts: { women: ROW(5), men: ROW(6), other: ROW(1) } });
    expect(attendance.status).toBe(200);
    body = [
      `# Протокол ${hex}`,
      '',
      'Жители **Ходжа Ало** спросили о *воде*.',
      '',
      '- Тоҷикӣ: ғ ӣ қ ӯ ҳ ҷ',
      '- Кыргызча: ң ө ү',
      '',
      '[District site](https://isfara.example/minutes)',
      '',
      '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>',
      '',
      '[click me](javascript:window.__xss=3) ![pixel](https://tracker.example/p.gif)',
    ].join('\n');
    const saved = await api<MinutesView>('ngo.isfara', 'PUT', `/meetings/${meeting.id}/minutes`, { body, language: 'ru' });
    expect(saved.status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    it('should show local government the minutes formatted, with nothing typed as HTML run or loaded', async () => {
      const page = await newPage('gov.isfara', viewport);
      await page.goto(consoleAt(`meetings/${meeting.id}/show/minutes`));
      const text = page.getByTestId('minutes-text');
      await text.locator('h1').filter({ hasText: `Протокол ${hex}` }).waitFor(WAIT);
      await expect(text.locator('strong').first().textContent()).resolves.toBe('Ходжа Ало');
      await expect(text.locator('em').first().textContent()).resolves.toBe('воде');
      await expect(text.locator('li').allTextContents()).resolves.toEqual(['Тоҷикӣ: ғ ӣ қ ӯ ҳ ҷ', 'Кыргызча: ң ө ү']);
      // One link, the safe one; the javascript: one is text; the raw HTML is shown as typed; the image is its alt text.
      await expect(text.locator('a').count()).resolves.toBe(1);
      await expect(text.locator('a').getAttribute('href')).resolves.toBe('https://isfara.example/minutes');
      await expect(text.locator('img, script, iframe, svg').count()).resolves.toBe(0);
      await expect(text.textContent()).resolves.toContain('<script>window.__xss=2</script>');
      await expect(text.textContent()).resolves.toContain('click me');
      await expect(text.textContent()).resolves.toContain('pixel');
      await text.getByText('click me').click();
      await expect(page.evaluate<number | undefined>('window.__xss')).resolves.toBeUndefined();
      expect(remoteRequests).toEqual([]);
      // A reader gets no editor, but print and PDF, inside the screen's width.
      await expect(page.getByTestId('minutes-body').count()).resolves.toBe(0);
      for (const id of ['minutes-print-button', 'minutes-pdf-button']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `console-minutes-render-${viewport.name}.png`), fullPage: true });

      // The print view: no navigation, tabs or buttons; the meeting header, then the minutes.
      await page.emulateMedia({ media: 'print' });
      const header = page.getByTestId('minutes-print-header');
      await expect(header.isVisible()).resolves.toBe(true);
      const printed = (await header.textContent()) ?? '';
      for (const part of [`Minutes render ${hex}`, `Communities: Render village ${hex}`, 'Venue: Field by the canal', 'Attendees: 24 (women: 10, men: 12, other or not stated: 2)']) expect(printed).toContain(part);
      expect(printed).toMatch(/Date: .*\d/);
      await expect(text.isVisible()).resolves.toBe(true);
      for (const chrome of ['header.MuiAppBar-root', '.RaSidebar-root', '[role="tablist"]', '[data-testid="minutes-print-button"]', '[data-testid="minutes-status"]']) {
        await expect(page.locator(chrome).first().isVisible()).resolves.toBe(false);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `console-minutes-render-${viewport.name}-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // The PDF through the gateway with the user's token.
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('minutes-pdf-button').click()]);
      expect(download.suggestedFilename()).toBe(`minutes-${meeting.id}.pdf`);
      const pdf = readFileSync(await download.path());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pdfText = readableText(pdf);
      for (const part of [`Протокол ${hex}`, 'Ходжа Ало', 'Тоҷикӣ: ғ ӣ қ ӯ ҳ ҷ', 'Кыргызча: ң ө ү', 'Attendees: 24']) expect(pdfText).toContain(part);
      await page.context().close();
    });

    it('should show who may still edit a formatted preview of what they write', async () => {
      const page = await newPage('police.isfara', viewport);
      await page.goto(consoleAt(`meetings/${meeting.id}/show/minutes`));
      const editor = page.getByTestId('minutes-body');
      await editor.waitFor(WAIT);
      await editor.fill(`${body}\n\n## Решения\n\n1. **Починить** ворота канала`);
      await page.getByTestId('minutes-preview-tab').click();
      const preview = page.getByTestId('minutes-preview');
      await preview.locator('h2').filter({ hasText: 'Решения' }).waitFor(WAIT);
      await expect(preview.locator('ol li strong').textContent()).resolves.toBe('Починить');
      await expect(preview.locator('img, script').count()).resolves.toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `console-minutes-render-${viewport.name}-preview.png`), fullPage: true });
      // Back to writing: the text is still there, unsaved, as typed.
      await page.getByTestId('minutes-edit-tab').click();
      await expect(page.getByTestId('minutes-body').inputValue()).resolves.toContain('ворота канала');
      await page.context().close();
    });
  });
});
