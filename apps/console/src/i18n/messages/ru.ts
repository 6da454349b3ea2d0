// Every message of one language, a chunk of its own (ADR 45). react-admin's core messages under the app's (i18nProvider.ts).
import englishMessages from 'ra-language-english';
import russianMessages from 'ra-language-russian';
import { mergeTranslations } from 'react-admin';
import { raRuAdditions } from '../ra/ru';
import { ruFailures } from '../failures/ru';
import { failureTranslations } from '../failures/translations';
import { ru } from '../ru';

export default mergeTranslations(englishMessages, russianMessages, raRuAdditions, ru, failureTranslations(ruFailures));
