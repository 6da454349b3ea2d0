import { defineRequest } from '../message';
import {
  ReportScopeInputSchema,
  ReportSummarySchema,
  ReportTimeSeriesSchema,
} from './report.dto';

export const GetReportSummaryQryV1 = defineRequest({
  name: 'reporting.qry.report-summary.get.v1',
  kind: 'qry',
  owner: 'reporting',
  description:
    'Measures of one unit (country, region, district or community) over a period of quarters, with the units one level down side by side. ' +
    'NOT_FOUND outside the actor scope; community level and community children need report:drill-down.',
  schema: ReportScopeInputSchema,
  reply: ReportSummarySchema,
});

export const GetReportTimeSeriesQryV1 = defineRequest({
  name: 'reporting.qry.report-timeseries.get.v1',
  kind: 'qry',
  owner: 'reporting',
  description: 'The measures of one unit per quarter of a period (trend charts). Same scope rules as the summary.',
  schema: ReportScopeInputSchema,
  reply: ReportTimeSeriesSchema,
});
