import { NAME_LANGUAGES, type ExportFormat, type ExportJobResource, type ReportExportInput } from '@rd/contracts';
import type { ReportPeriod } from './period';
import type { UnitRef } from './scope';

type NameLanguage = (typeof NAME_LANGUAGES)[number];

const nameLanguage = (locale: string): NameLanguage =>
  (NAME_LANGUAGES as readonly string[]).includes(locale) ? (locale as NameLanguage) : 'en';

/** The quarterly PDF exists per region and per district only. */
export const pdfAllowed = (unit: UnitRef) => (unit.level === 'region' || unit.level === 'district') && unit.code !== undefined;

/**
 * Body of POST /report-exports for what the dashboard shows: CSV/XLSX of the summary of the period, or the PDF
 * of the period's last quarter with the trend of the eight quarters before. Place names in the console language.
 */
export function exportRequest(format: ExportFormat, unit: UnitRef, period: ReportPeriod, locale: string): ReportExportInput {
  const language = nameLanguage(locale);
  if (format === 'pdf') {
    if (!pdfAllowed(unit)) throw new Error('The quarterly PDF is per region or district');
    return { format, level: unit.level as 'region' | 'district', code: unit.code as string, quarter: period.to, trendQuarters: 8, language };
  }
  return {
    format,
    level: unit.level,
    ...(unit.code === undefined ? {} : { code: unit.code }),
    from: period.from,
    to: period.to,
    language,
  };
}

/** Jobs still moving: the jobs list polls while any is. */
export const jobActive = (job: Pick<ExportJobResource, 'status'>) => job.status === 'queued' || job.status === 'running';

/** The file is fetched with the user's token (a plain link would carry none), only once the job is done. */
export const downloadable = (job: Pick<ExportJobResource, 'status' | 'downloadUrl'>) => job.status === 'done' && !!job.downloadUrl;

/**
 * The API path of a job's download link: the gateway gives an absolute `/api/v1/...` path (or a full URL); the
 * console's data provider takes paths relative to its API base.
 */
export function downloadPath(downloadUrl: string): string {
  const path = downloadUrl.replace(/^https?:\/\/[^/]+/, '');
  return path.replace(/^\/api\/v1\//, '').replace(/^\/+/, '');
}

/** A short description of what a job exports, e.g. `district isfara · 2026-Q1 – 2026-Q4`. */
export function jobSubject(request: ExportJobResource['request']): string {
  const unit = request.level === 'country' ? 'country' : `${request.level} ${request.code ?? ''}`.trim();
  const period =
    request.format === 'pdf' ? request.quarter : request.to && request.to !== request.from ? `${request.from} – ${request.to}` : request.from;
  return `${unit} · ${period}`;
}
