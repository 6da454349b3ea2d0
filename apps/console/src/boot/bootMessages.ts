import { en } from '../i18n/en';
import type { ConsoleLocale } from '../i18n/locales';
import { ky } from '../i18n/ky';
import { ru } from '../i18n/ru';
import { tg } from '../i18n/tg';

export type BootMessages = (typeof en)['app']['boot'];

const BOOT: Readonly<Record<ConsoleLocale, BootMessages>> = { en: en.app.boot, ru: ru.app.boot, tg: tg.app.boot, ky: ky.app.boot };

/** The texts of the screen shown before react-admin starts, which has no i18n provider yet. */
export function bootMessages(locale: ConsoleLocale): BootMessages {
  return BOOT[locale];
}
