import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { RecordedAnswer } from './idempotency-key';

/**
 * The recorded answer of a keyed write can carry what the request carried (a concern's text, an action's
 * description) and lives in NATS for a day. It is stored sealed with AES-256-GCM under a key derived from the
 * client's Idempotency-Key, which is never stored: only a client that sends the same key (a retry, the one case a
 * replay exists for) can open it; anyone reading the bucket or the stream's files sees ciphertext. The body hash
 * that tells "same body" apart is an HMAC under the same key, so it confirms no guess of a text either.
 */
export interface AnswerSeal {
  /** HMAC-SHA256 of the request body under the derived key. */
  bodyHash(body: unknown): string;
  seal(answer: RecordedAnswer): string;
  /** The answer, or undefined when the sealed value does not open under this key (tampered or another key). */
  open(sealed: string): RecordedAnswer | undefined;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One seal per request: the key is derived from the client's key, scoped to the user, the method and the path. */
export function answerSeal(clientKey: string, userId: string, method: string, path: string): AnswerSeal {
  const key = Buffer.from(hkdfSync('sha256', clientKey, JSON.stringify([userId, method, path]), 'rd-idempotency-answer-v1', 32));
  return {
    bodyHash(body) {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body === undefined ? '' : JSON.stringify(body));
      return createHmac('sha256', key).update(bytes).digest('hex');
    },
    seal(answer) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
        return JSON.parse(plain.toString('utf8')) as RecordedAnswer;
      } catch {
        return undefined;
      }
    },
  };
}
