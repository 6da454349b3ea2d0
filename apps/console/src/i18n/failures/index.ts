import { DOMAIN_ERRORS } from '@rd/contracts';
import { enFailures } from './en';
import { kyFailures } from './ky';
import { ruFailures } from './ru';
import { tgFailures } from './tg';
import type { FailureMessages, FailureText } from './types';

export type { FailureMessages, FailureText } from './types';

/** Every language's failure messages (types.ts). */
export const FAILURES = { en: enFailures, ru: ruFailures, tg: tgFailures, ky: kyFailures } as const;

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
