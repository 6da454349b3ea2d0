import { Inject, Injectable } from '@nestjs/common';
import {
  DomainException,
  INLINE_CSV_MAX_BYTES,
  type Actor,
  type DataOf,
  type ExportChunk,
  type ExportJobView,
  type ListReportExportsQryV1,
  type ReadReportExportContentQryV1,
  type RenderReportCsvQryV1,
  type ReportExportRequest,
  type RequestReportExportCmdV1,
} from '@rd/contracts';
import { randomUUID } from 'node:crypto';
import { ExportBuilder } from './export-builder';
import { ExportJobRepository, type ExportJobRow } from './export-job.repository';
import { toExportJobView } from './export-job.mapper';
import { ExportFiles } from './export-storage';
import { ExportWorker } from './export-worker';
import { REPORT_SOURCE, type ReportSource } from './report-source';

/** Only the requester, or the national coordinator, sees a job and its file; anyone else gets NOT_FOUND. */
export function mayAccessExport(actor: Actor, row: Pick<ExportJobRow, 'requester_id'>): boolean {
  return row.requester_id === actor.userId || actor.roles.includes('national-coordinator');
}

@Injectable()
export class ExportsService {
  constructor(
    private readonly jobs: ExportJobRepository,
    private readonly files: ExportFiles,
    private readonly worker: ExportWorker,
    private readonly builder: ExportBuilder,
    @Inject(REPORT_SOURCE) private readonly source: ReportSource,
  ) {}

  /**
   * Queues a job after one cheap summary with the caller's actor: outside their scope (or a level their role
   * may not open) the request fails now, with the summary's own error, instead of as a failed job later.
   */
  async request(actor: Actor, data: DataOf<typeof RequestReportExportCmdV1>): Promise<ExportJobView> {
    const request = data.request as ReportExportRequest;
    const first = request.format === 'pdf' ? request.quarter : request.from;
    await this.source.summary(actor, { level: request.level, code: request.code, from: first, to: first, suppress: true });
    const row = await this.jobs.insert({ id: randomUUID(), request, labels: data.labels, actor, now: new Date() });
    this.worker.wake();
    return toExportJobView(row);
  }

  /** A CSV built while the caller waits (GET /reports/summary.csv): same file as the job would write. */
  async renderCsv(actor: Actor, data: DataOf<typeof RenderReportCsvQryV1>): Promise<{ fileName: string; contentType: string; data: string }> {
    const request = data.request as ReportExportRequest;
    if (request.format !== 'csv') throw new DomainException('export.csv-only', 'Only CSV is built at once', [{ field: 'format', message: 'must be csv' }]);
    const file = await this.builder.build(request, { actor, labels: data.labels, now: new Date(), progress: async () => undefined, throttle: false });
    if (file.content.length > INLINE_CSV_MAX_BYTES) {
      throw new DomainException('export.too-large', 'This CSV is too large to answer at once: request it as an export job (POST /report-exports)');
    }
    return { fileName: file.fileName, contentType: file.contentType, data: file.content.toString('base64') };
  }

  async get(actor: Actor, id: string): Promise<ExportJobView> {
    return toExportJobView(await this.load(actor, id));
  }

  async list(actor: Actor, query: DataOf<typeof ListReportExportsQryV1>): Promise<{ items: ExportJobView[]; total: number }> {
    const everyone = actor.roles.includes('national-coordinator') && !query.mine;
    const { rows, total } = await this.jobs.list(everyone ? null : actor.userId, query.offset, query.limit, query.order);
    return { items: rows.map(toExportJobView), total };
  }

  /** One slice of a finished file (the gateway asks slice after slice: NATS carries at most 1 MB). */
  async read(actor: Actor, query: DataOf<typeof ReadReportExportContentQryV1>): Promise<ExportChunk> {
    const row = await this.load(actor, query.id);
    if (row.status !== 'done' || row.sha256 === null || row.size_bytes === null) {
      throw new DomainException('export.not-ready', `The export is ${row.status}, not ready to download`);
    }
    const total = Number(row.size_bytes);
    if (query.offset > total) throw new DomainException('export.offset-out-of-range', 'Offset beyond the end of the file', [{ field: 'offset', message: `at most ${total}` }]);
    const length = Math.min(query.length, total - query.offset);
    const bytes =
      length === 0
        ? Buffer.alloc(0)
        : row.storage === 'files'
          ? await this.files.read(row.id, row.attempts, query.offset, length)
          : await this.jobs.readContent(row.id, query.offset, length);
    return { offset: query.offset, total, sha256: row.sha256, data: bytes.toString('base64') };
  }

  private async load(actor: Actor, id: string): Promise<ExportJobRow> {
    const row = await this.jobs.findById(id);
    if (!row || !mayAccessExport(actor, row)) throw new DomainException('export.not-found', 'Export not found');
    return row;
  }
}
