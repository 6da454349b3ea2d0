import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DomainException,
  NOTIFICATION_TYPES,
  NotificationTemplateContentSchema,
  type Actor,
  type DataOf,
  type ListNotificationTemplatesQryV1,
  type NotificationLanguage,
  type NotificationPreviewView,
  type NotificationTemplateContent,
  type NotificationTemplateVersionView,
  type NotificationTemplateView,
  type NotificationType,
} from '@rd/contracts';
import { requirePermission } from '../common/access';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES } from './default-templates';
import { buildView, checkSyntax, fallbackChain, renderTemplate, smsSegments, type MessageData, type Rendered } from './render';
import { SAMPLE_DATA } from './sample-data';
import { TemplateRepository, type TemplateRow } from './template.repository';

export interface ChosenTemplate {
  language: NotificationLanguage;
  version: number;
  fallback: boolean;
  content: NotificationTemplateContent;
}

function parseId(id: string): { type: NotificationType; language: NotificationLanguage } {
  const [type, language] = id.split('.') as [NotificationType, NotificationLanguage];
  return { type, language };
}

function toView(row: TemplateRow): NotificationTemplateView {
  return {
    id: `${row.type}.${row.language}`,
    type: row.type,
    language: row.language,
    version: row.version,
    subject: row.subject,
    text: row.text,
    html: row.html,
    sms: row.sms,
    variables: ['recipient.name', ...TEMPLATE_VARIABLES[row.type]],
    createdBy: row.created_by,
    updatedAt: new Date(row.created_at).toISOString(),
  };
}

function toVersionView(row: TemplateRow): NotificationTemplateVersionView {
  return {
    id: `${row.type}.${row.language}`,
    version: row.version,
    subject: row.subject,
    text: row.text,
    html: row.html,
    sms: row.sms,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const contentOf = (row: TemplateRow): NotificationTemplateContent => ({ subject: row.subject, text: row.text, html: row.html, sms: row.sms });

@Injectable()
export class TemplatesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TemplatesService.name);

  constructor(private readonly orm: MikroORM) {}

  private repo(em?: EntityManager): TemplateRepository {
    return new TemplateRepository(em ?? (this.orm.em.fork() as EntityManager));
  }

  /** Writes version 1 of every default template that does not exist yet (every replica may; it is idempotent). */
  async onApplicationBootstrap(): Promise<void> {
    const repo = this.repo();
    for (const type of NOTIFICATION_TYPES) {
      for (const [language, content] of Object.entries(DEFAULT_TEMPLATES[type]) as [NotificationLanguage, NotificationTemplateContent][]) {
        await repo.seed(type, language, content);
      }
    }
    this.logger.log('default templates in place');
  }

  async list(actor: Actor, query: DataOf<typeof ListNotificationTemplatesQryV1>): Promise<{ items: NotificationTemplateView[]; total: number }> {
    requirePermission(actor, 'notification-template:manage');
    let rows = (await this.repo().allCurrent()).map(toView);
    if (query.type) rows = rows.filter((row) => row.type === query.type);
    if (query.language) rows = rows.filter((row) => row.language === query.language);
    const key = query.sort;
    rows.sort((a, b) => String(a[key]).localeCompare(String(b[key])) * (query.order === 'DESC' ? -1 : 1));
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  }

  async get(actor: Actor, id: string): Promise<NotificationTemplateView> {
    requirePermission(actor, 'notification-template:manage');
    const { type, language } = parseId(id);
    const row = await this.repo().current(type, language);
    if (!row) throw new DomainException('message-template.not-found', 'Template not found');
    return toView(row);
  }

  async versions(actor: Actor, id: string): Promise<NotificationTemplateVersionView[]> {
    requirePermission(actor, 'notification-template:manage');
    const { type, language } = parseId(id);
    return (await this.repo().versions(type, language)).map(toVersionView);
  }

  async addVersion(actor: Actor, id: string, content: NotificationTemplateContent): Promise<NotificationTemplateView> {
    requirePermission(actor, 'notification-template:manage');
    const valid = NotificationTemplateContentSchema.parse(content);
    const errors = checkSyntax(valid);
    if (errors.length) throw new DomainException('message-template.invalid', 'The template does not parse', errors);
    const { type, language } = parseId(id);
    try {
      return toView(await this.repo().append(type, language, valid, actor.username));
    } catch (error) {
      if ((error as { code?: string }).code === '23505' || /unique|duplicate/i.test(String((error as Error).message))) {
        throw new DomainException('message-template.concurrent-write', 'Someone wrote a new version at the same moment; reload and try again');
      }
      throw error;
    }
  }

  async preview(actor: Actor, id: string, draft: Partial<NotificationTemplateContent>, consoleUrl: string): Promise<NotificationPreviewView> {
    requirePermission(actor, 'notification-template:manage');
    const { type, language } = parseId(id);
    const current = await this.repo().current(type, language);
    const fallback = current ? contentOf(current) : (DEFAULT_TEMPLATES[type].en as NotificationTemplateContent);
    const content: NotificationTemplateContent = {
      subject: draft.subject ?? fallback.subject,
      text: draft.text ?? fallback.text,
      html: draft.html === undefined ? fallback.html : draft.html,
      sms: draft.sms ?? fallback.sms,
    };
    const errors = checkSyntax(content);
    if (errors.length) throw new DomainException('message-template.invalid', 'The template does not parse', errors);
    const sample = SAMPLE_DATA[type];
    const view = buildView(sample, 'Sample recipient', language, consoleUrl);
    const rendered = renderTemplate(content, view);
    return { id, ...rendered, smsSegments: smsSegments(rendered.sms), sample: view };
  }

  /** The template a recipient gets: their language, else Russian, else English; the fallback is reported. */
  async choose(type: NotificationType, requested: NotificationLanguage, em?: EntityManager): Promise<ChosenTemplate> {
    const repo = this.repo(em);
    for (const language of fallbackChain(requested)) {
      const row = await repo.current(type, language);
      if (row) return { language, version: row.version, fallback: language !== requested, content: contentOf(row) };
    }
    // Only when someone deleted rows by hand: the built-in English text still goes out.
    return { language: 'en', version: 0, fallback: requested !== 'en', content: DEFAULT_TEMPLATES[type].en as NotificationTemplateContent };
  }

  render(chosen: ChosenTemplate, data: MessageData, recipientName: string, consoleUrl: string): Rendered {
    return renderTemplate(chosen.content, buildView(data, recipientName, chosen.language, consoleUrl));
  }
}

