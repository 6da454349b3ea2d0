import { concernTopicName, venueMapUrl, type Coordinates, type NotificationLanguage, type NotificationTemplateContent, type NotificationType } from '@rd/contracts';
import Mustache from 'mustache';
import { minutesBodyIn, type DistributedConcerns } from '../dispatch/minutes-distribution';

/**
 * What a message is about, language-neutral: ids, names, UTC times and counts. Stored on each delivery so a
 * resend renders the same message again in the recipient's current language. Never a concern's text.
 */
export interface MessageData {
  districtCode: string;
  regionCode: string;
  /** IANA zone of the district: every date and time is shown in it. */
  timeZone: string;
  districtName: Record<string, string>;
  meeting?: {
    id: string;
    title: string;
    startsAt: string;
    durationMinutes: number;
    venueName: string;
    /** The venue's point; absent on deliveries stored before it was carried. */
    venueLocation?: Coordinates | null;
    communities: string[];
    sequence: number;
    status: string;
    updatedAt: string;
  };
  previous?: { startsAt: string };
  reminder?: { daysBefore: number };
  chase?: { daysAfter: number; heldAt: string };
  /** `body` is the approved text; `concerns` the section added in the reader's language (absent on older rows: in the body). */
  minutes?: { version: number; body: string; concerns?: DistributedConcerns; concernsTotal: number; topics: number; approvedAt: string };
  action?: { id: string; topic: string; dueDate: string; owner: string };
  quarter?: { code: string; endDate: string; daysLeft: number; communities: string[] };
  community?: { id: string; name: string };
  officer?: { name: string; since: string };
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

const LOCALES: Record<NotificationLanguage, string> = { en: 'en-GB', ru: 'ru-RU', tg: 'tg-TJ', ky: 'ky-KG' };

function formatter(language: NotificationLanguage, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat('ru-RU', { ...options, timeZone });
  }
}

