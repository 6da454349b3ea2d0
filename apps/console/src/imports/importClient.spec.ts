import { IdempotencyKeys } from '../data/idempotencyKeys';
import { createImportClient } from './importClient';

/** A stand-in for the browser's XMLHttpRequest: records the headers, answers with the next status. */
class FakeXhr {
  static answers: number[] = [];
  static sent: Record<string, string>[] = [];
  status = 0;
  responseText = '';
  readonly upload: { onprogress?: unknown; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  private readonly headers: Record<string, string> = {};
  open(): void {
    // Nothing to open: the fake only records what is sent.
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(): void {
    FakeXhr.sent.push(this.headers);
    const status = FakeXhr.answers.shift() ?? 200;
    if (status === 0) return void this.onerror?.();
    this.status = status;
    this.responseText = '{}';
    this.onload?.();
  }
}

describe(createImportClient.name, () => {
  const realXhr = (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
  beforeEach(() => {
    FakeXhr.answers = [];
    FakeXhr.sent = [];
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FakeXhr;
  });
  afterAll(() => {
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = realXhr;
  });

  const setup = () => {
    let n = 0;
    return createImportClient('http://api', async () => 'token-1', new IdempotencyKeys(() => `key-${(n += 1)}`));
  };

  it('should send the same Idempotency-Key when the same file is sent again after no answer or a 5xx, a new one after a decided answer', async () => {
    const send = setup();
    const file = new Blob(['name\nA\n']);
    FakeXhr.answers = [0, 503, 201, 201];
    await expect(send('history-imports', file, 'text/csv', () => undefined)).rejects.toThrow();
    await send('history-imports', file, 'text/csv', () => undefined);
    await send('history-imports', file, 'text/csv', () => undefined);
    await send('history-imports', file, 'text/csv', () => undefined);
    expect(FakeXhr.sent.map((headers) => headers['Idempotency-Key'])).toEqual(['key-1', 'key-1', 'key-1', 'key-2']);
    expect(FakeXhr.sent[0]).toMatchObject({ Authorization: 'Bearer token-1', 'Content-Type': 'text/csv' });
  });

  it('should key another file or another path as another action', async () => {
    const send = setup();
    const file = new Blob(['a']);
    FakeXhr.answers = [503, 503, 503];
    await send('x/dry-run', file, 'text/csv', () => undefined);
    await send('x', file, 'text/csv', () => undefined);
    await send('x', new Blob(['a']), 'text/csv', () => undefined);
    expect(FakeXhr.sent.map((headers) => headers['Idempotency-Key'])).toEqual(['key-1', 'key-2', 'key-3']);
  });
});
