import { AsyncLocalStorage } from 'node:async_hooks';

export interface LateReplyScope {
  /** How long an RPC keeps waiting in the background (IDEMPOTENCY_LATE_REPLY_MS). */
  lateReplyMs: number;
  /** When the client is answered 503 without it (RPC_TIMEOUT_MS, or the longer timeout a route asks for). */
  answerDeadlineMs: number;
  /** Called when one RPC passed its answer deadline: the client gets its 503 now, the RPC goes on. */
  onSlow: () => void;
  /** The key's record key (a hash of user, method, path and key): sent with the write's commands (HEADER_IDEMPOTENCY_KEY). */
  requestKey?: string;
}

/**
 * Set while a write with an Idempotency-Key runs: its RPCs keep waiting after the client got its 503, so the
 * service's late answer is still seen and recorded under the key (docs/adr/0029-idempotency-keys.md).
 */
export const lateReplyScope = new AsyncLocalStorage<LateReplyScope>();

/** Runs one RPC of a keyed write: `send(timeoutMs)` with the long timeout, `onSlow` once the usual one passed. */
export async function withLateReply<T>(routeTimeoutMs: number | undefined, send: (timeoutMs: number | undefined) => Promise<T>): Promise<T> {
  const scope = lateReplyScope.getStore();
  if (!scope) return send(routeTimeoutMs);
  const deadline = routeTimeoutMs ?? scope.answerDeadlineMs;
  const timer = setTimeout(scope.onSlow, deadline);
  try {
    return await send(Math.max(deadline, scope.lateReplyMs));
  } finally {
    clearTimeout(timer);
  }
}
