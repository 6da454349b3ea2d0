import { z } from 'zod';
import { CONCERN_TOPICS } from './concern.dto';

/** Largest markdown body accepted for minutes (bytes of UTF-8). */
export const MINUTES_MAX_BYTES = 100 * 1024;

export const MINUTES_STATUSES = ['none', 'draft', 'approved'] as const;
export const MinutesStatusSchema = z.enum(MINUTES_STATUSES).describe('none (nothing drafted yet), draft, or approved (locked)');
export type MinutesStatus = z.infer<typeof MinutesStatusSchema>;

export const SaveMinutesInputSchema = z
  .object({
    body: z
      .string()
      .min(1)
      .refine((s) => new TextEncoder().encode(s).length <= MINUTES_MAX_BYTES, { message: `at most ${MINUTES_MAX_BYTES} bytes` })
      .describe('Markdown body of the minutes (at most 100 KB). Must not contain the text of a confidential concern'),
    language: z.enum(['en', 'ru', 'tg', 'ky']).default('ru').describe('Language the minutes are written in'),
    expectedVersion: z.number().int().min(0).optional().describe('Version the edit is based on; a different current version is a 409'),
  })
  .strict();
export type SaveMinutesInput = z.infer<typeof SaveMinutesInputSchema>;

const CountsSchema = z.object({ public: z.number().int().min(0), restricted: z.number().int().min(0), confidential: z.number().int().min(0) }).strict();

/** The generated section: concerns per topic with counts; only public concern text is shown (minutes go to local government). */
export const MinutesConcernSectionSchema = z
  .object({
    total: z.number().int().min(0).describe('Concerns recorded at the meeting'),
    bySensitivity: CountsSchema.describe('Counts per sensitivity'),
    byTopic: z
      .array(
        z
          .object({
            topic: z.enum(CONCERN_TOPICS),
            counts: CountsSchema,
            publicItems: z.array(z.object({ text: z.string(), answer: z.string().nullable() }).strict()).describe('Text of the public concerns of this topic only'),
          })
          .strict(),
      )
      .describe(
        'Per topic, in the managed list order; topics without concerns are left out. Per reader: counts of a sensitivity the reader may not read are 0, and topics with nothing the reader may read are left out (a confidential topic only for the national coordinator)',
      ),
  })
  .strict();
export type MinutesConcernSection = z.infer<typeof MinutesConcernSectionSchema>;

export const MinutesViewSchema = z
  .object({
    meetingId: z.string().uuid(),
    status: MinutesStatusSchema,
    version: z.number().int().min(0).describe('Current draft version (0 when nothing was drafted)'),
    body: z.string().describe('Markdown body of the current version; empty when withheld from this reader'),
    withheld: z
      .boolean()
      .optional()
      .describe('True when the body quotes a concern this reader may not read (e.g. raised to confidential later): the body is then empty for them'),
    language: z.string(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().datetime().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().datetime().nullable(),
    concerns: MinutesConcernSectionSchema,
  })
  .strict();
export type MinutesView = z.infer<typeof MinutesViewSchema>;

export const MinutesVersionViewSchema = z
  .object({
    version: z.number().int().min(1),
    body: z.string().describe('Markdown body of this version; empty when withheld from this reader'),
    withheld: z.boolean().optional().describe('True when this version quotes a concern this reader may not read'),
    language: z.string(),
    createdBy: z.string(),
    createdAt: z.string().datetime(),
  })
  .strict();
export type MinutesVersionView = z.infer<typeof MinutesVersionViewSchema>;

export const MINUTES_RECIPIENT_KINDS = ['police-unit', 'facilitating-organisation', 'invited-organisation'] as const;

export const MinutesRecipientSchema = z
  .object({
    organisationId: z.string().uuid().describe('Organisation id (communities service)'),
    kind: z.enum(MINUTES_RECIPIENT_KINDS).describe('Why it receives the minutes'),
  })
  .strict();

/** Why someone in scope with `minutes:approve` may still not approve a meeting's minutes (ADR 34). */
export type MinutesApproverRefusal = 'no-organisation' | 'not-organiser';

/**
 * Whether this actor may approve the minutes of a meeting (ADR 34; issue 5: "approved by the organising police unit
 * or the facilitating NGO"): the national coordinator always; anyone else only when the organisation their token
 * names is the meeting's police unit or its facilitating organisation. Role and scope are checked before this.
 * Pure, so the console explains the Approve button with the same rule the meetings service enforces.
 */
export function minutesApproverRefusal(
  actor: { roles: readonly string[]; organisationId?: string },
  meeting: { policeUnitId: string | null; facilitatingOrganisationId: string | null },
): MinutesApproverRefusal | null {
  if (actor.roles.includes('national-coordinator')) return null;
  if (!actor.organisationId) return 'no-organisation';
  return actor.organisationId === meeting.policeUnitId || actor.organisationId === meeting.facilitatingOrganisationId ? null : 'not-organiser';
}
