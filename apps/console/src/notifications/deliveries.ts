import type { DeliveryView } from '@rd/contracts';

/**
 * Rows that may be sent again: email and SMS that failed, were skipped or were sent (e.g. lost by the
 * recipient). Console messages have no resend (the gateway answers 409), queued ones are still on their way.
 * Whether the user may resend at all is canAccess' decision (delivery:resend).
 */
export function canResend(delivery: Pick<DeliveryView, 'channel' | 'status'>): boolean {
  return delivery.channel !== 'console' && (delivery.status === 'failed' || delivery.status === 'skipped' || delivery.status === 'sent');
}

/** `tg → ru` when the template of the requested language was missing, else just the language used. */
export function languageLabel(delivery: Pick<DeliveryView, 'requestedLanguage' | 'language' | 'languageFallback'>): string {
  if (delivery.languageFallback && delivery.language) return `${delivery.requestedLanguage} → ${delivery.language}`;
  return delivery.language ?? delivery.requestedLanguage;
}

export type StatusTone = 'default' | 'info' | 'success' | 'error' | 'warning';

export const STATUS_TONES: Readonly<Record<DeliveryView['status'], StatusTone>> = {
  queued: 'default',
  sent: 'info',
  delivered: 'success',
  failed: 'error',
  skipped: 'warning',
};

/** What explains the row's state: the provider's error when failed, the reason when skipped, else nothing. */
export function deliveryDetail(delivery: Pick<DeliveryView, 'status' | 'lastError' | 'skipReason'>):
  | { kind: 'error'; text: string }
  | { kind: 'skip'; reason: NonNullable<DeliveryView['skipReason']> }
  | null {
  if (delivery.status === 'skipped' && delivery.skipReason) return { kind: 'skip', reason: delivery.skipReason };
  if (delivery.lastError && (delivery.status === 'failed' || delivery.status === 'queued')) return { kind: 'error', text: delivery.lastError };
  return null;
}

/**
 * An audience key of the log (`isfara:ngo-admin,police-officer`: console users of a district with one of these
 * roles) as its district and roles; null for anything else.
 */
export function audienceOf(recipientId: string): { districtCode: string; roles: string[] } | null {
  const match = /^([a-z][a-z0-9-]*):([a-z-]+(?:,[a-z-]+)*)$/.exec(recipientId);
  return match ? { districtCode: match[1], roles: match[2].split(',') } : null;
}
