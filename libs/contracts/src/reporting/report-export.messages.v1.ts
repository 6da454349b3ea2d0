import { z } from 'zod';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineRequest } from '../message';
import { EXPORT_CHUNK_BYTES, ExportChunkSchema, ExportJobViewSchema, ExportLabelsSchema, INLINE_CSV_MAX_BYTES, InlineExportFileSchema, ReportExportInputSchema } from './report-export.dto';

export const RequestReportExportCmdV1 = defineRequest({
  name: 'reporting.cmd.report-export.request.v1',
  kind: 'cmd',
  owner: 'reporting',
  description:
    'Queue an export job (CSV/XLSX of a summary, quarterly PDF); it remembers the actor and runs with their scope. NOT_FOUND when the unit is outside it.',
  schema: z.object({ request: ReportExportInputSchema, labels: ExportLabelsSchema }).strict(),
  reply: ExportJobViewSchema,
});

export const GetReportExportQryV1 = defineRequest({
  name: 'reporting.qry.report-export.get.v1',
  kind: 'qry',
  owner: 'reporting',
  description: 'One export job; NOT_FOUND unless the actor requested it or is the national coordinator.',
  schema: z.object({ id: z.string().uuid() }).strict(),
  reply: ExportJobViewSchema,
});

export const ListReportExportsQryV1 = defineRequest({
  name: 'reporting.qry.report-export.list.v1',
  kind: 'qry',
  owner: 'reporting',
  description: 'The actor’s own export jobs, newest first (every job for the national coordinator unless `mine`).',
  // `mine` is optional with a default, so v1 callers that do not send it keep their meaning.
  schema: listQuerySchema(['requestedAt'] as const).extend({
    mine: z.boolean().default(false).describe('Only the jobs the actor requested (matters for the national coordinator, who may list every job)'),
  }),
  reply: listReplySchema(ExportJobViewSchema),
});

export const ReadReportExportContentQryV1 = defineRequest({
  name: 'reporting.qry.report-export-content.read.v1',
  kind: 'qry',
  owner: 'reporting',
  description: `Bytes of a finished export from offset, at most ${EXPORT_CHUNK_BYTES} per message (NATS carries 1 MB); same access rule as get; CONFLICT unless done.`,
  schema: z
    .object({
      id: z.string().uuid(),
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(EXPORT_CHUNK_BYTES).default(EXPORT_CHUNK_BYTES),
    })
    .strict(),
  reply: ExportChunkSchema,
});

export const RenderReportCsvQryV1 = defineRequest({
  name: 'reporting.qry.report-csv.render.v1',
  kind: 'qry',
  owner: 'reporting',
  description: `A CSV export (format csv) built at once, without a job, when it stays under ${INLINE_CSV_MAX_BYTES} bytes; CONFLICT when larger (request a job). Same scope rules as the summary.`,
  schema: z.object({ request: ReportExportInputSchema, labels: ExportLabelsSchema }).strict(),
  reply: InlineExportFileSchema,
});
