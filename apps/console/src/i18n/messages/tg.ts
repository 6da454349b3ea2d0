// Every message of one language, a chunk of its own (ADR 45). react-admin's core messages under the app's (i18nProvider.ts).
import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';
import { raTg } from '../ra/tg';
import { tgFailures } from '../failures/tg';
import { failureTranslations } from '../failures/translations';
import { tg } from '../tg';

export default mergeTranslations(englishMessages, raTg, tg, failureTranslations(tgFailures));
