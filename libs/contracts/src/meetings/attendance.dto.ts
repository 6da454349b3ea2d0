import { z } from 'zod';

/** Attendees in one gender row, per age group. Counts only: attendance records no names by default. */
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100_000, 'must be at most 100000');
export const AgeGroupCountsSchema = z
  .object({
    under18: count.describe('Attendees under 18'),
    from18to29: count.describe('Attendees aged 18–29'),
    from30to59: count.describe('Attendees aged 30–59'),
    from60: count.describe('Attendees aged 60 or more'),
  })
  .strict();
export type AgeGroupCounts = z.infer<typeof AgeGroupCountsSchema>;

export const AttendanceCountsSchema = z
  .object({
    women: AgeGroupCountsSchema.describe('Women, per age group'),
    men: AgeGroupCountsSchema.describe('Men, per age group'),
    other: AgeGroupCountsSchema.describe('Other or unspecified gender, per age group'),
  })
  .strict();
export type AttendanceCounts = z.infer<typeof AttendanceCountsSchema>;

export const AttendanceInputSchema = z
  .object({
    counts: AttendanceCountsSchema.describe('Attendees by gender × age group'),
    byCommunity: z
      .array(z.object({ communityId: z.string().uuid().describe('Community of the meeting'), attendees: count.describe('Attendees from it') }).strict())
      .max(100)
      .default([])
      .describe('Regional meetings only: attendees per community; the sum equals the total'),
    officials: z
      .array(z.object({ organisationId: z.string().uuid().describe('Organisation present'), count: count.min(1, 'must be at least 1').describe('Officials of it present') }).strict())
      .max(200)
      .default([])
      .describe('Organisations present and how many of their officials'),
    staffIntroducedContactIds: z.array(z.string().uuid()).max(100).default([]).describe('Contacts (new staff) introduced at the meeting'),
  })
  .strict();
export type AttendanceInput = z.infer<typeof AttendanceInputSchema>;
export type AttendanceInputRaw = z.input<typeof AttendanceInputSchema>;

export const AttendanceViewSchema = AttendanceInputSchema.extend({
  meetingId: z.string().uuid().describe('Meeting'),
  total: z.number().int().describe('All attendees'),
  recordedAt: z.string().datetime().describe('When attendance was last recorded (UTC)'),
});
export type AttendanceView = z.infer<typeof AttendanceViewSchema>;

/** Sum of every cell of the counts. */
export function attendanceTotal(counts: AttendanceCounts): number {
  return Object.values(counts).reduce((sum, row: AgeGroupCounts) => sum + row.under18 + row.from18to29 + row.from30to59 + row.from60, 0);
}
