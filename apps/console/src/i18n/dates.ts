import type { ConsoleLocale } from './locales';

/**
 * Dates, times and numbers in the reader's language, one way on every screen (issue 17: the console showed
 * "12/6/2026", "Dec 14, 2026" and "2026-12-06" side by side). Everything the console formats goes through here.
 */
const TAGS: Readonly<Record<ConsoleLocale, string>> = { en: 'en-GB', ru: 'ru-RU', tg: 'tg-TJ', ky: 'ky-KG' };

const supported = new Map<string, boolean>();

/** A browser whose ICU lacks Tajik or Kyrgyz would print English month names: digits then, which read in any language. */
function hasLocale(tag: string): boolean {
  let known = supported.get(tag);
  if (known === undefined) {
    known = Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
    supported.set(tag, known);
  }
  return known;
}

const tagOf = (locale: string): string => TAGS[locale as ConsoleLocale] ?? TAGS.en;

function dateFormat(locale: string, withTime: boolean, timeZone?: string): Intl.DateTimeFormat {
  const tag = tagOf(locale);
  const time: Intl.DateTimeFormatOptions = withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {};
  if (hasLocale(tag)) return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', ...time, timeZone });
  return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', ...time, timeZone });
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date, or a date and time, in `locale`: "14 Dec 2026", "14 дек. 2026 г., 10:00". A calendar day (`2026-12-14`, a due
 * date) is shown as that day wherever the reader is; an instant in the browser's zone unless `timeZone` is given.
 */
export function formatDate(value: string | number | Date | null | undefined, locale: string, options: { time?: boolean; timeZone?: string } = {}): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && CALENDAR_DAY.test(value)) return dateFormat(locale, false, 'UTC').format(new Date(`${value}T12:00:00Z`));
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat(locale, options.time ?? false, options.timeZone).format(date);
}

/** A number in `locale` (grouping and decimal sign), e.g. "1 234,5" in Russian. */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const tag = tagOf(locale);
  return new Intl.NumberFormat(hasLocale(tag) ? tag : 'ru-RU', options).format(value);
}
