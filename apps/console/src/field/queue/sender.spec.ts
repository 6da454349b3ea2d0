import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { resetFieldDbForTests } from '../fieldDb';
import { discardAction, enqueue, getAction, listForMeeting, purgeSent, reviseAction, type NewAction } from './queue';
import { sendQueued, type SendAnswer, type SendRequest, type SenderDeps } from './sender';

const USER = 'user-1';
const M1 = 'meeting-1';
const M2 = 'meeting-2';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetFieldDbForTests();
});

const action = (patch: Partial<NewAction> = {}): NewAction => ({
  userId: USER,
  meetingId: M1,
  kind: 'concern',
  method: 'POST',
  path: `/meetings/${M1}/concerns`,
  body: { topic: 'water' },
  ...patch,
});

/** A fake gateway: answers by a rule, records every request. */
function gateway(answer: (request: SendRequest, index: number) => SendAnswer | Promise<SendAnswer>) {
  const requests: SendRequest[] = [];
  const send = jest.fn(async (request: SendRequest, token: string) => {
    expect(token).toBe('token-1');
    requests.push(request);
    return answer(request, requests.length - 1);
  });
  const deps: SenderDeps = { userId: USER, send, token: () => 'token-1', online: () => true, unseal: async () => null };
  return { requests, deps };
}

const created = (id: string): SendAnswer => ({ status: 201, body: { id } });

