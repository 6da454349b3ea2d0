import { createFetchSend } from './fetchSend';

const API = 'https://gw.example/api/v1';

function fakeFetch(response: Response | Error) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (response instanceof Error) throw response;
    return response;
  }) as unknown as typeof fetch;
  return { calls, fetcher };
}

describe('createFetchSend', () => {
  it("sends JSON with the bearer token and the action's own Idempotency-Key, and returns the 2xx body", async () => {
    const { calls, fetcher } = fakeFetch(new Response(JSON.stringify({ id: 'c-1' }), { status: 201 }));
    const answer = await createFetchSend(API, fetcher)({ method: 'POST', path: '/meetings/m/concerns', body: { topic: 'water' }, idempotencyKey: 'k-123' }, 'tok');
    expect(answer).toEqual({ status: 201, body: { id: 'c-1' } });
    const headers = new Headers(calls[0].init.headers);
    expect(calls[0].url).toBe(`${API}/meetings/m/concerns`);
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.get('Idempotency-Key')).toBe('k-123');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(calls[0].init.body).toBe('{"topic":"water"}');
  });

  it('sends a file as its raw bytes', async () => {
    const { calls, fetcher } = fakeFetch(new Response('{}', { status: 200 }));
    const file = new Blob([new Uint8Array([0xff, 0xd8, 0xff])]);
    await createFetchSend(API, fetcher)({ method: 'PUT', path: 'meetings/m/attendance/sign-in-sheet', file, idempotencyKey: 'k' }, 'tok');
    expect(calls[0].url).toBe(`${API}/meetings/m/attendance/sign-in-sheet`);
    expect(new Headers(calls[0].init.headers).get('Content-Type')).toBe('application/octet-stream');
    expect(calls[0].init.body).toBe(file);
  });

  it("returns the problem's code, title and detail of a refusal, and status 0 when there is no answer", async () => {
    const problem = { type: 'x', title: 'Conflict', status: 409, code: 'meeting.cancelled', detail: 'Meeting was cancelled' };
    const refused = fakeFetch(new Response(JSON.stringify(problem), { status: 409 }));
    expect(await createFetchSend(API, refused.fetcher)({ method: 'POST', path: '/x' }, 't')).toEqual({
      status: 409,
      problem: { code: 'meeting.cancelled', title: 'Conflict', detail: 'Meeting was cancelled' },
    });
    const down = fakeFetch(new TypeError('Failed to fetch'));
    expect(await createFetchSend(API, down.fetcher)({ method: 'POST', path: '/x' }, 't')).toEqual({ status: 0 });
  });
});
