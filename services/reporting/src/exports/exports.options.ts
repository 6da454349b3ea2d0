import type { ExportStorageKind } from './export-storage';

/** Settings of the export jobs (services/reporting/src/config.ts reads them from EXPORT_* variables). */
export interface ExportsOptions {
  /** `db`: files in export_job.content (bytea); `files`: in filesDir, which every replica must share. */
  storage: ExportStorageKind;
  filesDir: string;
  /** Run the worker loop in this process (off for a replica that should only answer queries). */
  workerEnabled: boolean;
  pollMs: number;
  heartbeatMs: number;
  staleAfterMs: number;
  maxAttempts: number;
  ttlHours: number;
  maxBytes: number;
  throttleMs: number;
  /** TTF fonts with Cyrillic for the PDF; found in the standard font directories when unset. */
  pdfFont?: string;
  pdfFontBold?: string;
}

export const DEFAULT_EXPORTS_OPTIONS: ExportsOptions = {
  storage: 'db',
  filesDir: '/var/lib/reporting-days/exports',
  workerEnabled: true,
  pollMs: 1000,
  heartbeatMs: 2000,
  staleAfterMs: 30_000,
  maxAttempts: 3,
  ttlHours: 7 * 24,
  maxBytes: 100 * 1024 * 1024,
  throttleMs: 0,
};
