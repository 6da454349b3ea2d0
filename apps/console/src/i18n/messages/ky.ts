// Every message of one language, a chunk of its own (ADR 45). react-admin's core messages under the app's (i18nProvider.ts).
import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';
import { raKy } from '../ra/ky';
import { kyFailures } from '../failures/ky';
import { failureTranslations } from '../failures/translations';
import { ky } from '../ky';

export default mergeTranslations(englishMessages, raKy, ky, failureTranslations(kyFailures));
