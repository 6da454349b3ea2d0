import type { EntityManager } from '@mikro-orm/postgresql';
import { AgendaTemplateAppliedEvtV1 } from '@rd/contracts';
import { recordEvent } from '@rd/persistence';
import type { Meeting } from '../meetings/meeting.entity';
import type { MeetingTemplate } from '../templates/meeting-template.entity';
import { MeetingAgenda, MeetingAgendaItem, MeetingChecklistItem } from './meeting-agenda.entity';

/**
 * Replaces the meeting's agenda and checklist with copies of one template version, in the caller's transaction,
 * and records the event. Used by apply-template and by creating a meeting from a template.
 */
export async function copyTemplateOntoMeeting(tx: EntityManager, meeting: Meeting, template: MeetingTemplate, userId: string, correlationId: string): Promise<void> {
  const meetingId = meeting.id;
  await tx.nativeDelete(MeetingAgendaItem, { meetingId });
  await tx.nativeDelete(MeetingChecklistItem, { meetingId });
  await tx.nativeDelete(MeetingAgenda, { meetingId });
  tx.create(MeetingAgenda, { meetingId, templateId: template.id, appliedBy: userId });
  template.agenda.forEach((item, index) => tx.create(MeetingAgendaItem, { meetingId, position: index + 1, kind: item.kind, title: item.title }));
  template.checklist.forEach((item, index) =>
    tx.create(MeetingChecklistItem, { meetingId, position: index + 1, key: item.key, title: item.title, offsetDays: item.offsetDays }),
  );
  recordEvent(
    tx,
    AgendaTemplateAppliedEvtV1,
    {
      meetingId,
      districtCode: meeting.districtCode,
      regionCode: meeting.regionCode,
      templateId: template.id,
      templateKey: template.key,
      templateVersion: template.version,
      agendaItems: template.agenda.length,
      checklistItems: template.checklist.length,
      occurredAt: new Date().toISOString(),
    },
    correlationId,
  );
}
