import { Migration } from '@mikro-orm/migrations';

const DEFAULT_TEMPLATE_ID = '5d1f3c2a-7b7e-4c39-9a51-0d6a4c1e0001';

/**
 * The handbook's guidance for each agenda item and checklist step of the seeded `reporting-day` v1 (ADR 41): how to
 * prepare and run it, from the handbook's description of a reporting day. Guidance explains the version; it adds no
 * item or step and changes none, so the version keeps its number and planned meetings show it at once.
 */
export const AGENDA_GUIDANCE: Record<string, string> = {
  'security-briefing':
    'The head of the district police (or the community inspector) briefs residents on the security situation since the last ' +
    'reporting day: incidents in and around the community, disputes over irrigation and drinking water, pastures, forests and ' +
    'undetermined border sections, and what the police did about them. Keep it short and concrete; name no victims, witnesses or ' +
    'suspects, and say nothing that could identify who reported what.',
  'police-work-results':
    'Report what the police did on the concerns raised last time ("you said — we did"): the open concerns and their actions are ' +
    'listed under "Progress since the last meeting". For each, say what was done, what is still open and who owns it. Residents ' +
    'come back when they see that what they raised was acted upon; if nothing happened yet, say so and why.',
  'new-staff-introduction':
    'Introduce officers who started serving the community since its last reporting day (proposed below from the officer roster): ' +
    'name, post, how to reach them and which villages they cover. Residents should leave knowing whom to call before a dispute ' +
    'turns violent, instead of confronting the other side.',
  'legal-information':
    'Present one legal briefing from the library (attach the version you will present), e.g. border-crossing rules or the use of ' +
    'pastures abroad. Use plain words and the residents’ language, leave time for questions, and bring printed copies if you can. ' +
    'The briefing is recorded as delivered to the community once the meeting is held.',
  'questions-and-answers':
    'Open the floor. Record every question or concern with its topic, sensitivity, the answer given and whether follow-up is ' +
    'needed. The person raising it stays anonymous by default. Sensitive issues (youth violence across the border, conflicts with ' +
    'border guards, domestic violence) can be raised privately after the meeting: mark them restricted or confidential, never read ' +
    'them out.',
  'next-steps':
    'Summarise the follow-up actions agreed, each with an owner organisation and a due date, and say when the minutes will be ' +
    'shared with local government and the police. Announce the next reporting day (the community should hold one every quarter) ' +
    'and ask attendees to fill in the short anonymous feedback form before they leave.',
};

export const CHECKLIST_GUIDANCE: Record<string, string> = {
  'book-venue':
    'Choose a place every resident can reach, women, older people and people with disabilities included: a school, community ' +
    'centre or administrative building, or a field during harvest so that farmers can attend. Check the date against market days, ' +
    'harvest and holidays, and record in the venue’s access notes how to get there (step-free entrance, transport, shade and water).',
  'invite-officials':
    'Invite the head of the district police, the heads of regional law-enforcement departments, the community inspector and local ' +
    'government by name, in their language and preferred channel (use the Invite step). Confirm who will present which agenda ' +
    'item; send a reminder a few days before.',
  'mobilise-residents':
    'Ask the community’s focal points to spread the word in every neighbourhood, mosque, school and market. Reach women and young ' +
    'people directly (through women’s groups, schools and youth leaders), and say plainly that questions can be asked anonymously.',
  'prepare-legal-briefing':
    'Pick the briefing residents need now (e.g. border crossing or using pastures abroad) from the legal library, attach its ' +
    'current version to the legal-information item, and agree who presents it. Prepare printed copies in the residents’ language.',
  'share-minutes':
    'Draft the minutes from what was recorded, have them approved, and share them with local government and the police (approval ' +
    'distributes them). Confidential concerns never appear in the minutes; follow up overdue actions with their owners.',
};

const literal = (value: unknown): string => JSON.stringify(value).replaceAll("'", "''");

export class Migration20261208101000_template_guidance extends Migration {
  override async up(): Promise<void> {
    const rows = await this.execute(`select "agenda", "checklist" from "meeting_template" where "id" = '${DEFAULT_TEMPLATE_ID}'`);
    const row = rows[0] as { agenda: { kind: string; guidance?: string }[]; checklist: { key: string; guidance?: string }[] } | undefined;
    if (!row) return;
    const agenda = row.agenda.map((item) => ({ ...item, guidance: item.guidance ?? AGENDA_GUIDANCE[item.kind] }));
    const checklist = row.checklist.map((step) => ({ ...step, guidance: step.guidance ?? CHECKLIST_GUIDANCE[step.key] }));
    this.addSql(
      `update "meeting_template" set "agenda" = '${literal(agenda)}'::jsonb, "checklist" = '${literal(checklist)}'::jsonb where "id" = '${DEFAULT_TEMPLATE_ID}'`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `update "meeting_template" set "agenda" = (select jsonb_agg(item - 'guidance') from jsonb_array_elements("agenda") item),
        "checklist" = (select jsonb_agg(step - 'guidance') from jsonb_array_elements("checklist") step) where "id" = '${DEFAULT_TEMPLATE_ID}'`,
    );
  }
}
