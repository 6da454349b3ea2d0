import { createHash } from 'node:crypto';

/** The request header a client sends on a write it may retry (draft-ietf-httpapi-idempotency-key-header). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer that was replayed from the record of the first request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long a key is remembered: the bucket's TTL. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Long enough that it cannot be guessed: it is also the key that opens the recorded answer (sealed-answer.ts). */
export const MIN_IDEMPOTENCY_KEY_LENGTH = 16;
const VISIBLE_ASCII = /^[\x21-\x7e]{16,255}$/;

/** The methods whose answer is recorded under a key. */
export function isIdempotencyMethod(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

/** A key is 16–255 visible ASCII characters (a random UUID in practice); anything else is refused with 400. */
export function isValidIdempotencyKey(value: string): boolean {
  return VISIBLE_ASCII.test(value);
}

/**
 * Where a key is recorded: one user, one method, one path. Hashed, so the store never holds the user id or the
 * client's key in clear and the result is a valid NATS KV key whatever the client sent.
 */
export function idempotencyRecordKey(userId: string, method: string, path: string, key: string): string {
  return createHash('sha256').update(JSON.stringify([userId, method, path, key])).digest('hex');
}

/** The final answer to the first request with a key, replayed to every retry. */
export interface RecordedAnswer {
  status: number;
  /** Content-Type, Location and the other headers a handler set that a client reads. */
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyRecord =
  | { state: 'in-progress'; bodyHash: string; claimedAt: number }
  /** `sealed`: the RecordedAnswer encrypted under the client's key (sealed-answer.ts); never stored in clear. */
  | { state: 'completed'; bodyHash: string; claimedAt: number; sealed: string };
