import { z } from 'zod';
import { COMMUNITY_IMPORT_MAX_ROWS, ImportRowErrorSchema } from '../communities/import-communities.dto';
import { defineRequest } from '../message';
import {
  ImportedPastReportingDaySchema,
  NumberedPastReportingDayRowSchema,
  PastReportingDayInputSchema,
  PastReportingDayViewSchema,
} from './past-reporting-day.dto';

export const RecordPastReportingDayCmdV1 = defineRequest({
  name: 'meetings.cmd.past-reporting-day.record.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Records a reporting day held before the software as a closed meeting marked recordedAfterwards, with its attendance, ' +
    'count-only concerns and survey responses, and the events reporting counts (docs/adr/0035). NOT_FOUND for a community ' +
    'outside the actor scope; UNPROCESSABLE (field heldOn) for a day after today in the district; CONFLICT when that ' +
    'community already has one recorded for that day.',
  schema: z.object({ input: PastReportingDayInputSchema }).strict(),
  reply: PastReportingDayViewSchema,
});

const ImportRowsSchema = z
  .object({
    rows: z.array(NumberedPastReportingDayRowSchema).min(1).max(COMMUNITY_IMPORT_MAX_ROWS).describe('Rows that passed the shape checks'),
  })
  .strict();

export const DryRunPastReportingDayImportQryV1 = defineRequest({
  name: 'meetings.qry.past-reporting-day-import.dry-run.v1',
  kind: 'qry',
  owner: 'meetings',
  description:
    'Checks parsed rows of past reporting days (community found in scope by id or by name in its district, day not in the ' +
    'future, not already recorded, not twice in the file) without writing.',
  schema: ImportRowsSchema,
  reply: z.object({ errors: z.array(ImportRowErrorSchema).describe('Problems found, by row; empty when the rows can be applied') }),
});

export const ApplyPastReportingDayImportCmdV1 = defineRequest({
  name: 'meetings.cmd.past-reporting-day-import.apply.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Records every row as a past reporting day in one transaction with its events; any problem rejects the whole import and writes nothing.',
  schema: ImportRowsSchema,
  reply: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('applied'), created: z.array(ImportedPastReportingDaySchema).describe('One per row, in row order') }),
    z.object({ outcome: z.literal('rejected'), errors: z.array(ImportRowErrorSchema).min(1).describe('Why nothing was written') }),
  ]),
});
