import type { TemplateView } from '@rd/contracts';
import type { MeetingTemplate } from './meeting-template.entity';

/** The handbook's guidance, when the version has some (versions published before it existed have none). */
export const guidanceOf = (item: { guidance?: string }): { guidance?: string } => (item.guidance ? { guidance: item.guidance } : {});

export function toTemplateView(template: MeetingTemplate): TemplateView {
  return {
    id: template.id,
    key: template.key,
    version: template.version,
    name: template.name,
    agenda: template.agenda.map((item) => ({ kind: item.kind, title: item.title, ...guidanceOf(item) })),
    checklist: template.checklist.map((item) => ({ key: item.key, title: item.title, offsetDays: item.offsetDays, ...guidanceOf(item) })),
    createdAt: template.createdAt.toISOString(),
  };
}
