import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type I18nProvider, type TranslationMessages } from 'react-admin';
import { chooseLocale, isConsoleLocale, LOCALES, type ConsoleLocale } from './locales';

export { chooseLocale, isConsoleLocale, LOCALES, type ConsoleLocale } from './locales';

// react-admin ships no Tajik or Kyrgyz core pack: ra/tg.ts and ra/ky.ts translate every key of the English one, and
// ra/ru.ts adds what ra-language-russian lacks (ra/ra.spec.ts checks all three). English stays underneath as a floor.
// Each language is a chunk of its own (messages/, ADR 45): a phone fetches only the one it shows.
const MESSAGES: Readonly<Record<ConsoleLocale, () => Promise<{ default: TranslationMessages }>>> = {
  en: () => import('./messages/en'),
  ru: () => import('./messages/ru'),
  tg: () => import('./messages/tg'),
  ky: () => import('./messages/ky'),
};

async function loadMessages(locale: ConsoleLocale): Promise<TranslationMessages> {
  return (await MESSAGES[locale]()).default;
}

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

/** The provider, once the starting language's messages are here (polyglot needs them at once); others load on a switch. */
export async function createI18nProvider(locale: ConsoleLocale): Promise<I18nProvider> {
  const initial = await loadMessages(locale);
  return polyglotI18nProvider(
    (requested) => (requested === locale ? initial : loadMessages(isConsoleLocale(requested) ? requested : 'en')),
    locale,
    [...LOCALES],
    { pluralRules: PLURAL_RULES },
  );
}
