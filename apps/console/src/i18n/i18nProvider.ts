import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import russianMessages from 'ra-language-russian';
import { mergeTranslations, resolveBrowserLocale, type I18nProvider, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { FAILURES, failureTranslations } from './failures';
import { ky } from './ky';
import { chooseLocale, isConsoleLocale, LOCALES, type ConsoleLocale } from './locales';
import { ru } from './ru';
import { tg } from './tg';

export { chooseLocale, isConsoleLocale, LOCALES, type ConsoleLocale } from './locales';

// react-admin ships no Tajik or Kyrgyz core pack, so tg and ky use the Russian `ra.*` messages under their own
// app messages. English goes underneath everything: ra-language-russian (5.4) lacks keys react-admin 5.15 added.
const MESSAGES: Readonly<Record<ConsoleLocale, TranslationMessages>> = {
  en: mergeTranslations(englishMessages, en, failureTranslations(FAILURES.en)),
  ru: mergeTranslations(englishMessages, russianMessages, ru, failureTranslations(FAILURES.ru)),
  tg: mergeTranslations(englishMessages, russianMessages, tg, failureTranslations(FAILURES.tg)),
  ky: mergeTranslations(englishMessages, russianMessages, ky, failureTranslations(FAILURES.ky)),
};

// polyglot knows neither tg nor ky. Their core messages are Russian, so they take the Russian plural rule;
// the app's own tg/ky plural strings repeat the plural form to match (see ru.ts).
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
