import { NOTIFICATION_LANGUAGES, NOTIFICATION_TYPES, type NotificationTemplateView } from '@rd/contracts';

type Language = (typeof NOTIFICATION_LANGUAGES)[number];
type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const templateId = (type: string, language: string) => `${type}.${language}`;

/** `meeting-invitation.ru` → { type, language }, or null for anything else. */
export function splitTemplateId(id: string): { type: NotificationType; language: Language } | null {
  const dot = id.lastIndexOf('.');
  const type = id.slice(0, dot);
  const language = id.slice(dot + 1);
  if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) return null;
  if (!(NOTIFICATION_LANGUAGES as readonly string[]).includes(language)) return null;
  return { type: type as NotificationType, language: language as Language };
}

/** One line per event type, one cell per language: the current version, or null when there is none yet. */
export interface TemplateMatrixRow {
  id: NotificationType;
  type: NotificationType;
  versions: Record<Language, number | null>;
}

export function templateMatrix(templates: readonly Pick<NotificationTemplateView, 'type' | 'language' | 'version'>[]): TemplateMatrixRow[] {
  return NOTIFICATION_TYPES.map((type) => {
    const versions = Object.fromEntries(NOTIFICATION_LANGUAGES.map((language) => [language, null])) as Record<Language, number | null>;
    for (const template of templates) if (template.type === type) versions[template.language] = template.version;
    return { id: type, type, versions };
  });
}

export interface TemplateDraft {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

/** The body of POST …/versions (and …/preview) from the form: an empty HTML field means "the text, escaped". */
export function draftBody(draft: TemplateDraft): { subject: string; text: string; html: string | null; sms: string } {
  return { subject: draft.subject, text: draft.text, html: draft.html.trim() === '' ? null : draft.html, sms: draft.sms };
}

export function draftOf(template: Pick<NotificationTemplateView, 'subject' | 'text' | 'html' | 'sms'> | undefined): TemplateDraft {
  return { subject: template?.subject ?? '', text: template?.text ?? '', html: template?.html ?? '', sms: template?.sms ?? '' };
}

/** `{{placeholder}}` to insert into a field. */
export const placeholder = (variable: string) => `{{${variable}}}`;
