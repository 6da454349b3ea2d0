import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { NAME_LANGUAGES } from '../geography/geography.dto';
import { QuarterSchema } from '../meetings/meeting.dto';
import { quarterIndex } from '../time/quarters';
import { MAX_REPORT_QUARTERS, ReportLevelSchema } from './report.dto';

/**
 * Report exports: CSV and XLSX of any summary, a quarterly PDF per district or region. Every
 * export runs as a job in the reporting service; docs/adr/0017-report-exports.md.
 */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS).describe('csv (UTF-8 with BOM), xlsx, or pdf (quarterly report)');
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export const ExportStatusSchema = z
  .enum(EXPORT_STATUSES)
  .describe('queued → running (progress) → done (downloadable until expiresAt, then expired) or failed (reason)');
export type ExportStatus = z.infer<typeof ExportStatusSchema>;

/** Raw bytes per content chunk: base64 makes it 4/3 larger, and one NATS message carries at most 1 MB. */
export const EXPORT_CHUNK_BYTES = 512 * 1024;
/** Most names the gateway may hand over with one export (a district's communities, a country's districts). */
export const EXPORT_MAX_LABELS = 5000;

const LanguageSchema = z.enum(NAME_LANGUAGES).default('en').describe('Language of place names (labels stay English)');

/** Most bytes a CSV answered directly (not as a job) may have: it travels as one NATS message, in base64. */
export const INLINE_CSV_MAX_BYTES = 700 * 1024;

const TableExportSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    level: ReportLevelSchema,
    code: z.union([GeoCodeSchema, z.string().uuid()]).optional().describe('Region or district code, or community id; omitted for country'),
    from: QuarterSchema.describe('First quarter (inclusive)'),
    to: QuarterSchema.optional().describe('Last quarter (inclusive); defaults to from'),
    language: LanguageSchema,
  })
  .strict();

const PdfExportSchema = z
  .object({
    format: z.literal('pdf'),
    level: z.enum(['region', 'district']).describe('The quarterly report is per district or per region'),
    code: GeoCodeSchema,
    quarter: QuarterSchema.describe('The quarter reported on'),
    trendQuarters: z.number().int().min(2).max(16).default(8).describe('Quarters shown in the trend charts, ending with `quarter`'),
    language: LanguageSchema,
  })
  .strict();

/** The query of GET /reports/summary.csv: a CSV export answered at once. */
export const SummaryCsvQuerySchema = z
  .object({
    level: ReportLevelSchema,
    code: z.string().optional(),
    from: QuarterSchema,
    to: QuarterSchema.optional(),
    language: z.enum(NAME_LANGUAGES).optional(),
  })
  .strict();

/** What a user asks for: the body of POST /report-exports. */
export const ReportExportInputSchema = z
  .discriminatedUnion('format', [TableExportSchema, PdfExportSchema])
  .superRefine((input, ctx) => {
    if (input.format === 'pdf') return;
    if (input.level === 'country' && input.code !== undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: 'country takes no code' });
    if (input.level !== 'country' && input.code === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: `a ${input.level} export needs a code` });
    if (input.level === 'community' && input.code !== undefined && !z.string().uuid().safeParse(input.code).success) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'must be a community id' });
    }
    if ((input.level === 'region' || input.level === 'district') && input.code !== undefined && !GeoCodeSchema.safeParse(input.code).success) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'must be a lowercase code like "isfara"' });
    }
    const span = quarterIndex(input.to ?? input.from) - quarterIndex(input.from) + 1;
    if (span < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (span > MAX_REPORT_QUARTERS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_REPORT_QUARTERS} quarters` });
  })
  .describe('csv/xlsx: any summary (level, code, from, to); pdf: the quarterly report of a region or district');
export type ReportExportInput = z.input<typeof ReportExportInputSchema>;
export type ReportExportRequest = z.output<typeof ReportExportInputSchema>;

export const ExportLabelsSchema = z
  .record(z.string().max(64), z.string().max(200))
  .refine((labels) => Object.keys(labels).length <= EXPORT_MAX_LABELS, `at most ${EXPORT_MAX_LABELS} names`)
  .describe('Place names the requester may see (region/district code or community id → name), resolved by the gateway');

export const ExportJobViewSchema = z
  .object({
    id: z.string().uuid(),
    status: ExportStatusSchema,
    progress: z.number().int().min(0).max(100).describe('Percent done while running; 100 when done'),
    request: ReportExportInputSchema,
    requestedBy: z.string().describe('Username of the requester (the data is computed with their scope)'),
    requestedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    attempts: z.number().int().min(0).describe('Runs started (a job whose worker died is run again)'),
    fileName: z.string().nullable(),
    contentType: z.string().nullable(),
    sizeBytes: z.number().int().min(0).nullable(),
    sha256: z.string().nullable().describe('Hex SHA-256 of the file'),
    expiresAt: z.string().nullable().describe('After this the file is deleted and the job is expired'),
    error: z.string().nullable().describe('Why the job failed'),
  })
  .strict();
export type ExportJobView = z.infer<typeof ExportJobViewSchema>;

/** The HTTP view adds where to fetch the file once it is done. */
export const ExportJobResourceSchema = ExportJobViewSchema.extend({
  downloadUrl: z.string().nullable().describe('GET this (same token) for the file; null until done'),
}).strict();
export type ExportJobResource = z.infer<typeof ExportJobResourceSchema>;

export const InlineExportFileSchema = z
  .object({
    fileName: z.string(),
    contentType: z.string(),
    data: z.string().describe('The file, base64'),
  })
  .strict();

export const ExportChunkSchema = z
  .object({
    offset: z.number().int().min(0),
    total: z.number().int().min(0).describe('Size of the whole file'),
    sha256: z.string(),
    data: z.string().describe('The bytes from offset, base64'),
  })
  .strict();
export type ExportChunk = z.infer<typeof ExportChunkSchema>;
