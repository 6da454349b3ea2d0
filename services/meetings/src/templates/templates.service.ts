import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor, TemplateView } from '@rd/contracts';
import { requirePermission } from '../meetings/meetings.service';
import { MeetingsException } from '../meetings/meetings.exception';
import { MeetingTemplate } from './meeting-template.entity';
import { toTemplateView } from './meeting-template.mapper';

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

  async load(em: EntityManager, id: string): Promise<MeetingTemplate> {
    const template = await em.findOne(MeetingTemplate, { id });
    if (!template) throw MeetingsException.notFound('Template');
    return template;
  }
}
