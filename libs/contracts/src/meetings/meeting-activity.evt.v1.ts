import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { SensitivitySchema } from '../common/sensitivity';
import { defineEvent } from '../message';
import { ConcernTopicSchema } from './concern.dto';
import { AgendaItemKindSchema } from './template.dto';

// State changes of a meeting's preparation, record and library that someone downstream (notifications,
// reporting) may need. Ids, keys, counts, topics and sensitivities only: never text, names or answers.
const where = {
  meetingId: z.string().uuid().describe('Meeting id'),
  districtCode: GeoCodeSchema.describe('District of the meeting'),
  regionCode: GeoCodeSchema.describe('Region of the district'),
};
const at = z.string().datetime().describe('When it happened (UTC)');

export const AgendaTemplateAppliedEvtV1 = defineEvent({
  name: 'meetings.evt.agenda.template-applied.v1',
  owner: 'meetings',
  description: 'A handbook template version was copied onto a meeting (agenda and checklist). Ids and counts only.',
  schema: z
    .object({
      ...where,
      templateId: z.string().uuid().describe('Template version copied'),
      templateKey: z.string().describe('Template family'),
      templateVersion: z.number().int().positive().describe('Version copied'),
      agendaItems: z.number().int().min(0).describe('Agenda items copied'),
      checklistItems: z.number().int().min(0).describe('Checklist steps copied'),
      occurredAt: at,
    })
    .strict(),
});

export const AGENDA_CHANGES = ['item-added', 'item-removed', 'item-moved'] as const;

export const AgendaChangedEvtV1 = defineEvent({
  name: 'meetings.evt.agenda.changed.v1',
  owner: 'meetings',
  description:
    "A planner added, removed or moved an item of a meeting's agenda before it was held. Ids, kind and positions only: " +
    'never the title.',
  schema: z
    .object({
      ...where,
      change: z.enum(AGENDA_CHANGES).describe('What happened to the item'),
      itemId: z.string().uuid().describe('Agenda item id'),
      kind: AgendaItemKindSchema,
      position: z.number().int().min(1).describe('Its position after the change (removed: the position it had)'),
      previousPosition: z.number().int().min(1).nullable().describe('Its position before a move; null otherwise'),
      briefingId: z.string().uuid().nullable().describe('Briefing version the item presented (a removed item no longer presents it)'),
      itemCount: z.number().int().min(0).describe('Items on the agenda after the change'),
      occurredAt: at,
    })
    .strict(),
});

export const ChecklistItemTickedEvtV1 = defineEvent({
  name: 'meetings.evt.agenda.checklist-item-ticked.v1',
  owner: 'meetings',
  description: 'A preparation step of a meeting was ticked (first tick only; ticking again emits nothing). Ids, key and dates.',
  schema: z
    .object({
      ...where,
      itemId: z.string().uuid().describe('Checklist item id'),
      key: z.string().describe('Stable key of the step'),
      dueDate: z.iso.date().describe('Its due date (UTC calendar date)'),
      late: z.boolean().describe('Ticked after its due date'),
      done: z.number().int().min(0).describe('Steps of the meeting ticked now'),
      total: z.number().int().min(0).describe('Steps of the meeting'),
      occurredAt: at,
    })
    .strict(),
});

export const BriefingAttachedEvtV1 = defineEvent({
  name: 'meetings.evt.agenda.briefing-attached.v1',
  owner: 'meetings',
  description: 'A legal-information agenda item of a meeting now presents this briefing version. Ids only.',
  schema: z
    .object({
      ...where,
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities that will receive the briefing'),
      itemId: z.string().uuid().describe('Agenda item id'),
      briefingId: z.string().uuid().describe('Briefing version'),
      briefingFamilyId: z.string().uuid().describe('Briefing family (all versions)'),
      previousBriefingId: z.string().uuid().nullable().describe('Version the item presented before, if any'),
      occurredAt: at,
    })
    .strict(),
});

export const TemplatePublishedEvtV1 = defineEvent({
  name: 'meetings.evt.template.published.v1',
  owner: 'meetings',
  description: 'A new version of a handbook template was published. Ids and counts only; planned meetings keep their copy.',
  schema: z
    .object({
      templateId: z.string().uuid().describe('New version id'),
      key: z.string().describe('Template family'),
      version: z.number().int().positive().describe('New version number'),
      agendaItems: z.number().int().min(0),
      checklistItems: z.number().int().min(0),
      occurredAt: at,
    })
    .strict(),
});

export const BriefingPublishedEvtV1 = defineEvent({
  name: 'meetings.evt.briefing.published.v1',
  owner: 'meetings',
  description: 'A legal briefing (version 1) or a new version of one was published to the national library. Ids and dates only.',
  schema: z
    .object({
      briefingId: z.string().uuid().describe('Version id'),
      familyId: z.string().uuid().describe('Briefing family'),
      version: z.number().int().positive(),
      effectiveDate: z.iso.date().describe('Date the rules take effect'),
      occurredAt: at,
    })
    .strict(),
});

export const CONCERN_UPDATE_FIELDS = ['topic', 'text', 'answer', 'followUpNeeded', 'raiser', 'handlers', 'sensitivity'] as const;
export type ConcernUpdateField = (typeof CONCERN_UPDATE_FIELDS)[number];

export const ConcernUpdatedEvtV1 = defineEvent({
  name: 'meetings.evt.concern.updated.v1',
  owner: 'meetings',
  description:
    'A concern was edited (answer, follow-up, topic, text, raiser, handlers). Ids, topic, sensitivity and the names of the ' +
    'changed fields only; never the text, the answer, the raiser or the handlers. A sensitivity change also emits sensitivity-changed.',
  schema: z
    .object({
      concernId: z.string().uuid().describe('Concern id'),
      ...where,
      topic: ConcernTopicSchema,
      sensitivity: SensitivitySchema,
      followUpNeeded: z.boolean().describe('Whether follow-up is needed now'),
      replied: z.boolean().describe('Whether the reply given at the meeting is recorded now (never the reply itself)'),
      changedFields: z.array(z.enum(CONCERN_UPDATE_FIELDS)).min(1).describe('Which fields changed'),
      occurredAt: at,
    })
    .strict(),
});

export const MinutesDraftSavedEvtV1 = defineEvent({
  name: 'meetings.evt.minutes.draft-saved.v1',
  owner: 'meetings',
  description: 'A new draft version of a meeting’s minutes was saved (the +3/+7-day reminders can stand down). Ids and numbers only; never the body.',
  schema: z
    .object({
      ...where,
      version: z.number().int().min(1).describe('Draft version saved'),
      language: z.string().describe('Language the minutes are written in'),
      bodyLength: z.number().int().min(0).describe('Length of the body in characters'),
      occurredAt: at,
    })
    .strict(),
});

export const SignInSheetAttachedEvtV1 = defineEvent({
  name: 'meetings.evt.meeting.sign-in-sheet-attached.v1',
  owner: 'meetings',
  description: 'A scan or photo of the paper sign-in sheet was attached to a held meeting (or replaced). Type, size and checksum only.',
  schema: z
    .object({
      ...where,
      mediaType: z.enum(['image/jpeg', 'image/png', 'application/pdf']).describe('Type found by its magic bytes'),
      sizeBytes: z.number().int().min(1).describe('Size of the file'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the file, hex'),
      replaced: z.boolean().describe('Whether it replaced an earlier sheet'),
      occurredAt: at,
    })
    .strict(),
});
