import { DOMAIN_ERRORS } from '@rd/contracts';
import type { FailureMessages, FailureText } from './types';

type FailureTree = { errors: Record<string, Record<string, string>>; failures: Record<string, string> };

/** What happened, then what to do next, as one message. */
export const joinFailure = ([what, next]: FailureText) => `${what} ${next}`;

/**
 * The failure messages as polyglot reads them: what happened and what to do next joined under each reason code's
 * message key (`errors.meeting.notHeld`) and under `failures.<kind>` (see data/failure.ts).
 */
export function failureTranslations({ kinds, codes }: FailureMessages): FailureTree {
  const tree: FailureTree = { errors: {}, failures: {} };
  for (const [kind, text] of Object.entries(kinds)) tree.failures[kind] = joinFailure(text);
  for (const [code, { messageKey }] of Object.entries(DOMAIN_ERRORS)) {
    const [, area, reason] = messageKey.split('.');
    tree.errors[area] = { ...tree.errors[area], [reason]: joinFailure(codes[code as keyof typeof codes]) };
  }
  return tree;
}
