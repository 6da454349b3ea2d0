// The console's languages, without react-admin: the boot screen (boot/) needs them before react-admin starts.

/** Offered in the language menu, each under its own name. */
export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'tg', name: 'Тоҷикӣ' },
  { locale: 'ky', name: 'Кыргызча' },
] as const;
export type ConsoleLocale = (typeof LOCALES)[number]['locale'];

export function isConsoleLocale(value: unknown): value is ConsoleLocale {
  return LOCALES.some(({ locale }) => locale === value);
}

/**
 * The locale to start in: the one the user picked before (react-admin's store, `RaStoreRdConsole.locale` in localStorage),
 * else the browser's language if offered (`ru-RU` → ru), else English.
 */
export function chooseLocale(stored: unknown, browserLanguage: string | undefined): ConsoleLocale {
  if (isConsoleLocale(stored)) return stored;
  const browser = browserLanguage?.split('-', 1)[0].toLowerCase();
  return isConsoleLocale(browser) ? browser : 'en';
}
