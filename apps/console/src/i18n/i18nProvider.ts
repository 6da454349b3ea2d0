import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import russianMessages from 'ra-language-russian';
import { mergeTranslations, resolveBrowserLocale, type I18nProvider, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { FAILURES, failureTranslations } from './failures';
import { ky } from './ky';
import { raKy } from './ra/ky';
import { raRuAdditions } from './ra/ru';
import { raTg } from './ra/tg';
import { chooseLocale, isConsoleLocale, LOCALES, type ConsoleLocale } from './locales';
import { ru } from './ru';
import { tg } from './tg';

export { chooseLocale, isConsoleLocale, LOCALES, type ConsoleLocale } from './locales';

// react-admin ships no Tajik or Kyrgyz core pack: ra/tg.ts and ra/ky.ts translate every key of the English one, and
// ra/ru.ts adds what ra-language-russian lacks (ra/ra.spec.ts checks all three). English stays underneath as a floor.
const MESSAGES: Readonly<Record<ConsoleLocale, TranslationMessages>> = {
  en: mergeTranslations(englishMessages, en, failureTranslations(FAILURES.en)),
  ru: mergeTranslations(englishMessages, russianMessages, raRuAdditions, ru, failureTranslations(FAILURES.ru)),
  tg: mergeTranslations(englishMessages, raTg, tg, failureTranslations(FAILURES.tg)),
  ky: mergeTranslations(englishMessages, raKy, ky, failureTranslations(FAILURES.ky)),
};

// polyglot knows neither tg nor ky. They take the Russian plural rule (three forms); Tajik and Kyrgyz nouns stay
// singular after a number, so their plural strings repeat one form (see ru.ts).
const PLURAL_RULES = {
  pluralTypes: {
    english: (n: number) => (n === 1 ? 0 : 1),
    russian: (n: number) => {
      const lastTwo = n % 100;
      const last = lastTwo % 10;
      if (lastTwo !== 11 && last === 1) return 0;
      if (last >= 2 && last <= 4 && !(lastTwo >= 12 && lastTwo <= 14)) return 1;
      return 2;
    },
  },
  pluralTypeToLanguages: { english: ['en'], russian: ['ru', 'tg', 'ky'] },
};

/** {@link chooseLocale} with this browser's language. */
export function initialLocale(stored: unknown): ConsoleLocale {
  return chooseLocale(stored, resolveBrowserLocale('en', { fullLocale: false }));
}

export function createI18nProvider(locale: ConsoleLocale): I18nProvider {
  return polyglotI18nProvider(
    (requested) => MESSAGES[isConsoleLocale(requested) ? requested : 'en'],
    locale,
    [...LOCALES],
    { pluralRules: PLURAL_RULES },
  );
}
