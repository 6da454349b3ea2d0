import { defineRequest } from '../message';
import { MissingReportsInputSchema, MissingReportsSchema } from './report.dto';

/**
 * v2: v1 listed only the communities the quarter expects a reporting day of, so a community activated too late in the
 * quarter to count in its rate vanished from the list exactly when it needed its first reporting day (issue 15). v2
 * lists every community active in the quarter without a held reporting day, each marked `expected`.
 */
export const ListMissingReportsQryV2 = defineRequest({
  name: 'reporting.qry.missing-report.list.v2',
  kind: 'qry',
  owner: 'reporting',
  description:
    'Communities active in a quarter without a reporting day held, expected ones first; one activated too late in the quarter to count ' +
    'in its rate is listed too, marked expected: false (needs report:drill-down); NOT_FOUND outside scope.',
  schema: MissingReportsInputSchema,
  reply: MissingReportsSchema,
});
