import type { MeetingAgendaView } from '@rd/contracts';
import { checklistDueDate, checklistStepTiming } from './checklist-due';
import type { MeetingAgendaItem, MeetingChecklistItem } from './meeting-agenda.entity';

export interface AgendaParts {
  meetingId: string;
  startsAt: Date;
  /** When the meeting was created: steps due before that day are late starts, not overdue. */
  createdAt: Date;
  /** The district's time zone: due dates and "today" follow its calendar. */
  timeZone: string;
  template: { id: string; version: number } | null;
  items: MeetingAgendaItem[];
  checklist: MeetingChecklistItem[];
}

export function toAgendaView(parts: AgendaParts, now: Date): Omit<MeetingAgendaView, 'carryOver' | 'proposedStaff'> {
  return {
    meetingId: parts.meetingId,
    templateId: parts.template?.id ?? null,
    templateVersion: parts.template?.version ?? null,
    items: [...parts.items].sort((a, b) => a.position - b.position).map((item) => ({ id: item.id, position: item.position, kind: item.kind, title: item.title, briefingId: item.briefingId })),
    checklist: [...parts.checklist]
      .sort((a, b) => a.position - b.position)
      .map((item) => {
        const dueDate = checklistDueDate(parts.startsAt, item.offsetDays, parts.timeZone);
        const done = item.doneAt !== null;
        return {
          id: item.id,
          key: item.key,
          title: item.title,
          offsetDays: item.offsetDays,
          dueDate,
          done,
          doneAt: item.doneAt?.toISOString() ?? null,
          doneBy: item.doneBy,
          ...checklistStepTiming(dueDate, done, { now, meetingCreatedAt: parts.createdAt }, parts.timeZone),
        };
      }),
  };
}
