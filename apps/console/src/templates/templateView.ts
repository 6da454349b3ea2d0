import type { TemplateVersionInput, TemplateView } from '@rd/contracts';

/** One handbook template family: its versions, newest first. */
export interface TemplateFamily {
  key: string;
  name: string;
  latest: TemplateView;
  versions: TemplateView[];
}

/** The families of a list of versions, in the order of their newest version's name. */
export function templateFamilies(templates: readonly TemplateView[]): TemplateFamily[] {
  const byKey = new Map<string, TemplateView[]>();
  for (const template of templates) byKey.set(template.key, [...(byKey.get(template.key) ?? []), template]);
  return [...byKey.entries()]
    .map(([key, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { key, name: sorted[0].name, latest: sorted[0], versions: sorted };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** A calendar date (YYYY-MM-DD) moved by whole days, as the service computes due dates on the district's calendar. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The translation key and count that say when a step is due relative to the meeting. */
export function offsetText(offsetDays: number): { key: string; count: number } {
  if (offsetDays === 0) return { key: 'resources.templates.offset.onTheDay', count: 0 };
  return offsetDays < 0 ? { key: 'resources.templates.offset.before', count: -offsetDays } : { key: 'resources.templates.offset.after', count: offsetDays };
}

/** What the preview shows for a meeting on `meetingDate`: the agenda in order and each step with its due date. */
export function previewOf(template: Pick<TemplateView, 'agenda' | 'checklist'>, meetingDate: string) {
  return {
    agenda: template.agenda.map((item, index) => ({ position: index + 1, ...item })),
    checklist: [...template.checklist]
      .map((step) => ({ ...step, dueDate: addDays(meetingDate, step.offsetDays) }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
}

/** The form of a new version, prefilled from `template`. */
export function versionFormOf(template: Pick<TemplateView, 'name' | 'agenda' | 'checklist'>): TemplateVersionInput {
  return {
    name: template.name,
    agenda: template.agenda.map((item) => ({ ...item })),
    checklist: template.checklist.map((step) => ({ ...step })),
  };
}

const blankToAbsent = <T extends { guidance?: string | null }>(entry: T): Omit<T, 'guidance'> & { guidance?: string } => {
  const { guidance, ...rest } = entry;
  const text = guidance?.trim();
  return text ? { ...rest, guidance: text } : rest;
};

/** The POST /templates/{id}/versions body from the form: trimmed, blank guidance left out, offsets as numbers. */
export function versionInputOf(form: {
  name?: string | null;
  agenda?: { kind: TemplateView['agenda'][number]['kind']; title: string; guidance?: string | null }[] | null;
  checklist?: { key: string; title: string; offsetDays: number | string; guidance?: string | null }[] | null;
}): TemplateVersionInput {
  return {
    ...(form.name?.trim() ? { name: form.name.trim() } : {}),
    agenda: (form.agenda ?? []).map((item) => blankToAbsent({ kind: item.kind, title: item.title.trim(), guidance: item.guidance })),
    checklist: (form.checklist ?? []).map((step) =>
      blankToAbsent({ key: step.key.trim(), title: step.title.trim(), offsetDays: Number(step.offsetDays), guidance: step.guidance }),
    ),
  };
}
