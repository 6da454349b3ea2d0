import { AuditChainReportSchema, AuditEntryViewSchema, ProblemDetailsSchema, type AuditChainReport, type AuditEntryView, type CommunityView } from '@rd/contracts';
import { demoPassword, eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expectDenied, launchChromium, loginThroughKeycloak } from './support/console-login';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

const marker = `Audit ${randomBytes(4).toString('hex')}`;

/** GET /audit as the coordinator, with react-admin's filter and range parameters. */
async function auditAsCoordinator(filter: Record<string, unknown>, range: [number, number] = [0, 99]) {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify(range), sort: JSON.stringify(['occurredAt', 'DESC']) });
  const response = await api<AuditEntryView[]>('coordinator', 'GET', `/audit?${query}`);
  expect(response.status).toBe(200);
  return response;
}

/** Waits until the entry with this correlation id is in the log (the gateway publishes after it answered). */
function entryFor(filter: Record<string, unknown>, correlationId: string): Promise<AuditEntryView> {
  return eventually(
    async () => {
      const entry = (await auditAsCoordinator(filter)).body.find((e) => e.correlationId === correlationId);
      if (!entry) throw new Error(`no audit entry with correlation id ${correlationId} for ${JSON.stringify(filter)}`);
      return entry;
    },
    5000,
    50,
  );
}

describe('the audit trail: gateway → JetStream → audit service → GET /audit', () => {
  let created: CommunityView;

  it('should record a community created by ngo.isfara, under the correlation id the create answered with', async () => {
    const startedAt = Date.now();
    const response = await api<CommunityView>('ngo.isfara', 'POST', '/communities', {
      name: marker,
      districtCode: 'isfara',
      kind: 'village',
      population: 1200,
      languages: ['tg'],
    });
    expect(response.status).toBe(201);
    created = response.body;
    const correlationId = response.headers.get('x-correlation-id') ?? '';
    expect(correlationId).not.toBe('');

    const entry = await entryFor({ username: 'ngo.isfara', action: 'community:create' }, correlationId);
    process.stdout.write(`[e2e] audit entry of the create listed ${Date.now() - startedAt} ms after the request was sent\n`);
    expect(entry).toMatchObject({
      source: 'gateway',
      actor: { username: 'ngo.isfara', roles: ['ngo-admin'] },
      action: 'community:create',
      resourceType: 'community',
      resourceId: created.id,
      outcome: 'success',
      httpStatus: 201,
      method: 'POST',
      path: '/api/v1/communities',
      correlationId,
    });
    expect(entry.actor.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry.clientAddress).toMatch(/127\.0\.0\.1|::1/);
    expect(Date.parse(entry.occurredAt)).toBeGreaterThanOrEqual(startedAt - 1000);
  });

  it('should record a regional reviewer trying to create a community as a denied entry', async () => {
    const response = await api('reviewer.sughd', 'POST', '/communities', { name: `${marker} reviewer`, districtCode: 'isfara', kind: 'village' });
    expect(response.status).toBe(403);
    const entry = await entryFor({ username: 'reviewer.sughd', outcome: 'denied' }, response.headers.get('x-correlation-id') ?? '');
    expect(entry).toMatchObject({
      actor: { username: 'reviewer.sughd', roles: ['regional-reviewer'] },
      action: 'community:create',
      resourceType: 'community',
      resourceId: null,
      outcome: 'denied',
      httpStatus: 403,
      method: 'POST',
    });
  });

  it('should refuse the audit log to an NGO admin with 403, and record the attempt', async () => {
    const response = await api('ngo.isfara', 'GET', '/audit');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(ProblemDetailsSchema.parse(response.body).status).toBe(403);
    const entry = await entryFor({ username: 'ngo.isfara', action: 'audit:read' }, response.headers.get('x-correlation-id') ?? '');
    expect(entry).toMatchObject({ outcome: 'denied', httpStatus: 403, method: 'GET', path: '/api/v1/audit' });
  });

  it('should page with Content-Range and refuse a filter the query does not know', async () => {
    const page = await auditAsCoordinator({}, [0, 1]);
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('content-range')).toMatch(/^audit 0-1\/\d+$/);
    const unknown = await api('coordinator', 'GET', `/audit?filter=${encodeURIComponent(JSON.stringify({ body: 'x' }))}`);
    expect(unknown.status).toBe(400);
    const later = await auditAsCoordinator({ from: new Date(Date.now() + 3_600_000).toISOString() });
    expect(later.body).toEqual([]);
    expect(later.headers.get('content-range')).toBe('audit */0');
  });

  it('should keep every request body out of the log: entries carry ids and request coordinates only', async () => {
    const everything = await auditAsCoordinator({}, [0, 499]);
    expect(everything.body.length).toBeGreaterThanOrEqual(3);
    for (const entry of everything.body) {
      expect(Object.keys(AuditEntryViewSchema.strict().parse(entry)).sort()).toEqual(Object.keys(entry).sort());
      expect(entry.path).not.toContain('?');
    }
    const text = JSON.stringify(everything.body);
    expect(text).not.toContain(marker);
    expect(text).not.toContain('"population"');
    expect(text).not.toContain('"languages"');
  });

  it('should verify the hash chain for the coordinator through GET /audit/verify, and refuse it to everyone else', async () => {
    const response = await api<AuditChainReport>('coordinator', 'GET', '/audit/verify');
    expect(response.status).toBe(200);
    const report = AuditChainReportSchema.parse(response.body);
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.checked).toBeGreaterThanOrEqual(3);
    expect(report.head?.seq).toBeGreaterThanOrEqual(report.checked);
    for (const user of ['ngo.isfara', 'reviewer.sughd']) expect((await api(user, 'GET', '/audit/verify')).status).toBe(403);
  });
});

describe('the audit log in the console', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(username: string) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await loginThroughKeycloak(page, `${e2eEnv().consoleUrl}/`, username, demoPassword());
    return page;
  }

  it('should list entries for the national coordinator, filtered by user', async () => {
    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `${marker} console`, districtCode: 'isfara', kind: 'town' });
    expect(created.status).toBe(201);
    await entryFor({ username: 'ngo.isfara', action: 'community:create' }, created.headers.get('x-correlation-id') ?? '');
    const page = await signedIn('coordinator');
    await page.locator('a[href="#/audit"]').first().waitFor({ timeout: 20_000 });
    const filter = encodeURIComponent(JSON.stringify({ username: 'ngo.isfara' }));
    await page.goto(`${e2eEnv().consoleUrl}/#/audit?filter=${filter}`);
    await page.getByText(created.body.id).first().waitFor({ timeout: 20_000 });
    expect(await page.getByText('reviewer.sughd').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-coordinator.png'), fullPage: true });
    await page.context().close();
  });

  it('should give an NGO admin no audit menu and no audit page', async () => {
    const page = await signedIn('ngo.isfara');
    await page.waitForTimeout(500);
    expect(await page.locator('a[href="#/audit"]').count()).toBe(0);
    await page.goto(`${e2eEnv().consoleUrl}/#/audit`);
    await expectDenied(page, 'input[name="username"]');
    await page.context().close();
  });
});
