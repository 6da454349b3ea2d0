import type { ExportJobView, ReportExportRequest } from '@rd/contracts';
import type { ExportJobRow } from './export-job.repository';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The only place that decides what of a job leaves the service: never the actor, labels or content. */
export function toExportJobView(row: ExportJobRow): ExportJobView {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    request: row.request as ReportExportRequest,
    requestedBy: row.requested_by,
    requestedAt: new Date(row.requested_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    attempts: row.attempts,
    fileName: row.status === 'done' ? row.file_name : null,
    contentType: row.status === 'done' ? row.content_type : null,
    sizeBytes: row.status === 'done' && row.size_bytes !== null ? Number(row.size_bytes) : null,
    sha256: row.status === 'done' ? row.sha256 : null,
    expiresAt: iso(row.expires_at),
    error: row.error,
  };
}
