import type { QueuedAction } from '../fieldDb';
import { summarize } from './summary';

const row = (state: QueuedAction['state'], patch: Partial<QueuedAction> = {}): QueuedAction => ({
  userId: 'u',
  meetingId: 'm',
  kind: 'concern',
  method: 'POST',
  path: '/meetings/m/concerns',
  idempotencyKey: 'k',
  createdAt: 0,
  state,
  ...patch,
});
const base = { online: true, sending: false, lastRun: null, unlocked: true };

describe('summarize', () => {
  it('says offline with the number waiting, then waiting once online, then all sent', () => {
    const waiting = [row('waiting'), row('waiting'), row('sent')];
    expect(summarize({ ...base, actions: waiting, online: false })).toMatchObject({ state: 'offline', waiting: 2, sent: 1, online: false });
    expect(summarize({ ...base, actions: waiting })).toMatchObject({ state: 'waiting', waiting: 2 });
    expect(summarize({ ...base, actions: [row('sent')] })).toMatchObject({ state: 'all-sent', waiting: 0 });
    expect(summarize({ ...base, actions: [] }).state).toBe('all-sent');
  });

  it('says sending while a run goes', () => {
    expect(summarize({ ...base, actions: [row('sending')], sending: true }).state).toBe('sending');
  });

  it('needs attention for a refusal, a sign-in or the PIN, even offline', () => {
    expect(summarize({ ...base, actions: [row('refused')], online: false })).toMatchObject({ state: 'attention', reasons: ['refused'], online: false });
    expect(summarize({ ...base, actions: [row('waiting')], lastRun: 'needs-sign-in' }).reasons).toEqual(['sign-in']);
    const sealed = row('waiting', { sealed: { iv: [], data: new ArrayBuffer(0), field: 'text' } });
    expect(summarize({ ...base, actions: [sealed], unlocked: false }).reasons).toEqual(['pin']);
    expect(summarize({ ...base, actions: [sealed] }).state).toBe('waiting');
  });
});
