import type { TemplateView } from '@rd/contracts';
import type { MeetingTemplate } from './meeting-template.entity';

export function toTemplateView(template: MeetingTemplate): TemplateView {
  return {
    id: template.id,
    key: template.key,
    version: template.version,
    name: template.name,
    agenda: template.agenda.map((item) => ({ kind: item.kind, title: item.title })),
    checklist: template.checklist.map((item) => ({ key: item.key, title: item.title, offsetDays: item.offsetDays })),
    createdAt: template.createdAt.toISOString(),
  };
}
