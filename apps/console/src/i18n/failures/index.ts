import { enFailures } from './en';
import { kyFailures } from './ky';
import { ruFailures } from './ru';
import { tgFailures } from './tg';

export type { FailureMessages, FailureText } from './types';
// Apart from the languages so that one language's messages load without the others (messages/, ADR 45).
export { failureTranslations, joinFailure } from './translations';

/** Every language's failure messages (types.ts). */
export const FAILURES = { en: enFailures, ru: ruFailures, tg: tgFailures, ky: kyFailures } as const;
