import { demoPassword } from '@rd/testing';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const WAIT = { timeout: 30_000 };
/** A 1×1 PNG: Leaflet stretches every tile to 256 px, and `tileload` fires once the image decodes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A tile server on the loopback port the e2e console is configured with; counts the tiles it served. */
async function startTileServer(port: number): Promise<{ served: () => number; close: () => Promise<void> }> {
  let served = 0;
  const server: Server = createServer((req, res) => {
    if (!/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    served += 1;
    // Not cached: once the server is stopped, a reload must ask again (and fail).
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(PNG);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  expect((server.address() as AddressInfo).port).toBe(port);
  return {
    served: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Map tiles come from the configured tile server and the console's own CSP lets them in (defect: the CSP allowed
 * images from 'self' only while the console drew another server's tiles). The e2e console is configured with a
 * loopback tile server (support/global-setup.ts); this spec serves PNG tiles there, then stops it: the map pages
 * fall back to their lists.
 */
describe('map tiles from the configured tile server', () => {
  let browser: Browser;
  let page: Page;
  let tiles: Awaited<ReturnType<typeof startTileServer>> | undefined;
  const cspViolations: string[] = [];
  const template = e2eEnv().mapTileUrl;
  const tileOrigin = new URL(template.replace(/[{}]/g, '')).origin;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    tiles = await startTileServer(Number(new URL(tileOrigin).port));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, 'ngo.isfara', demoPassword());
  });

  afterAll(async () => {
    await tiles?.close();
    await browser?.close();
  });

  it('should serve the console with a CSP that allows exactly the configured tile origin in img-src', async () => {
    const response = await fetch(`${e2eEnv().consoleUrl}/`);
    const imgSrc = (response.headers.get('content-security-policy') ?? '').split('; ').find((directive) => directive.startsWith('img-src '));
    expect(imgSrc).toBe(`img-src 'self' data: blob: ${tileOrigin}`);
    const config = (await (await fetch(`${e2eEnv().consoleUrl}/config.json`)).json()) as { mapTileUrl: string };
    expect(config.mapTileUrl).toBe(template);
  });

  it('should draw the tiles on the communities map and on the reporting map', async () => {
    await page.goto(`${e2eEnv().consoleUrl}/#/communities-map`);
    await page.locator('[data-testid="community-map"][data-tiles="ready"]').waitFor(WAIT);
    await page.locator('img.leaflet-tile-loaded').first().waitFor(WAIT);
    expect(tiles?.served()).toBeGreaterThan(0);
    expect(await page.getByTestId('map-tiles-unreachable').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-map-tiles.png'), fullPage: true });

    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.locator('[data-testid="rate-map"][data-tiles="ready"]').waitFor(WAIT);
    expect(await page.getByTestId('rate-map-list').count()).toBe(0);
    expect(cspViolations).toEqual([]);
  });

  it('should fall back to the lists once the tile server is stopped', async () => {
    await tiles?.close();
    tiles = undefined;
    await page.goto(`${e2eEnv().consoleUrl}/#/communities-map`);
    await page.reload();
    await page.getByTestId('map-tiles-unreachable').waitFor(WAIT);
    await page.getByTestId('community-map-list').waitFor(WAIT);
    await expect(page.getByTestId('community-map').getAttribute('data-tiles')).resolves.toBe('unreachable');

    await page.goto(`${e2eEnv().consoleUrl}/#/reporting`);
    await page.locator('[data-testid="rate-map"][data-tiles="unreachable"]').waitFor(WAIT);
    await page.getByTestId('rate-map-list').waitFor(WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-map-tiles-fallback.png'), fullPage: true });
  });
});
