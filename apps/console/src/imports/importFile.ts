import {
  COMMUNITY_IMPORT_MAX_BYTES,
  COMMUNITY_IMPORT_MEDIA_TYPES,
  CommunityImportReportSchema,
  CommunityImportResultSchema,
  ProblemDetailsSchema,
  type CommunityImportReport,
  type CommunityImportResult,
} from '@rd/contracts';

/** Columns an import file may have, in the order the console shows them. */
export const IMPORT_COLUMNS = ['name', 'districtCode', 'kind', 'population', 'borderAdjacent', 'languages', 'latitude', 'longitude', 'code'];

/** The media type to send a file as, from its name; undefined for anything but .csv and .xlsx. */
export function importMediaType(fileName: string): string | undefined {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv') return COMMUNITY_IMPORT_MEDIA_TYPES.csv;
  if (extension === 'xlsx') return COMMUNITY_IMPORT_MEDIA_TYPES.xlsx;
  return undefined;
}

/** Why a file cannot be sent at all (checked again by the gateway), as an i18n key and its values. */
export function fileProblem(file: { name: string; size: number }): { key: string; values?: Record<string, unknown> } | undefined {
  if (!importMediaType(file.name)) return { key: 'resources.community-imports.wrongType' };
  if (file.size > COMMUNITY_IMPORT_MAX_BYTES) return { key: 'resources.community-imports.tooLarge', values: { size: COMMUNITY_IMPORT_MAX_BYTES / 1024 / 1024 } };
  if (file.size === 0) return { key: 'resources.community-imports.empty' };
  return undefined;
}

export type ImportAnswer =
  | { kind: 'report'; report: CommunityImportReport }
  | { kind: 'applied'; result: CommunityImportResult }
  | { kind: 'rejected'; report: CommunityImportReport; message: string }
  | { kind: 'problem'; status: number; message?: string };

/** What an answer of the import routes means for the wizard. */
export function readImportAnswer(status: number, body: unknown): ImportAnswer {
  if (status === 200) {
    const report = CommunityImportReportSchema.safeParse(body);
    if (report.success) return { kind: 'report', report: report.data };
  }
  if (status === 201) {
    const result = CommunityImportResultSchema.safeParse(body);
    if (result.success) return { kind: 'applied', result: result.data };
  }
  const problem = ProblemDetailsSchema.safeParse(body);
  if (status === 422) {
    // The 422 problem carries the same per-row report as a dry-run.
    const report = CommunityImportReportSchema.safeParse(body);
    if (report.success) return { kind: 'rejected', report: report.data, message: problem.success ? (problem.data.detail ?? '') : '' };
  }
  return { kind: 'problem', status, message: problem.success ? problem.data.detail : undefined };
}

/** The apply button is enabled only for a checked file without a single problem. */
export function canApply(report: CommunityImportReport | undefined): boolean {
  return !!report && report.rows > 0 && report.errors.length === 0 && report.valid === report.rows;
}
