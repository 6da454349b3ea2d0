import type { QueuedAction } from '../fieldDb';
import { getAction, listForUser, putAction } from './queue';

/** One HTTP request to the gateway, path below the API base (`/meetings/{id}/attendance`). */
export interface SendRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
  file?: Blob;
  idempotencyKey?: string;
}

export interface SendProblem {
  code?: string;
  title?: string;
  detail?: string;
}

/** status 0: no answer (network down). `body` is the JSON answer of a 2xx, `problem` the problem+json of a refusal. */
export interface SendAnswer {
  status: number;
  body?: unknown;
  problem?: SendProblem;
}

export type Send = (request: SendRequest, token: string) => Promise<SendAnswer>;

export interface SenderDeps {
  userId: string;
  send: Send;
  /** A valid access token, or null when a fresh sign-in is needed (offline boot, expired session). */
  token: () => string | null | Promise<string | null>;
  online?: () => boolean;
  /** Opens a sealed part; null while the vault is locked (the PIN is asked again after a restart). */
  unseal: (userId: string, sealed: NonNullable<QueuedAction['sealed']>) => Promise<Record<string, unknown> | null>;
  now?: () => number;
}

export type SendRun = 'offline' | 'needs-sign-in' | 'stopped' | 'done';

export interface SendOutcome {
  run: SendRun;
  sent: number;
  refused: number;
  /** Sealed actions left waiting because the vault is locked. */
  needsPin: number;
}

/** Answers whose outcome is unknown: the action stays waiting and goes again later with the same key (ADR 29). */
function outcomeUnknown(answer: SendAnswer): boolean {
  const { status } = answer;
  if (status === 0 || status === 408 || status === 429 || status >= 500) return true;
  return status === 409 && answer.problem?.code === 'idempotency.in-progress';
}

let running: Promise<SendOutcome> | undefined;

/**
 * Sends this user's waiting actions one at a time in the order they were taken, each with its own key. Only one run
 * at a time in this page (a second trigger joins the first); across tabs the keys keep a double send harmless.
 */
export function sendQueued(deps: SenderDeps): Promise<SendOutcome> {
  running ??= run(deps).finally(() => {
    running = undefined;
  });
  return running;
}

async function run(deps: SenderDeps): Promise<SendOutcome> {
  const outcome: SendOutcome = { run: 'done', sent: 0, refused: 0, needsPin: 0 };
  if (deps.online && !deps.online()) return { ...outcome, run: 'offline' };
  const token = await deps.token();
  if (!token) return { ...outcome, run: 'needs-sign-in' };
  const now = deps.now ?? Date.now;

  // Meetings whose 'held' was refused: what follows on them waits (it would be refused as not held).
  const blockedMeetings = new Set<string>();
  for (const listed of await listForUser(deps.userId)) {
    if (listed.state === 'refused' && listed.kind === 'held') blockedMeetings.add(listed.meetingId);
    // 'sending' left by a closed page counts as waiting: its key makes the second try safe.
    if (listed.state !== 'waiting' && listed.state !== 'sending') continue;
    const action = await getAction(listed.seq as number);
    if (!action || (action.state !== 'waiting' && action.state !== 'sending')) continue;
    if (blockedMeetings.has(action.meetingId)) continue;

    const request = await prepare(action, deps);
    if (request === 'wait') continue;
    if (request === 'needs-pin') {
      outcome.needsPin += 1;
      continue;
    }
    if (request === 'refused') {
      outcome.refused += 1;
      continue;
    }

    if (action.precondition) {
      const check = await checkPrecondition(action, deps.send, token);
      if (check === 'unknown') return { ...outcome, run: 'stopped' };
      if (check === 'conflict') {
        outcome.refused += 1;
        continue;
      }
    }

    await putAction({ ...action, state: 'sending' });
    let answer: SendAnswer;
    try {
      answer = await deps.send(request, token);
    } catch {
      answer = { status: 0 };
    }

    if (answer.status === 401) {
      await putAction({ ...action, state: 'waiting' });
      return { ...outcome, run: 'needs-sign-in' };
    }
    if (outcomeUnknown(answer)) {
      await putAction({ ...action, state: 'waiting', attempts: (action.attempts ?? 0) + 1 });
      return { ...outcome, run: 'stopped' };
    }
    if (answer.status >= 200 && answer.status < 300) {
      await markSent(action, answer.body, now());
      outcome.sent += 1;
      continue;
    }
    if (answer.problem?.code === 'idempotency.already-applied') {
      // The gateway says it was done before (its service stopped before answering): nothing to send again.
      await markSent(action, undefined, now(), 'already-applied');
      outcome.sent += 1;
      continue;
    }
    if (action.kind === 'held' && (await alreadyHeld(action, deps.send, token))) {
      // Someone marked it held meanwhile: what this device recorded still belongs to a held meeting.
      await markSent(action, undefined, now(), 'already-held');
      outcome.sent += 1;
      continue;
    }
    await putAction({ ...action, state: 'refused', refusal: { status: answer.status, ...answer.problem } });
    outcome.refused += 1;
    if (action.kind === 'held') blockedMeetings.add(action.meetingId);
  }
  return outcome;
}

