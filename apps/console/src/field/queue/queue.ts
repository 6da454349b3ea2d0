import { fieldDb, type QueuedAction } from '../fieldDb';

/** What a hold form hands over; the queue adds the order, the key, the state and the time. */
export type NewAction = Pick<QueuedAction, 'userId' | 'meetingId' | 'kind' | 'method' | 'path'> &
  Partial<Pick<QueuedAction, 'body' | 'sealed' | 'file' | 'summary' | 'dependsOn' | 'precondition' | 'confidential'>>;

/** A fresh `Idempotency-Key` (a random UUID: the gateway wants 16 to 255 characters, ADR 29). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const listeners = new Set<() => void>();

/** Called after every change to the queue, so the indicator and the lists read it again. */
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function queueChanged(): void {
  for (const listener of [...listeners]) listener();
}

/** Stores one action to send later, with its own key; returns its place in the order (`seq`). */
export async function enqueue(action: NewAction, now: () => number = Date.now): Promise<number> {
  const db = await fieldDb();
  const seq = await db.add('queue', { ...action, idempotencyKey: newIdempotencyKey(), state: 'waiting', createdAt: now() });
  queueChanged();
  return seq;
}

export async function getAction(seq: number): Promise<QueuedAction | undefined> {
  return (await fieldDb()).get('queue', seq);
}

/** A meeting's actions of this user, in the order they were taken. */
export async function listForMeeting(userId: string, meetingId: string): Promise<QueuedAction[]> {
  const rows = await (await fieldDb()).getAllFromIndex('queue', 'byMeeting', meetingId);
  return rows.filter((row) => row.userId === userId).sort(bySeq);
}

/** Every action of this user, in order (the sender's worklist, the indicator's count). */
export async function listForUser(userId: string): Promise<QueuedAction[]> {
  const rows = await (await fieldDb()).getAll('queue');
  return rows.filter((row) => row.userId === userId).sort(bySeq);
}

export const bySeq = (a: QueuedAction, b: QueuedAction) => (a.seq ?? 0) - (b.seq ?? 0);

/** Writes a changed action back (the sender's state changes). */
export async function putAction(action: QueuedAction): Promise<void> {
  await (await fieldDb()).put('queue', action);
  queueChanged();
}

/**
 * A refused (or conflicting) action sent again, as fixed by the user: a new body (and sealed part) if given, and a
 * new key either way, because the gateway decided the old one. `force` drops the attendance precondition: the user
 * saw the server's newer record and chose to replace it.
 */
export async function reviseAction(
  seq: number,
  change: { body?: unknown; sealed?: QueuedAction['sealed']; force?: boolean } = {},
): Promise<QueuedAction> {
  const db = await fieldDb();
  const action = await db.get('queue', seq);
  if (!action) throw new Error(`queued action ${seq} not found`);
  if (action.state !== 'refused') throw new Error(`queued action ${seq} is ${action.state}, not refused`);
  const next: QueuedAction = { ...action, state: 'waiting', idempotencyKey: newIdempotencyKey(), attempts: 0 };
  delete next.refusal;
  delete next.conflict;
  if ('body' in change) next.body = change.body;
  if ('sealed' in change) next.sealed = change.sealed;
  if (change.force) delete next.precondition;
  await db.put('queue', next);
  queueChanged();
  return next;
}

/** The user throws an action away (never the sender): it and its sealed text leave the device. */
export async function discardAction(seq: number): Promise<void> {
  const db = await fieldDb();
  const action = await db.get('queue', seq);
  if (action?.state === 'sending') throw new Error(`queued action ${seq} is being sent`);
  await db.delete('queue', seq);
  queueChanged();
}

/** Sent records older than `before` leave the device (they hold no body, only what the day's list showed). */
export async function purgeSent(userId: string, before: number): Promise<number> {
  const db = await fieldDb();
  const old = (await listForUser(userId)).filter((row) => row.state === 'sent' && (row.sentAt ?? 0) < before);
  for (const row of old) await db.delete('queue', row.seq as number);
  if (old.length) queueChanged();
  return old.length;
}
