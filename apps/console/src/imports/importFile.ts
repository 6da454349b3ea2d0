import {
  COMMUNITY_IMPORT_MAX_BYTES,
  COMMUNITY_IMPORT_MEDIA_TYPES,
  CommunityImportReportSchema,
  ProblemDetailsSchema,
  type CommunityImportReport,
  type ProblemDetails,
} from '@rd/contracts';
import type { z } from 'zod';

/** What every import's dry-run answers: rows in the file, rows without problems, every problem by row. */
export type ImportReport = CommunityImportReport;
const ImportReportSchema = CommunityImportReportSchema;

/** The media type to send a file as, from its name; undefined for anything but .csv and .xlsx. */
export function importMediaType(fileName: string): string | undefined {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv') return COMMUNITY_IMPORT_MEDIA_TYPES.csv;
  if (extension === 'xlsx') return COMMUNITY_IMPORT_MEDIA_TYPES.xlsx;
  return undefined;
}

/** Why a file cannot be sent at all (checked again by the gateway), as an i18n key and its values. */
export function fileProblem(file: { name: string; size: number }, maxBytes = COMMUNITY_IMPORT_MAX_BYTES): { key: string; values?: Record<string, unknown> } | undefined {
  if (!importMediaType(file.name)) return { key: 'imports.wrongType' };
  if (file.size > maxBytes) return { key: 'imports.tooLarge', values: { size: maxBytes / 1024 / 1024 } };
  if (file.size === 0) return { key: 'imports.empty' };
  return undefined;
}

export type ImportAnswer<R> =
  | { kind: 'report'; report: ImportReport }
  | { kind: 'applied'; result: R }
  | { kind: 'rejected'; report: ImportReport; message: string }
  /** Any other answer: its status and problem+json, told by useFailureText (never the problem's English detail). */
  | { kind: 'problem'; status: number; problem?: ProblemDetails };

/** What an answer of an import's routes means for the wizard; `resultSchema` reads what its apply answers (201). */
export function readImportAnswer<R>(status: number, body: unknown, resultSchema: z.ZodType<R>): ImportAnswer<R> {
  if (status === 200) {
    const report = ImportReportSchema.safeParse(body);
    if (report.success) return { kind: 'report', report: report.data };
  }
  if (status === 201) {
    const result = resultSchema.safeParse(body);
    if (result.success) return { kind: 'applied', result: result.data };
  }
  const problem = ProblemDetailsSchema.safeParse(body);
  if (status === 422) {
    // The 422 problem carries the same per-row report as a dry-run.
    const report = ImportReportSchema.safeParse(body);
    if (report.success) return { kind: 'rejected', report: report.data, message: problem.success ? (problem.data.detail ?? '') : '' };
  }
  return { kind: 'problem', status, problem: problem.success ? problem.data : undefined };
}

/** The apply button is enabled only for a checked file without a single problem. */
export function canApply(report: ImportReport | undefined): boolean {
  return !!report && report.rows > 0 && report.errors.length === 0 && report.valid === report.rows;
}
