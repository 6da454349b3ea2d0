import { SIGN_IN_SHEET_MAX_BYTES } from '@rd/contracts';

/** What the hold step accepts; the gateway decides by the file's first bytes, the picker only filters. */
export const SIGN_IN_SHEET_ACCEPT = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';

const SIGN_IN_SHEET = 'resources.meetings.signInSheet';

/**
 * Refuses before sending what the gateway would refuse by size alone, so a field connection does not carry
 * a large photo only to be told 413. Everything else (the type) is the gateway's decision.
 */
export function checkSheetSize(size: number, T = SIGN_IN_SHEET): string | null {
  if (size === 0) return `${T}.empty`;
  if (size > SIGN_IN_SHEET_MAX_BYTES) return `${T}.refused.tooLarge`;
  return null;
}

/** Why the gateway refused an upload, by status (under the file's message prefix `T`); the problem's own `detail` is shown after it. */
export function refusalKey(status: number | undefined, T = SIGN_IN_SHEET): string {
  switch (status) {
    case 403:
      return `${T}.refused.forbidden`;
    case 404:
      return `${T}.refused.notFound`;
    case 409:
      return `${T}.refused.notHeld`;
    case 413:
      return `${T}.refused.tooLarge`;
    case 415:
      return `${T}.refused.wrongType`;
    default:
      return `${T}.refused.other`;
  }
}

/** `1536` → `1.5 KiB`: sizes as the 5 MiB limit is written. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** SHA-256 in lower-case hex, as the gateway reports it, so the page can say the stored file is this one. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
