import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationLanguage, NotificationTemplateContent, NotificationType } from '@rd/contracts';

export interface TemplateRow {
  type: NotificationType;
  language: NotificationLanguage;
  version: number;
  subject: string;
  text: string;
  html: string | null;
  sms: string;
  created_by: string;
  created_at: Date;
}

/** Every query on notification_template. Versions are never changed: a new version is a new row. */
export class TemplateRepository {
  constructor(private readonly em: EntityManager) {}

  current(type: NotificationType, language: NotificationLanguage): Promise<TemplateRow | undefined> {
    return this.em
      .execute<TemplateRow[]>(`select * from "notification_template" where "type" = ? and "language" = ? order by "version" desc limit 1`, [type, language])
      .then((rows) => rows[0]);
  }

  /** The current version of every (type, language). */
  allCurrent(): Promise<TemplateRow[]> {
    return this.em.execute<TemplateRow[]>(
      `select distinct on ("type", "language") * from "notification_template" order by "type", "language", "version" desc`,
    );
  }

  versions(type: NotificationType, language: NotificationLanguage): Promise<TemplateRow[]> {
    return this.em.execute<TemplateRow[]>(`select * from "notification_template" where "type" = ? and "language" = ? order by "version" desc`, [type, language]);
  }

  /** Appends a version; a concurrent writer of the same template makes the primary key refuse one of the two. */
  async append(type: NotificationType, language: NotificationLanguage, content: NotificationTemplateContent, by: string): Promise<TemplateRow> {
    const rows = await this.em.execute<TemplateRow[]>(
      `insert into "notification_template" ("type", "language", "version", "subject", "text", "html", "sms", "created_by")
       select ?, ?, coalesce(max("version"), 0) + 1, ?, ?, ?, ?, ? from "notification_template" where "type" = ? and "language" = ?
       returning *`,
      [type, language, content.subject, content.text, content.html, content.sms, by, type, language],
    );
    return rows[0];
  }

  /** Version 1 written by "system" unless the template exists already. */
  seed(type: NotificationType, language: NotificationLanguage, content: NotificationTemplateContent): Promise<unknown> {
    return this.em.execute(
      `insert into "notification_template" ("type", "language", "version", "subject", "text", "html", "sms", "created_by")
       values (?, ?, 1, ?, ?, ?, ?, 'system') on conflict do nothing`,
      [type, language, content.subject, content.text, content.html, content.sms],
    );
  }
}
