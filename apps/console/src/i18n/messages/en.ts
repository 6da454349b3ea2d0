// Every message of one language, a chunk of its own (ADR 45). react-admin's core messages under the app's (i18nProvider.ts).
import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';
import { enFailures } from '../failures/en';
import { failureTranslations } from '../failures/translations';
import { en } from '../en';

export default mergeTranslations(englishMessages, en, failureTranslations(enFailures));
