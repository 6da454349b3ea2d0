import type { en } from '../i18n/en';
import type { ConsoleLocale } from '../i18n/locales';

export type BootMessages = (typeof en)['app']['boot'];

// Only the shown language is fetched (ADR 45); offline it comes from the service worker's precache like the rest.
const BOOT: Readonly<Record<ConsoleLocale, () => Promise<BootMessages>>> = {
  en: () => import('../i18n/en').then((messages) => messages.en.app.boot),
  ru: () => import('../i18n/ru').then((messages) => messages.ru.app.boot),
  tg: () => import('../i18n/tg').then((messages) => messages.tg.app.boot),
  ky: () => import('../i18n/ky').then((messages) => messages.ky.app.boot),
};

/** The texts of the screen shown before react-admin starts, which has no i18n provider yet. */
export function bootMessages(locale: ConsoleLocale): Promise<BootMessages> {
  return BOOT[locale]();
}
