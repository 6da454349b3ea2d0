import { NOTIFICATION_LANGUAGES, type NotificationLanguage } from '@rd/contracts';

/** How often the unread badge asks GET /notifications/inbox/count (and never while the tab is hidden). */
export const INBOX_POLL_MS = 60_000;

/** The badge's text: nothing at zero, the number up to 99, then `99+`. */
export function badgeText(unread: number | undefined): string {
  if (!unread || unread < 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/**
 * The console route of a message's link (`/meetings/<id>/show` → `/meetings/<id>/show` inside the hash router),
 * or null for anything that is not a plain console path (an absolute URL, `//host`, `javascript:`): the inbox
 * only ever navigates inside the console.
 */
export function consoleRoute(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  return /^\/[\w\-/.]*$/.test(link) ? link : null;
}

/** The unread count the badge shows; invalidated after marking messages read or unread, so it updates at once. */
export const INBOX_COUNT_PATH = 'notifications/inbox/count';

/**
 * The language to ask the inbox for: the console's locale (messages are rendered in en, ru, tg and ky, tg and ky
 * falling back to ru where a template lacks them), else Russian, the gateway's default.
 */
export function inboxLanguage(locale: string | undefined): NotificationLanguage {
  return NOTIFICATION_LANGUAGES.find((language) => language === locale) ?? 'ru';
}