/** The request to send, or why not now: a dependency not sent yet, a locked vault, a dependency that will never be. */
async function prepare(action: QueuedAction, deps: SenderDeps): Promise<SendRequest | 'wait' | 'needs-pin' | 'refused'> {
  let path = action.path;
  if (action.dependsOn !== undefined) {
    const dependency = await getAction(action.dependsOn);
    if (!dependency || (dependency.state === 'sent' && !dependency.result?.id)) {
      await putAction({
        ...action,
        state: 'refused',
        refusal: { status: 0, code: dependency ? 'field.dependency-unknown' : 'field.dependency-discarded' },
      });
      return 'refused';
    }
    if (dependency.state !== 'sent') return 'wait';
    path = path.replace('{ref}', encodeURIComponent(dependency.result?.id as string));
  }
  let body = action.body;
  if (action.sealed) {
    const opened = await deps.unseal(action.userId, action.sealed);
    if (!opened) return 'needs-pin';
    body = { ...(body as Record<string, unknown>), ...opened };
  }
  return { method: action.method, path, body, file: action.file, idempotencyKey: action.idempotencyKey };
}

/**
 * The conflict rule for whole-record writes (attendance, ADR 47): sent only if the server's record is the one the pack
 * saw; otherwise the action waits for the user with both versions.
 */
async function checkPrecondition(action: QueuedAction, send: Send, token: string): Promise<'ok' | 'conflict' | 'unknown'> {
  let answer: SendAnswer;
  try {
    answer = await send({ method: 'GET', path: action.path }, token);
  } catch {
    return 'unknown';
  }
  let theirs: { recordedAt?: string } | null;
  if (answer.status === 404) theirs = null;
  else if (answer.status >= 200 && answer.status < 300) theirs = (answer.body ?? {}) as { recordedAt?: string };
  else if (outcomeUnknown(answer) || answer.status === 401) return 'unknown';
  else return 'ok'; // another refusal: the write itself will be refused with its reason
  const seen = action.precondition?.recordedAt ?? null;
  if ((theirs?.recordedAt ?? null) === seen) return 'ok';
  await putAction({
    ...action,
    state: 'refused',
    refusal: { status: 409, code: 'field.changed-meanwhile' },
    conflict: { theirs },
  });
  return 'conflict';
}

async function alreadyHeld(action: QueuedAction, send: Send, token: string): Promise<boolean> {
  try {
    const answer = await send({ method: 'GET', path: `/meetings/${encodeURIComponent(action.meetingId)}` }, token);
    return answer.status === 200 && (answer.body as { status?: string } | undefined)?.status === 'held';
  } catch {
    return false;
  }
}

/** Sent: the record stays (the list shows it) without its body, file or sealed text; later attendance compares with ours. */
async function markSent(action: QueuedAction, body: unknown, sentAt: number, note?: string): Promise<void> {
  const answer = (body ?? {}) as { id?: unknown; recordedAt?: unknown };
  const result: NonNullable<QueuedAction['result']> = {};
  if (typeof answer.id === 'string') result.id = answer.id;
  if (typeof answer.recordedAt === 'string') result.recordedAt = answer.recordedAt;
  if (note) result.note = note;
  const sent: QueuedAction = { ...action, state: 'sent', sentAt, result };
  delete sent.body;
  delete sent.file;
  delete sent.sealed;
  delete sent.precondition;
  delete sent.refusal;
  delete sent.conflict;
  await putAction(sent);
  if (action.precondition && result.recordedAt) {
    // Our own write is now the server's record: a later attendance of this meeting compares with it.
    for (const later of await listForUser(action.userId)) {
      if (later.meetingId === action.meetingId && later.kind === action.kind && later.state === 'waiting' && later.precondition) {
        await putAction({ ...later, precondition: { recordedAt: result.recordedAt } });
      }
    }
  }
}
