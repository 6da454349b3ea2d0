import { createHttpClient } from './httpClient';

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

describe(createHttpClient.name, () => {
  const realFetch = global.fetch;
  let sent: Headers[];

  beforeEach(() => {
    sent = [];
    global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
  });

  afterEach(() => {
    global.fetch = realFetch;
  });

  it('should send bodies as JSON with the bearer token by default', async () => {
    const http = createHttpClient(async () => 'token-1');
    await http('http://api.test/x', { method: 'POST', body: '{}' });
    expect(sent[0].get('Content-Type')).toBe('application/json');
    expect(sent[0].get('Authorization')).toBe('Bearer token-1');
  });

  it('should turn a problem+json refusal into an error carrying the message key of its code and its status', async () => {
    global.fetch = jest.fn(async () =>
      new Response(JSON.stringify({ type: 'about:blank', title: 'Unsupported Media Type', status: 415, code: 'sign-in-sheet.invalid', detail: 'The file is not a JPEG, PNG or PDF' }), {
        status: 415,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    ) as typeof fetch;
    const http = createHttpClient(async () => 'token-1');
    await expect(http('http://api.test/x', { method: 'PUT', body: new Blob(['hello']), headers: { 'Content-Type': 'image/png' } })).rejects.toMatchObject({
      message: 'errors.signInSheet.invalid',
      status: 415,
      body: { problem: expect.objectContaining({ detail: 'The file is not a JPEG, PNG or PDF' }) },
    });
  });

  it('should tell a request that got no answer as a network failure (status 0), never as a refusal', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const http = createHttpClient(async () => 'token-1');
    await expect(http('http://api.test/x')).rejects.toMatchObject({ message: 'failures.network', status: 0 });
  });

  it('should keep the type a file upload declares', async () => {
    const http = createHttpClient(async () => 'token-1');
    await http('http://api.test/x', { method: 'PUT', body: new Blob([new Uint8Array([0x89, 0x50])]), headers: { 'Content-Type': 'image/png' } });
    expect(sent[0].get('Content-Type')).toBe('image/png');
  });
});
