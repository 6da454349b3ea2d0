import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainException, TemplatePublishedEvtV1, type Actor, type TemplateVersionInput, type TemplateView } from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import { requirePermission } from '../meetings/meetings.service';
import { MeetingTemplate } from './meeting-template.entity';
import { guidanceOf, toTemplateView } from './meeting-template.mapper';

/**
 * The version of `templateId`'s family to copy: `version` when given, else the family's latest. NOT_FOUND when
 * the id or the version is unknown.
 */
export async function resolveTemplateVersion(em: EntityManager, templateId: string, version?: number): Promise<MeetingTemplate> {
  const named = await em.findOne(MeetingTemplate, { id: templateId });
  if (!named) throw new DomainException('meeting-template.not-found', 'Template not found');
  const chosen =
    version === undefined
      ? await em.findOne(MeetingTemplate, { key: named.key }, { orderBy: { version: 'DESC' } })
      : await em.findOne(MeetingTemplate, { key: named.key, version });
  if (!chosen) throw new DomainException('meeting-template.version-not-found', `Template version ${version} not found`);
  return chosen;
}

/** Handbook templates. They hold no district data, so anyone who may read meetings may read them. */
@Injectable()
export class TemplatesService {
  constructor(private readonly em: EntityManager) {}

  async list(actor: Actor): Promise<{ items: TemplateView[]; total: number }> {
    requirePermission(actor, 'meeting:read');
    const rows = await this.em.find(MeetingTemplate, {}, { orderBy: { key: 'ASC', version: 'DESC' } });
    return { items: rows.map(toTemplateView), total: rows.length };
  }

  async get(actor: Actor, id: string): Promise<TemplateView> {
    requirePermission(actor, 'meeting:read');
    return toTemplateView(await this.load(this.em, id));
  }

  /**
   * Publishes the next version of `id`'s family. Versions are never updated; (key, version) is unique, so two
   * concurrent publications cannot both take the same number (the loser fails and may retry).
   */
  async publishVersion(actor: Actor, id: string, input: TemplateVersionInput, correlationId: string): Promise<TemplateView> {
    requirePermission(actor, 'template:manage');
    return this.em.transactional(async (tx) => {
      const previous = await this.load(tx, id);
      const latest = await tx.findOne(MeetingTemplate, { key: previous.key }, { orderBy: { version: 'DESC' } });
      const template = tx.create(MeetingTemplate, {
        key: previous.key,
        version: (latest?.version ?? previous.version) + 1,
        name: input.name ?? latest?.name ?? previous.name,
        agenda: input.agenda.map((item) => ({ kind: item.kind, title: item.title, ...guidanceOf(item) })),
        checklist: input.checklist.map((item) => ({ key: item.key, title: item.title, offsetDays: item.offsetDays, ...guidanceOf(item) })),
        createdBy: actor.userId,
      });
      recordEvent(
        tx,
        TemplatePublishedEvtV1,
        {
          templateId: template.id,
          key: template.key,
          version: template.version,
          agendaItems: template.agenda.length,
          checklistItems: template.checklist.length,
          occurredAt: template.createdAt.toISOString(),
        },
        correlationId,
      );
      await tx.flush();
      return toTemplateView(template);
    });
  }

  async load(em: EntityManager, id: string): Promise<MeetingTemplate> {
    const template = await em.findOne(MeetingTemplate, { id });
    if (!template) throw new DomainException('meeting-template.not-found', 'Template not found');
    return template;
  }
}