/** Date and time in the district's zone and the message's language, e.g. "1 декабря 2026 г., 10:00". */
export function formatWhen(iso: string, language: NotificationLanguage, timeZone: string): string {
  return formatter(language, timeZone, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
}

export function formatDate(iso: string, language: NotificationLanguage, timeZone: string): string {
  return formatter(language, timeZone, { dateStyle: 'long' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) shown as such, without shifting it through a zone. */
function formatDay(day: string, language: NotificationLanguage): string {
  return formatter(language, 'UTC', { dateStyle: 'long' }).format(new Date(`${day}T12:00:00Z`));
}

// The short forms are for SMS: a Cyrillic SMS has 70 characters a segment, and "1 декабря 2026 г. в 10:00" takes 25.
const SHORT_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/** Day, short month and time in the district's zone, without the year, e.g. "1 дек., 10:00". */
export function formatWhenShort(iso: string, language: NotificationLanguage, timeZone: string): string {
  return formatter(language, timeZone, { ...SHORT_DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A calendar date with a short month and no year, e.g. "31 янв." (SMS). */
function formatDayShort(day: string, language: NotificationLanguage): string {
  return formatter(language, 'UTC', SHORT_DAY).format(new Date(`${day}T12:00:00Z`));
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A small, safe markdown subset for the minutes: headings, lists, paragraphs, bold and italics; everything escaped. */
export function markdownToHtml(markdown: string): string {
  const inline = (line: string) =>
    escapeHtml(line)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>');
  const out: string[] = [];
  let list: string[] | null = null;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    paragraph = [];
    if (list) out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
    list = null;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    } else if (item) {
      if (paragraph.length) {
        const keep: string[] | null = list;
        list = null;
        flush();
        list = keep;
      }
      (list ??= []).push(item[1]);
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** The view a template is rendered with, for one language and one recipient. */
export function buildView(data: MessageData, recipientName: string, language: NotificationLanguage, consoleUrl: string): Record<string, unknown> {
  const zone = data.timeZone;
  const view: Record<string, unknown> = {
    recipient: { name: recipientName },
    district: { code: data.districtCode, name: data.districtName[language] ?? data.districtName['ru'] ?? data.districtName['en'] ?? data.districtCode },
  };
  if (data.meeting) {
    const m = data.meeting;
    view['meeting'] = {
      title: m.title,
      date: formatDate(m.startsAt, language, zone),
      when: formatWhen(m.startsAt, language, zone),
      whenShort: formatWhenShort(m.startsAt, language, zone),
      timeZone: zone,
      venueName: m.venueName,
      // Empty without coordinates, so `{{#meeting.mapLink}}…{{/meeting.mapLink}}` drops the whole line.
      mapLink: m.venueLocation ? venueMapUrl(m.venueLocation) : '',
      durationMinutes: m.durationMinutes,
      communities: m.communities.join(', '),
      link: `${consoleUrl}/#/meetings/${m.id}/show`,
    };
  }
  if (data.previous) {
    view['previous'] = { when: formatWhen(data.previous.startsAt, language, zone), whenShort: formatWhenShort(data.previous.startsAt, language, zone) };
  }
  if (data.reminder) view['reminder'] = { daysBefore: data.reminder.daysBefore };
  if (data.chase) view['chase'] = { daysAfter: data.chase.daysAfter, heldOn: formatDate(data.chase.heldAt, language, zone) };
  if (data.minutes) {
    const body = minutesBodyIn(data.minutes, language);
    view['minutes'] = {
      version: data.minutes.version,
      body,
      html: markdownToHtml(body),
      concernsTotal: data.minutes.concernsTotal,
      topics: data.minutes.topics,
      link: data.meeting ? `${consoleUrl}/#/meetings/${data.meeting.id}/show` : consoleUrl,
    };
  }
  if (data.action) {
    // The topic by its name in the reader's language: a code such as "road-safety" means nothing to an action owner.
    view['action'] = {
      topic: concernTopicName(data.action.topic, language),
      dueDate: formatDay(data.action.dueDate, language),
      dueShort: formatDayShort(data.action.dueDate, language),
      owner: data.action.owner,
      link: `${consoleUrl}/#/actions`,
    };
  }
  if (data.quarter) {
    view['quarter'] = {
      code: data.quarter.code,
      endDate: formatDay(data.quarter.endDate, language),
      endShort: formatDayShort(data.quarter.endDate, language),
      daysLeft: data.quarter.daysLeft,
      count: data.quarter.communities.length,
      communities: data.quarter.communities.map((name) => ({ name })),
    };
  }
  if (data.community) view['community'] = { name: data.community.name, link: `${consoleUrl}/#/communities/${data.community.id}/show` };
  if (data.officer) {
    view['officer'] = { name: data.officer.name, since: formatDay(data.officer.since, language), sinceShort: formatDayShort(data.officer.since, language) };
  }
  return view;
}

const PLAIN = { escape: (value: unknown) => String(value) };

/** Throws with the mustache message when a template does not parse (unclosed section, bad tag). */
export function checkSyntax(content: Partial<NotificationTemplateContent>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  for (const field of ['subject', 'text', 'html', 'sms'] as const) {
    const template = content[field];
    if (typeof template !== 'string') continue;
    try {
      Mustache.parse(template);
    } catch (error) {
      errors.push({ field, message: `not a valid mustache template: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  return errors;
}

/** Renders one template version: text parts unescaped, HTML escaped (the escaped text when the template has no HTML). */
export function renderTemplate(content: NotificationTemplateContent, view: Record<string, unknown>): Rendered {
  const text = Mustache.render(content.text, view, {}, PLAIN);
  return {
    subject: Mustache.render(content.subject, view, {}, PLAIN).replace(/\s+/g, ' ').trim(),
    text,
    html: content.html ? Mustache.render(content.html, view) : `<div style="white-space:pre-wrap">${escapeHtml(text)}</div>`,
    sms: Mustache.render(content.sms, view, {}, PLAIN).replace(/\s+/g, ' ').trim(),
  };
}

/** The languages tried for a recipient: theirs, then Russian, then English. */
export function fallbackChain(requested: NotificationLanguage): NotificationLanguage[] {
  return [...new Set<NotificationLanguage>([requested, 'ru', 'en'])];
}

/** GSM-7 messages take 160 characters a segment (153 when split); anything else UCS-2, 70 (67). */
export function smsSegments(text: string): number {
  const gsm = /^[\x20-\x7E\n\r£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà]*$/.test(text);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return text.length <= single ? 1 : Math.ceil(text.length / multi);
}

export type { NotificationType };
