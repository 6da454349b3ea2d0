import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Set while a keyed write runs: its RPCs wait `timeoutMs` (IDEMPOTENCY_LATE_REPLY_MS) instead of RPC_TIMEOUT_MS,
 * so a reply that comes after the client got its 503 is still seen and recorded under the key.
 */
export const lateReplyScope = new AsyncLocalStorage<{ timeoutMs: number }>();
