import { createDataProvider } from './dataProvider';
import { createHttpClient } from './httpClient';
import { IdempotencyKeys } from './idempotencyKeys';

// react-admin's bundle is ESM the unit runner does not load; only its HttpError class is used here.
jest.mock('react-admin', () => ({
  HttpError: class HttpError extends Error {
    constructor(
      message: string,
      readonly status: number,
      readonly body?: unknown,
    ) {
      super(message);
    }
  },
}));

describe(IdempotencyKeys.name, () => {
  const realFetch = global.fetch;
  let sent: Headers[];
  let answers: Array<number | 'network'>;

  const setup = () => {
    let n = 0;
    const http = createHttpClient(async () => 'token-1', new IdempotencyKeys(() => `key-${(n += 1)}`));
    return { http };
  };

  beforeEach(() => {
    sent = [];
    answers = [];
    global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      const answer = answers.shift() ?? 201;
      if (answer === 'network') throw new TypeError('Failed to fetch');
      const body = answer < 400 ? '{"id":"1"}' : JSON.stringify({ title: 'x', status: answer, detail: 'failed' });
      return new Response(body, { status: answer, headers: { 'Content-Type': answer < 400 ? 'application/json' : 'application/problem+json' } });
    }) as typeof fetch;
  });

  afterEach(() => {
    global.fetch = realFetch;
  });

  const post = (http: ReturnType<typeof setup>['http'], body = '{"topic":"water"}') =>
    http('http://api.test/meetings/m1/concerns', { method: 'POST', body }).catch((error: { status: number }) => error.status);

  it('should send a fresh key with each write and none with a read', async () => {
    const { http } = setup();
    await post(http);
    await post(http);
    await http('http://api.test/meetings/m1/concerns');
    expect(sent.map((h) => h.get('Idempotency-Key'))).toEqual(['key-1', 'key-2', null]);
  });

  it.each([503, 500, 409, 'network'] as const)('should reuse the key when the same write is retried after %s', async (failure) => {
    const { http } = setup();
    answers = [failure, 201, 201];
    await post(http);
    await post(http); // the Retry button: same action, same body
    await post(http); // a new action after the success
    expect(sent.map((h) => h.get('Idempotency-Key'))).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('should use a new key after a decided refusal, for another body, and for a PATCH or PUT of its own', async () => {
    const { http } = setup();
    answers = [422, 503, 201];
    await post(http);
    await post(http);
    await post(http, '{"topic":"pasture"}');
    await http('http://api.test/communities/c1', { method: 'PATCH', body: '{}' });
    expect(sent.map((h) => h.get('Idempotency-Key'))).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
  });

  it('should reuse the key of a file upload retried with the same file, and keep a key the caller chose', async () => {
    const { http } = setup();
    answers = [503, 201];
    const file = new Blob(['scan']);
    const put = () => http('http://api.test/meetings/m1/sign-in-sheet', { method: 'PUT', body: file, headers: { 'Content-Type': 'image/png' } }).catch(() => undefined);
    await put();
    await put();
    await http('http://api.test/x', { method: 'POST', body: '{}', headers: { 'Idempotency-Key': 'from-the-offline-queue' } });
    expect(sent.map((h) => h.get('Idempotency-Key'))).toEqual(['key-1', 'key-1', 'from-the-offline-queue']);
  });

  it('should key every user administration write, and reuse the key when a disable is retried after a 503', async () => {
    const { http } = setup();
    const data = createDataProvider('http://api.test/api/v1', http);
    answers = [201, 200, 503, 200, 200, 202];
    await data.create('users', { data: { email: 'new@example.org', role: 'police-officer' } });
    await data.update('users', { id: 'u1', data: { firstName: 'Aziz' }, previousData: { id: 'u1' } });
    await data.apiCall('POST', 'users/u1/disable', {}).catch(() => undefined);
    await data.apiCall('POST', 'users/u1/disable', {}); // the Retry: same action
    await data.apiCall('POST', 'users/u1/enable', {});
    await data.apiCall('POST', 'users/u1/reset-credentials', {});
    expect(sent.map((h) => h.get('Idempotency-Key'))).toEqual(['key-1', 'key-2', 'key-3', 'key-3', 'key-4', 'key-5']);
  });
});