describe('sendQueued', () => {
  it('sends waiting actions one at a time in the order they were taken, each with its own key, and drops the bodies', async () => {
    const first = await enqueue(action({ kind: 'held', path: `/meetings/${M1}/transitions`, body: { to: 'held' } }));
    const second = await enqueue(action({ meetingId: M2, path: `/meetings/${M2}/concerns` }));
    const third = await enqueue(action());
    const { requests, deps } = gateway((_request, index) => created(`c-${index}`));

    expect(await sendQueued(deps)).toEqual({ run: 'done', sent: 3, refused: 0, needsPin: 0 });

    expect(requests.map((r) => r.path)).toEqual([`/meetings/${M1}/transitions`, `/meetings/${M2}/concerns`, `/meetings/${M1}/concerns`]);
    const keys = requests.map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    for (const seq of [first, second, third]) {
      const sent = await getAction(seq);
      expect(sent?.state).toBe('sent');
      expect(sent?.body).toBeUndefined();
      expect(sent?.sentAt).toEqual(expect.any(Number));
    }
    expect((await getAction(third))?.result).toEqual({ id: 'c-2' });
    // Nothing left: a second run sends nothing.
    expect((await sendQueued(deps)).sent).toBe(0);
    expect(requests).toHaveLength(3);
  });

  it.each([
    ['no answer', { status: 0 }],
    ['a 503', { status: 503, problem: { code: 'service.unavailable' } }],
    ['a 409 still in progress', { status: 409, problem: { code: 'idempotency.in-progress' } }],
  ])('after %s keeps the action waiting, stops, and retries later with the same key', async (_name, failure) => {
    const first = await enqueue(action());
    await enqueue(action());
    let fail = true;
    const { requests, deps } = gateway(() => (fail ? (failure as SendAnswer) : created('c')));

    expect((await sendQueued(deps)).run).toBe('stopped');
    expect(requests).toHaveLength(1);
    expect((await getAction(first))?.state).toBe('waiting');
    expect((await getAction(first))?.attempts).toBe(1);

    fail = false;
    expect(await sendQueued(deps)).toMatchObject({ run: 'done', sent: 2 });
    expect(requests[1].idempotencyKey).toBe(requests[0].idempotencyKey);
    expect(requests[2].idempotencyKey).not.toBe(requests[0].idempotencyKey);
  });

  it('a thrown network error counts as no answer', async () => {
    const seq = await enqueue(action());
    const { deps } = gateway(() => {
      throw new TypeError('Failed to fetch');
    });
    expect((await sendQueued(deps)).run).toBe('stopped');
    expect((await getAction(seq))?.state).toBe('waiting');
  });

  it('keeps a refused action with the reason, goes on with the others, and lets the user fix or discard it', async () => {
    const refused = await enqueue(action({ body: { topic: '' } }));
    const other = await enqueue(action());
    const { requests, deps } = gateway((request) =>
      (request.body as { topic: string }).topic === ''
        ? { status: 400, problem: { code: 'request.invalid', title: 'Bad Request', detail: 'topic: required' } }
        : created('c'),
    );

    expect(await sendQueued(deps)).toMatchObject({ run: 'done', sent: 1, refused: 1 });
    const kept = await getAction(refused);
    expect(kept).toMatchObject({ state: 'refused', body: { topic: '' }, refusal: { status: 400, code: 'request.invalid', title: 'Bad Request', detail: 'topic: required' } });
    expect((await getAction(other))?.state).toBe('sent');
    // Not sent again by itself.
    await sendQueued(deps);
    expect(requests).toHaveLength(2);

    // Fixed: a new body and a new key, sent on the next run.
    const fixed = await reviseAction(refused, { body: { topic: 'water' } });
    expect(fixed.idempotencyKey).not.toBe(kept?.idempotencyKey);
    expect(fixed.refusal).toBeUndefined();
    expect(await sendQueued(deps)).toMatchObject({ sent: 1 });
    expect(requests[2]).toMatchObject({ body: { topic: 'water' }, idempotencyKey: fixed.idempotencyKey });

    // Discarded by the user: gone from the meeting's list.
    const again = await enqueue(action({ body: { topic: '' } }));
    await sendQueued(deps);
    await discardAction(again);
    expect((await listForMeeting(USER, M1)).map((row) => row.seq)).toEqual([refused, other]);
  });

  it("holds back a meeting's later actions when its 'held' was refused, and sends other meetings' work", async () => {
    await enqueue(action({ kind: 'held', path: `/meetings/${M1}/transitions`, body: { to: 'held' } }));
    const after = await enqueue(action());
    const elsewhere = await enqueue(action({ meetingId: M2, path: `/meetings/${M2}/concerns` }));
    const { requests, deps } = gateway((request) => {
      if (request.path.endsWith('/transitions')) return { status: 409, problem: { code: 'meeting.cancelled' } };
      if (request.method === 'GET') return { status: 200, body: { id: M1, status: 'cancelled' } };
      return created('c');
    });

    expect(await sendQueued(deps)).toMatchObject({ sent: 1, refused: 1 });
    expect((await getAction(after))?.state).toBe('waiting');
    expect((await getAction(elsewhere))?.state).toBe('sent');
    expect(requests.filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual([`/meetings/${M1}/transitions`, `/meetings/${M2}/concerns`]);
  });

  it("counts a refused 'held' as done when the meeting was marked held meanwhile, and sends what follows", async () => {
    const held = await enqueue(action({ kind: 'held', path: `/meetings/${M1}/transitions`, body: { to: 'held' } }));
    const after = await enqueue(action());
    const { deps } = gateway((request) => {
      if (request.path.endsWith('/transitions')) return { status: 409, problem: { code: 'meeting.invalid-transition' } };
      if (request.method === 'GET') return { status: 200, body: { id: M1, status: 'held' } };
      return created('c');
    });
    expect(await sendQueued(deps)).toMatchObject({ sent: 2, refused: 0 });
    expect((await getAction(held))?.result).toEqual({ note: 'already-held' });
    expect((await getAction(after))?.state).toBe('sent');
  });

  it('sends an action on a concern recorded offline to the id the gateway gave the concern', async () => {
    const concern = await enqueue(action());
    await enqueue(action({ kind: 'action', path: '/concerns/{ref}/actions', dependsOn: concern, body: { description: 'fix the lamp' } }));
    const { requests, deps } = gateway((_request, index) => created(index === 0 ? 'concern-9' : 'action-1'));
    expect(await sendQueued(deps)).toMatchObject({ sent: 2 });
    expect(requests[1].path).toBe('/concerns/concern-9/actions');
  });

  it('an action whose concern was discarded is refused, never sent to a guessed place', async () => {
    const concern = await enqueue(action());
    const dependent = await enqueue(action({ kind: 'action', path: '/concerns/{ref}/actions', dependsOn: concern }));
    await discardAction(concern);
    const { requests, deps } = gateway(() => created('x'));
    expect(await sendQueued(deps)).toMatchObject({ refused: 1 });
    expect(requests).toHaveLength(0);
    expect((await getAction(dependent))?.refusal?.code).toBe('field.dependency-discarded');
  });

  it('sends nothing offline or without a valid token, and stops at a 401 with the action waiting', async () => {
    const seq = await enqueue(action());
    const { requests, deps } = gateway(() => ({ status: 401, problem: { code: 'auth.unauthenticated' } }));

    expect((await sendQueued({ ...deps, online: () => false })).run).toBe('offline');
    expect((await sendQueued({ ...deps, token: async () => null })).run).toBe('needs-sign-in');
    expect(requests).toHaveLength(0);

    expect((await sendQueued(deps)).run).toBe('needs-sign-in');
    expect(await getAction(seq)).toMatchObject({ state: 'waiting' });
  });

  it('a second trigger while a run is going joins it instead of sending twice', async () => {
    await enqueue(action());
    const { requests, deps } = gateway(() => created('c'));
    const [a, b] = await Promise.all([sendQueued(deps), sendQueued(deps)]);
    expect(a).toBe(b);
    expect(requests).toHaveLength(1);
  });

  it("retries an action left 'sending' by a closed page with the same key", async () => {
    const seq = await enqueue(action());
    const { putAction } = await import('./queue');
    const before = await getAction(seq);
    await putAction({ ...(before as NonNullable<typeof before>), state: 'sending' });
    const { requests, deps } = gateway(() => created('c'));
    await sendQueued(deps);
    expect(requests[0].idempotencyKey).toBe(before?.idempotencyKey);
  });
});

describe('the attendance conflict rule', () => {
  const attendance = (recordedAt: string | null, total = 30) =>
    action({ kind: 'attendance', method: 'PUT', path: `/meetings/${M1}/attendance`, body: { total }, precondition: { recordedAt } });

  it('sends when the server still has what the pack saw (nothing, then our own write)', async () => {
    await enqueue(attendance(null, 30));
    await enqueue(attendance(null, 31));
    let stored: { recordedAt: string } | null = null;
    const { requests, deps } = gateway((request, index) => {
      if (request.method === 'GET') return stored ? { status: 200, body: stored } : { status: 404, problem: { code: 'resource.not-found' } };
      stored = { recordedAt: `2026-12-01T10:0${index}:00.000Z` };
      return { status: 200, body: stored };
    });
    expect(await sendQueued(deps)).toMatchObject({ sent: 2, refused: 0 });
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET', 'PUT']);
  });

  it('does not overwrite attendance someone changed since the pack was taken: both versions wait for the user', async () => {
    const seq = await enqueue(attendance('2026-12-01T09:00:00.000Z'));
    const theirs = { recordedAt: '2026-12-01T11:00:00.000Z', total: 12 };
    const { requests, deps } = gateway((request) => (request.method === 'GET' ? { status: 200, body: theirs } : { status: 200, body: theirs }));

    expect(await sendQueued(deps)).toMatchObject({ sent: 0, refused: 1 });
    expect(requests.map((r) => r.method)).toEqual(['GET']);
    expect(await getAction(seq)).toMatchObject({ state: 'refused', refusal: { code: 'field.changed-meanwhile' }, conflict: { theirs }, body: { total: 30 } });

    // The user keeps theirs by discarding, or sends ours over it:
    await reviseAction(seq, { force: true });
    expect(await sendQueued(deps)).toMatchObject({ sent: 1 });
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
  });
});

describe('purgeSent', () => {
  it('removes sent records older than the limit and never a waiting or refused one', async () => {
    const old = await enqueue(action());
    const { deps } = gateway(() => created('c'));
    await sendQueued({ ...deps, now: () => 1_000 });
    const waiting = await enqueue(action());
    expect(await purgeSent(USER, 2_000)).toBe(1);
    expect(await getAction(old)).toBeUndefined();
    expect((await getAction(waiting))?.state).toBe('waiting');
  });
});
