import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { TemplateAgendaItem, TemplateChecklistItem } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** One immutable version of a handbook template; `key` names the family. */
@Entity({ tableName: 'meeting_template' })
@Unique({ properties: ['key', 'version'] })
export class MeetingTemplate {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 60 })
  key!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'json' })
  agenda!: TemplateAgendaItem[];

  @Property({ type: 'json' })
  checklist!: TemplateChecklistItem[];

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
