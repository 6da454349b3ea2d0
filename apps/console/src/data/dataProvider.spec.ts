import { createDataProvider, totalFromContentRange } from './dataProvider';
import type { HttpClient } from './httpClient';

function setup(reply: { json: unknown; headers?: Record<string, string> }) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const http = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return { status: 200, headers: new Headers(reply.headers), json: reply.json };
  }) as HttpClient;
  return { sut: createDataProvider('http://api.test/api/v1', http), mocks: { calls } };
}

describe(createDataProvider.name, () => {
  it('should list with simple-rest sort, range and filter and read the total from Content-Range', async () => {
    const { sut, mocks } = setup({
      json: [{ id: 'c1', name: 'Khoja Alo' }],
      headers: { 'Content-Range': 'communities 0-24/42' },
    });
    const result = await sut.getList('communities', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: { districtCode: 'isfara' },
    });
    const url = new URL(mocks.calls[0].url);
    expect(url.pathname).toBe('/api/v1/communities');
    expect(url.searchParams.get('sort')).toBe('["name","ASC"]');
    expect(url.searchParams.get('range')).toBe('[0,24]');
    expect(url.searchParams.get('filter')).toBe('{"districtCode":"isfara"}');
    expect(result.total).toBe(42);
  });

  it('should list follow-up actions across meetings from /actions, "mine" as a filter', async () => {
    const { sut, mocks } = setup({ json: [{ id: 'a1', meetingId: 'm1' }], headers: { 'Content-Range': 'actions 0-9/1' } });
    const result = await sut.getList('actions', { pagination: { page: 1, perPage: 10 }, sort: { field: 'dueDate', order: 'ASC' }, filter: { mine: true } });
    const url = new URL(mocks.calls[0].url);
    expect([url.pathname, url.searchParams.get('filter')]).toEqual(['/api/v1/actions', '{"mine":true}']);
    expect(result.data.map((row) => row.id)).toEqual(['a1']);
  });

  it('should list the concerns register from /concerns and hand the withheld counts to the list as meta', async () => {
    const hidden = '{"public":0,"restricted":1,"confidential":2}';
    const { sut, mocks } = setup({ json: [{ id: 'c1', meetingId: 'm1' }], headers: { 'Content-Range': 'concerns 0-0/1', 'X-Hidden-Concerns': hidden } });
    const result = await sut.getList('concerns', { pagination: { page: 1, perPage: 25 }, sort: { field: 'raisedAt', order: 'DESC' }, filter: { status: 'open' } });
    expect(new URL(mocks.calls[0].url).pathname).toBe('/api/v1/concerns');
    expect((result as { meta?: unknown }).meta).toEqual({ hiddenConcerns: hidden });
  });

  it('should key districts by code and reports by district code', async () => {
    const districts = setup({ json: [{ code: 'isfara' }], headers: { 'Content-Range': 'districts 0-0/1' } });
    expect((await districts.sut.getList('districts', {})).data[0].id).toBe('isfara');
    const { data: many } = await districts.sut.getMany('districts', { ids: ['isfara', 'batken'] });
    expect(many.map((row) => row.id)).toEqual(['isfara']);
    expect(new URL(districts.mocks.calls[1].url).pathname).toBe('/api/v1/districts');

    const reports = setup({ json: { districtCode: 'isfara', communities: { total: 0, byStatus: {} } } });
    const { data } = await reports.sut.getOne('reports', { id: 'isfara' });
    expect(reports.mocks.calls[0].url).toBe('http://api.test/api/v1/reports/districts/isfara');
    expect(data.id).toBe('isfara');
  });

  it('should POST the create body as JSON', async () => {
    const { sut, mocks } = setup({ json: { id: 'c2', name: 'Somonien' } });
    await sut.create('communities', { data: { name: 'Somonien' } });
    expect(mocks.calls[0].init).toMatchObject({ method: 'POST', body: '{"name":"Somonien"}' });
  });

  it('should PATCH the edit body to the record', async () => {
    const { sut, mocks } = setup({ json: { id: 'c1', name: 'Khoja Alo' } });
    await sut.update('communities', { id: 'c1', data: { name: 'Khoja Alo' }, previousData: { id: 'c1' } });
    expect(mocks.calls[0].url).toBe('http://api.test/api/v1/communities/c1');
    expect(mocks.calls[0].init).toMatchObject({ method: 'PATCH', body: '{"name":"Khoja Alo"}' });
  });

  it('should read one district or region by code', async () => {
    const district = setup({ json: { code: 'isfara', regionCode: 'sughd' } });
    expect((await district.sut.getOne('districts', { id: 'isfara' })).data.id).toBe('isfara');
    expect(district.mocks.calls[0].url).toBe('http://api.test/api/v1/districts/isfara');
  });

  it('should key regions by code', async () => {
    const { sut, mocks } = setup({ json: { code: 'sughd', name: { en: 'Sughd' } } });
    expect((await sut.getOne('regions', { id: 'sughd' })).data.id).toBe('sughd');
    expect(mocks.calls[0].url).toBe('http://api.test/api/v1/regions/sughd');
  });

  it('should get many organisations in one request filtered by ids', async () => {
    const { sut, mocks } = setup({ json: [{ id: 'o1' }, { id: 'o2' }], headers: { 'Content-Range': 'organisations 0-1/2' } });
    const { data } = await sut.getMany('organisations', { ids: ['o1', 'o2'] });
    expect(data.map((row) => row.id)).toEqual(['o1', 'o2']);
    expect(mocks.calls).toHaveLength(1);
    expect(new URL(mocks.calls[0].url).searchParams.get('filter')).toBe('{"id":["o1","o2"]}');
  });

  it('should name many users through one directory request filtered by ids (the names of a screen, batched)', async () => {
    const { sut, mocks } = setup({ json: [{ id: 'u1', name: 'Aziz Karimov' }], headers: { 'Content-Range': 'directory 0-0/1' } });
    const { data } = await sut.getMany('directory', { ids: ['u1', 'u2'] });
    expect(data).toEqual([{ id: 'u1', name: 'Aziz Karimov' }]);
    expect(mocks.calls).toHaveLength(1);
    const url = new URL(mocks.calls[0].url);
    expect(url.pathname).toBe('/api/v1/directory');
    expect(url.searchParams.get('filter')).toBe('{"id":["u1","u2"]}');
  });

  it('should POST a transition and an erasure to their action routes', async () => {
    const { sut, mocks } = setup({ json: { id: 'c1', status: 'onboarding' } });
    await sut.transitionCommunity('c1', { to: 'onboarding', reason: 'focal point found' });
    expect(mocks.calls[0].url).toBe('http://api.test/api/v1/communities/c1/transitions');
    expect(mocks.calls[0].init).toMatchObject({ method: 'POST', body: '{"to":"onboarding","reason":"focal point found"}' });
    await sut.eraseContact('p1');
    expect(mocks.calls[1].url).toBe('http://api.test/api/v1/contacts/p1/erase');
    expect(mocks.calls[1].init).toMatchObject({ method: 'POST', body: '{}' });
  });

  it('should call any gateway path and hand back the response headers (e.g. X-Hidden-Concerns)', async () => {
    const { sut, mocks } = setup({ json: [], headers: { 'X-Hidden-Concerns': '{"confidential":1}' } });
    const { json, headers } = await sut.apiCall('GET', '/meetings/m1/concerns?range=[0,9]');
    expect(json).toEqual([]);
    expect(headers.get('X-Hidden-Concerns')).toBe('{"confidential":1}');
    expect(mocks.calls[0].url).toBe('http://api.test/api/v1/meetings/m1/concerns?range=[0,9]');
    await sut.apiCall('POST', 'actions/a1/transitions', { to: 'done', note: 'ok' });
    expect(mocks.calls[1].init).toEqual({ method: 'POST', body: '{"to":"done","note":"ok"}' });
  });

  it('should give the full URL of a gateway path as a promise (react-admin calls .then on every method)', async () => {
    const { sut, mocks } = setup({ json: {} });
    await expect(sut.absoluteUrl('/calendar/feeds/x.ics')).resolves.toBe('http://api.test/api/v1/calendar/feeds/x.ics');
    expect(mocks.calls).toEqual([]);
  });

  it('should PUT a file as its own bytes with the declared type, not as JSON', async () => {
    const { sut, mocks } = setup({ json: { sizeBytes: 2 } });
    const file = new Blob([new Uint8Array([0x89, 0x50])]);
    await expect(sut.putFile('/meetings/m1/attendance/sign-in-sheet', file, 'application/octet-stream')).resolves.toEqual({ sizeBytes: 2 });
    expect(mocks.calls[0].url).toBe('http://api.test/api/v1/meetings/m1/attendance/sign-in-sheet');
    expect(mocks.calls[0].init).toEqual({ method: 'PUT', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
  });

  it('should refuse what the gateway does not offer', async () => {
    const { sut } = setup({ json: {} });
    await expect(sut.delete('communities', { id: 'c1' })).rejects.toThrow('app.errors.unsupported');
  });
});

describe(totalFromContentRange.name, () => {
  it('should read the total, including for an empty page', () => {
    expect(totalFromContentRange('communities 0-24/42', 'communities')).toBe(42);
    expect(totalFromContentRange('communities */0', 'communities')).toBe(0);
  });

  it('should explain a missing header (usually CORS not exposing it)', () => {
    expect(() => totalFromContentRange(null, 'communities')).toThrow(/Content-Range/);
  });
});
