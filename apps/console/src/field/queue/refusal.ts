import { DOMAIN_ERRORS, genericDomainErrorCode, isDomainErrorCode } from '@rd/contracts';
import type { QueuedAction } from '../fieldDb';

/**
 * The message key a refusal is told by: the device's own reasons (`field.*`: changed meanwhile, its concern discarded)
 * under `field.refusals`, the gateway's codes as the console says them everywhere (docs/errors.md), else the generic
 * one of the status.
 */
export function refusalKey(refusal: NonNullable<QueuedAction['refusal']>): string {
  const { code, status } = refusal;
  if (code?.startsWith('field.')) return `field.refusals.${code.slice('field.'.length)}`;
  if (isDomainErrorCode(code)) return DOMAIN_ERRORS[code].messageKey;
  if (status === 0) return 'failures.network';
  return DOMAIN_ERRORS[genericDomainErrorCode(status)].messageKey;
}
