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
  /** The version the agenda was copied from; its guidance is shown by item kind and step key. */
  template: { id: string; version: number; agenda?: readonly { kind: string; guidance?: string }[]; checklist?: readonly { key: string; guidance?: string }[] } | null;
  items: MeetingAgendaItem[];
  checklist: MeetingChecklistItem[];
}

/** Guidance by kind (agenda) or key (checklist); the first entry wins when a template repeats one. */
function guidanceBy<T extends { guidance?: string }>(entries: readonly T[] | undefined, keyOf: (entry: T) => string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of entries ?? []) if (entry.guidance && !found.has(keyOf(entry))) found.set(keyOf(entry), entry.guidance);
  return found;
}

export function toAgendaView(parts: AgendaParts, now: Date): Omit<MeetingAgendaView, 'carryOver' | 'proposedStaff'> {
  const itemGuidance = guidanceBy(parts.template?.agenda, (item) => item.kind);
  const stepGuidance = guidanceBy(parts.template?.checklist, (step) => step.key);
  const withGuidance = (guidance: string | undefined) => (guidance ? { guidance } : {});
  return {
    meetingId: parts.meetingId,
    templateId: parts.template?.id ?? null,
    templateVersion: parts.template?.version ?? null,
    items: [...parts.items].sort((a, b) => a.position - b.position).map((item) => ({
        id: item.id,
        position: item.position,
        kind: item.kind,
        title: item.title,
        briefingId: item.briefingId,
        ...withGuidance(itemGuidance.get(item.kind)),
      })),
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
          ...withGuidance(stepGuidance.get(item.key)),
        };
      }),
  };
}
