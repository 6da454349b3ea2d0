import { fieldDb, type QueuedAction } from '../fieldDb';

/**
 * Confidential text kept on the device encrypted (AES-256-GCM) under a key derived from a device PIN with PBKDF2.
 * The key lives only in this module's memory for the session; the vault store keeps the salt and a check value
 * that tells a right PIN from a wrong one. After a restart the PIN is asked again before sealed items are sent.
 */
// OWASP's 2023 figure for PBKDF2-HMAC-SHA-256 (issue 16 asks at least 310,000); paid once per session on the phone.
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PIN_LENGTH = 6;
const CHECK_TEXT = 'rd-field-vault-check';

export type Sealed = NonNullable<QueuedAction['sealed']>;

/** Session keys per user: never written anywhere. */
const keys = new Map<string, CryptoKey>();

const encoder = new TextEncoder();

async function deriveKey(pin: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The user id is bound in as associated data: a record copied to another user's queue does not open. */
async function encrypt(key: CryptoKey, userId: string, plain: string): Promise<{ iv: number[]; data: ArrayBuffer }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(userId) }, key, encoder.encode(plain));
  return { iv: [...iv], data };
}

async function decrypt(key: CryptoKey, userId: string, sealed: { iv: number[]; data: ArrayBuffer }): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: encoder.encode(userId) }, key, sealed.data);
  return new TextDecoder().decode(plain);
}

export async function hasPin(userId: string): Promise<boolean> {
  return (await (await fieldDb()).get('vault', userId)) !== undefined;
}

export function isUnlocked(userId: string): boolean {
  return keys.has(userId);
}

/** The first time (or after the vault was reset): a new salt, the check value, and the key kept for the session. */
export async function setPin(userId: string, pin: string): Promise<void> {
  if (pin.length < MIN_PIN_LENGTH) throw new Error('PIN too short');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(pin, salt);
  const check = await encrypt(key, userId, CHECK_TEXT);
  await (await fieldDb()).put('vault', { userId, salt: [...salt], check });
  keys.set(userId, key);
}

/** After a restart: true and the key kept when the PIN opens the check value, false for a wrong PIN. */
export async function unlock(userId: string, pin: string): Promise<boolean> {
  const stored = await (await fieldDb()).get('vault', userId);
  if (!stored) return false;
  const key = await deriveKey(pin, new Uint8Array(stored.salt));
  try {
    if ((await decrypt(key, userId, stored.check)) !== CHECK_TEXT) return false;
  } catch {
    return false;
  }
  keys.set(userId, key);
  return true;
}

/** Forget the session keys (sign-out, tests). */
export function lockAll(): void {
  keys.clear();
}

/** Seals these fields of a body; throws when the vault is locked (the form asks for the PIN first). */
export async function seal(userId: string, fields: Record<string, unknown>): Promise<Sealed> {
  const key = keys.get(userId);
  if (!key) throw new Error('vault locked');
  const { iv, data } = await encrypt(key, userId, JSON.stringify(fields));
  return { iv, data, field: Object.keys(fields).join(',') };
}

/** The sealed fields in clear, or null while the vault is locked (the sender waits for the PIN). */
export async function unseal(userId: string, sealed: Sealed): Promise<Record<string, unknown> | null> {
  const key = keys.get(userId);
  if (!key) return null;
  return JSON.parse(await decrypt(key, userId, sealed)) as Record<string, unknown>;
}

/**
 * A body with these free-text fields taken out and sealed (a confidential concern's text and answer, the description of
 * an action on one): what the queue stores instead of the clear body. Fields that are null stay in the body.
 */
export async function sealFields<T extends object>(userId: string, body: T, fields: readonly (keyof T & string)[]): Promise<{ body: Partial<T>; sealed?: Sealed }> {
  const clear: Record<string, unknown> = {};
  const rest = { ...body } as Record<string, unknown>;
  for (const field of fields) {
    if (rest[field] === null || rest[field] === undefined) continue;
    clear[field] = rest[field];
    delete rest[field];
  }
  if (Object.keys(clear).length === 0) return { body: rest as Partial<T> };
  return { body: rest as Partial<T>, sealed: await seal(userId, clear) };
}
