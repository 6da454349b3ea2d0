import type { TemplateView } from '@rd/contracts';

/** One choice of the create form's template picker: a template family at its latest version. */
export interface TemplateChoice {
  id: string;
  name: string;
  version: number;
  agendaItems: number;
  checklistItems: number;
}

/**
 * The gateway lists every version of every template; planners pick a family, and get its latest version
 * (older versions stay for meetings that already copied them).
 */
export function latestTemplateChoices(templates: readonly TemplateView[]): TemplateChoice[] {
  const latest = new Map<string, TemplateView>();
  for (const template of templates) {
    const seen = latest.get(template.key);
    if (!seen || template.version > seen.version) latest.set(template.key, template);
  }
  return [...latest.values()]
    .map((template) => ({
      id: template.id,
      name: template.name,
      version: template.version,
      agendaItems: template.agenda.length,
      checklistItems: template.checklist.length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The create body's template fields for the picked version id. The version is sent too, so the meeting gets
 * the version the planner saw even if a newer one is published meanwhile. No pick (or an unknown id): none.
 */
export function templateFields(
  choices: readonly TemplateChoice[],
  templateId: string | null | undefined,
): { templateId: string; templateVersion: number } | Record<string, never> {
  const choice = templateId ? choices.find((item) => item.id === templateId) : undefined;
  return choice ? { templateId: choice.id, templateVersion: choice.version } : {};
}
