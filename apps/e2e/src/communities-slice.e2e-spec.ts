import { ProblemDetailsSchema, type CommunityView, type DistrictReport } from '@rd/contracts';
import { eventually } from '@rd/testing';
import { randomBytes } from 'node:crypto';
import { e2eEnv } from './support/e2e-env';
import { api } from './support/http';

const uniqueName = (base: string) => `${base} ${randomBytes(3).toString('hex')}`;

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = ProblemDetailsSchema.parse(response.body);
  expect(problem.status).toBe(status);
  expect(JSON.stringify(problem)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
}

async function countInIsfara(): Promise<number> {
  const report = await api<DistrictReport>('coordinator', 'GET', '/reports/districts/isfara');
  return report.body.communities.total;
}

describe('the community slice: console API → communities → JetStream → reporting', () => {
  it('should create a community as ngo.isfara and count it in the district report within a second', async () => {
    const before = await countInIsfara();
    const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', {
      name: uniqueName('Surkh'),
      districtCode: 'isfara',
      kind: 'village',
      population: 2500,
      borderAdjacent: true,
      languages: ['tg', 'ky'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ districtCode: 'isfara', regionCode: 'sughd', status: 'proposed' });
    const acceptedAt = Date.now();

    const report = await eventually(async () => {
      const response = await api<DistrictReport>('ngo.isfara', 'GET', '/reports/districts/isfara');
      expect(response.body.communities.total).toBe(before + 1);
      return response.body;
    }, 1000, 10);
    const latencyMs = Date.now() - acceptedAt;
    process.stdout.write(`[e2e] community.created visible in the district report after ${latencyMs} ms\n`);
    expect(report.communities.byStatus.proposed).toBeGreaterThanOrEqual(1);

    const listed = await api<CommunityView[]>('ngo.isfara', 'GET', `/communities?filter=${encodeURIComponent(JSON.stringify({ q: created.body.name }))}`);
    expect(listed.body.map((c) => c.id)).toEqual([created.body.id]);
    expect(listed.headers.get('content-range')).toBe('communities 0-0/1');
  });

  it('should answer 401 problem+json without a token', async () => {
    const response = await api(null, 'POST', '/communities', { name: 'No Token', districtCode: 'isfara', kind: 'village' });
    expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('should answer 403 when a regional reviewer tries to create a community', async () => {
    const before = await countInIsfara();
    const response = await api('reviewer.sughd', 'POST', '/communities', { name: uniqueName('Reviewer'), districtCode: 'isfara', kind: 'village' });
    expectProblem(response, 403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await countInIsfara()).toBe(before);
  });

  it('should answer 400 listing the offending fields for a malformed body, and store nothing', async () => {
    const name = uniqueName('Broken');
    const response = await api<{ errors: { field: string }[] }>('ngo.isfara', 'POST', '/communities', {
      name,
      districtCode: 'Not A Code',
      kind: 'castle',
      population: -3,
      languages: ['xx'],
      unexpected: true,
    });
    expectProblem(response, 400);
    const fields = response.body.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['districtCode', 'kind', 'population', 'languages.0']));
    const listed = await api<CommunityView[]>('coordinator', 'GET', `/communities?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
    expect(listed.body).toEqual([]);
  });

  it('should answer 400 for a body that is not JSON and 415 for another content type', async () => {
    expectProblem(await api('ngo.isfara', 'POST', '/communities', '{"name": '), 400);
    expectProblem(await api('ngo.isfara', 'POST', '/communities', 'name=x', { 'Content-Type': 'text/plain' }), 415);
  });

  it('should answer 413 for a 2 MB body', async () => {
    const response = await api('ngo.isfara', 'POST', '/communities', { name: 'x'.repeat(2 * 1024 * 1024) });
    expectProblem(response, 413);
  });

  it('should answer 403 when an NGO admin creates a community in a district outside their scope', async () => {
    const response = await api('ngo.khujand', 'POST', '/communities', { name: uniqueName('Elsewhere'), districtCode: 'isfara', kind: 'village' });
    expectProblem(response, 403);
  });

  it('should hide communities and reports outside the caller scope as 404', async () => {
    const list = await api<CommunityView[]>('ngo.isfara', 'GET', '/communities?range=[0,0]');
    const someIsfara = list.body[0];
    expectProblem(await api('ngo.khujand', 'GET', `/communities/${someIsfara.id}`), 404);
    expectProblem(await api('police.batken', 'GET', '/reports/districts/isfara'), 404);
    const batkenList = await api<CommunityView[]>('police.batken', 'GET', '/communities?range=[0,99]');
    expect(batkenList.body.every((c) => c.districtCode === 'batken')).toBe(true);
  });

  it('should only narrow, never widen, scope with a client-supplied district filter', async () => {
    const response = await api<CommunityView[]>('police.batken', 'GET', `/communities?filter=${encodeURIComponent(JSON.stringify({ districtCode: 'isfara' }))}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });

  it('should let the reviewer read the aggregate for their region', async () => {
    const response = await api<DistrictReport>('reviewer.sughd', 'GET', '/reports/districts/isfara');
    expect(response.status).toBe(200);
    expect(response.body.communities.total).toBeGreaterThanOrEqual(5);
  });
});

describe('browser-facing protections', () => {
  const preflight = (origin: string) =>
    fetch(`${e2eEnv().gatewayUrl}/communities`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });

  it('should allow CORS for the configured console origin only', async () => {
    const allowed = await preflight(e2eEnv().consoleUrl);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(e2eEnv().consoleUrl);
    const other = await preflight('http://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should send security headers', async () => {
    const response = await fetch(`${e2eEnv().gatewayUrl}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBeTruthy();
  });
});
