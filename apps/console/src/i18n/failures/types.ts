import type { DomainErrorCode } from '@rd/contracts';
import type { FailureKind } from '../../data/failure';

/** A failure told to the reader: what happened, then what to do next. */
export type FailureText = readonly [what: string, next: string];

/**
 * The console's words for every failure, in one language: by reason code of the catalogue (DOMAIN_ERRORS,
 * docs/errors.md) and, when no code says more, by kind (no answer, refused, unavailable, this device).
 * i18nProvider.ts joins each pair under the code's message key (`errors.meeting.notHeld`) and `failures.<kind>`.
 */
export interface FailureMessages {
  kinds: Readonly<Record<FailureKind, FailureText>>;
  codes: Readonly<Record<DomainErrorCode, FailureText>>;
}
