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

  it('should key districts by code and reports by district code', async () => {
    const districts = setup({ json: [{ code: 'isfara' }], headers: { 'Content-Range': 'districts 0-0/1' } });
    expect((await districts.sut.getList('districts', {})).data[0].id).toBe('isfara');
    // No GET /districts/:code on the gateway: one district comes from the list.
    expect((await districts.sut.getOne('districts', { id: 'isfara' })).data.code).toBe('isfara');
    expect(new URL(districts.mocks.calls[1].url).pathname).toBe('/api/v1/districts');
    await expect(districts.sut.getOne('districts', { id: 'batken' })).rejects.toMatchObject({ status: 404 });

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
