/** The methods the gateway accepts an `Idempotency-Key` on (docs/adr/0029-idempotency-keys.md). */
const KEYED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function isKeyedMethod(method: string | undefined): boolean {
  return KEYED_METHODS.has((method ?? 'GET').toUpperCase());
}

/**
 * One `Idempotency-Key` per user action. A write whose outcome is unknown (network down, 5xx, 409 "still in
 * progress") keeps its key, and the same write sent again (the Retry button of a SaveError, Save pressed again with
 * the same values) reuses it, so the gateway answers it once. A write with a decided answer (2xx, other 4xx) drops
 * its key: the next identical write is a new action and gets a new key.
 */
export class IdempotencyKeys {
  private readonly pending = new Map<string, string>();
  private readonly pendingByBody = new WeakMap<object, Map<string, string>>();

  constructor(private readonly newKey: () => string = randomKey) {}

  /** The key to send with this write: the unsettled one of an identical earlier write, else a fresh one. */
  keyFor(method: string, url: string, body: unknown): string {
    const slot = this.slot(method, url, body);
    let key = slot.get();
    if (key === undefined) {
      key = this.newKey();
      slot.set(key);
    }
    return key;
  }

  /** After the answer: keep the key only while the write's outcome is unknown. */
  settle(method: string, url: string, body: unknown, status: number): void {
    if (!outcomeUnknown(status)) this.slot(method, url, body).clear();
  }

  private slot(method: string, url: string, body: unknown) {
    const action = `${method.toUpperCase()} ${url}`;
    if (body !== null && typeof body === 'object') {
      const byAction = this.pendingByBody.get(body) ?? new Map<string, string>();
      this.pendingByBody.set(body, byAction);
      return { get: () => byAction.get(action), set: (key: string) => byAction.set(action, key), clear: () => byAction.delete(action) };
    }
    const id = `${action}\n${String(body ?? '')}`;
    return { get: () => this.pending.get(id), set: (key: string) => this.pending.set(id, key), clear: () => this.pending.delete(id) };
  }
}

/** 0 = no answer (network), 409 = the first request with the key still runs, 5xx = the service may still commit. */
function outcomeUnknown(status: number): boolean {
  return status === 0 || status === 409 || status >= 500;
}

/** crypto.randomUUID exists only in secure contexts (https, localhost); 16 random bytes in hex serve elsewhere. */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
