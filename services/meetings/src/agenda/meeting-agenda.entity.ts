import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '@rd/contracts';
import { randomUUID } from 'node:crypto';

/** Which template version a meeting's agenda and checklist were copied from. */
@Entity({ tableName: 'meeting_agenda' })
export class MeetingAgenda {
  [OptionalProps]?: 'appliedAt';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'uuid' })
  templateId!: string;

  @Property({ type: 'string', length: 100 })
  appliedBy!: string;

  @Property({ type: 'datetime' })
  appliedAt: Date = new Date();
}

/** An agenda item copied onto a meeting; later template versions do not change it. */
@Entity({ tableName: 'meeting_agenda_item' })
export class MeetingAgendaItem {
  [OptionalProps]?: 'briefingId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Enum({ items: () => [...AGENDA_ITEM_KINDS], type: 'string' })
  kind!: AgendaItemKind;

  @Property({ type: 'string', length: 200 })
  title!: string;

  /** The legal briefing version presented under a legal-information item. */
  @Property({ type: 'uuid', nullable: true })
  briefingId: string | null = null;
}

/** A preparation step of a meeting; its due date follows the meeting's start, so a reschedule moves it. */
@Entity({ tableName: 'meeting_checklist_item' })
export class MeetingChecklistItem {
  [OptionalProps]?: 'doneAt' | 'doneBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 60 })
  key!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'integer' })
  offsetDays!: number;

  @Property({ type: 'datetime', nullable: true })
  doneAt: Date | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  doneBy: string | null = null;
}
