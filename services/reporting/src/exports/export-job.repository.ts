import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor, ExportStatus, ReportExportRequest } from '@rd/contracts';

/** An export_job row without its content. */
export interface ExportJobRow {
  id: string;
  status: ExportStatus;
  progress: number;
  request: ReportExportRequest;
  labels: Record<string, string>;
  actor: Actor;
  requester_id: string;
  requested_by: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  attempts: number;
  worker_id: string | null;
  heartbeat_at: Date | null;
  file_name: string | null;
  content_type: string | null;
  size_bytes: string | number | null;
  sha256: string | null;
  storage: 'db' | 'files' | null;
  expires_at: Date | null;
  error: string | null;
}

const COLUMNS = `id, status, progress, request, labels, actor, requester_id, requested_by, requested_at, started_at, finished_at,
  attempts, worker_id, heartbeat_at, file_name, content_type, size_bytes, sha256, storage, expires_at, error`;

export interface FinishedFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storage: 'db' | 'files';
  /** The bytes when stored in the database; null when they are in the files directory. */
  content: Buffer | null;
  expiresAt: Date;
}

/**
 * Every query on export_job, in SQL: the queue semantics (claim with SKIP LOCKED, fenced updates by worker
 * id, stale re-queue) are clearer written out than through the ORM, and the content is read in slices.
 */
@Injectable()
export class ExportJobRepository {
  constructor(private readonly em: EntityManager) {}

  /** Each statement on its own, outside any caller's transaction (a fresh fork has none); see docs/adr/0032-entities-or-sql.md. */
  private run<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.em.fork().execute<T[]>(sql, params);
  }

  async insert(job: { id: string; request: ReportExportRequest; labels: Record<string, string>; actor: Actor; now: Date }): Promise<ExportJobRow> {
    const [row] = await this.run<ExportJobRow>(
      `insert into export_job (id, status, progress, request, labels, actor, requester_id, requested_by, requested_at)
       values (?, 'queued', 0, ?, ?, ?, ?, ?, ?) returning ${COLUMNS}`,
      [job.id, JSON.stringify(job.request), JSON.stringify(job.labels), JSON.stringify(job.actor), job.actor.userId, job.actor.username, job.now],
    );
    return row;
  }

  async findById(id: string): Promise<ExportJobRow | undefined> {
    const [row] = await this.run<ExportJobRow>(`select ${COLUMNS} from export_job where id = ?`, [id]);
    return row;
  }

  async list(requesterId: string | null, offset: number, limit: number, order: 'ASC' | 'DESC'): Promise<{ rows: ExportJobRow[]; total: number }> {
    const where = requesterId === null ? '' : 'where requester_id = ?';
    const params = requesterId === null ? [] : [requesterId];
    const rows = await this.run<ExportJobRow>(
      `select ${COLUMNS} from export_job ${where} order by requested_at ${order === 'ASC' ? 'asc' : 'desc'}, id offset ? limit ?`,
      [...params, offset, limit],
    );
    const [count] = await this.run<{ n: string }>(`select count(*) as n from export_job ${where}`, params);
    return { rows, total: Number(count.n) };
  }

  /**
   * Takes the oldest queued job for this worker. FOR UPDATE SKIP LOCKED lets several replicas claim at
   * the same moment without waiting on each other or taking the same row.
   */
  async claimNext(workerId: string): Promise<ExportJobRow | undefined> {
    const [row] = await this.run<ExportJobRow>(
      `update export_job set status = 'running', worker_id = ?, heartbeat_at = now(), started_at = now(), attempts = attempts + 1, progress = 0
       where id = (select id from export_job where status = 'queued' order by requested_at, id for update skip locked limit 1)
       returning ${COLUMNS}`,
      [workerId],
    );
    return row;
  }

  /** Progress and liveness; false when the job is no longer this worker's (re-queued meanwhile): stop then. */
  async heartbeat(id: string, workerId: string, progress: number): Promise<boolean> {
    const rows = await this.run<{ id: string }>(
      `update export_job set heartbeat_at = now(), progress = greatest(progress, ?) where id = ? and worker_id = ? and status = 'running' returning id`,
      [progress, id, workerId],
    );
    return rows.length === 1;
  }

  async complete(id: string, workerId: string, file: FinishedFile): Promise<boolean> {
    const rows = await this.run<{ id: string }>(
      `update export_job set status = 'done', progress = 100, finished_at = now(), heartbeat_at = now(), file_name = ?, content_type = ?,
         size_bytes = ?, sha256 = ?, storage = ?, content = ?, expires_at = ?, error = null
       where id = ? and worker_id = ? and status = 'running' returning id`,
      [file.fileName, file.contentType, file.sizeBytes, file.sha256, file.storage, file.content, file.expiresAt, id, workerId],
    );
    return rows.length === 1;
  }

  async fail(id: string, workerId: string, reason: string): Promise<boolean> {
    const rows = await this.run<{ id: string }>(
      `update export_job set status = 'failed', finished_at = now(), error = ? where id = ? and worker_id = ? and status = 'running' returning id`,
      [reason.slice(0, 1000), id, workerId],
    );
    return rows.length === 1;
  }

  /** Hands a job back to the queue (graceful shutdown of its worker). */
  async release(id: string, workerId: string): Promise<void> {
    await this.run(`update export_job set status = 'queued', worker_id = null, progress = 0 where id = ? and worker_id = ? and status = 'running'`, [id, workerId]);
  }

  /**
   * Jobs whose worker stopped beating (process killed, machine lost) go back to the queue, or fail once
   * they have been started `maxAttempts` times (a job that kills its worker must not loop forever).
   */
  async requeueStale(staleAfterMs: number, maxAttempts: number): Promise<{ requeued: number; failed: number }> {
    const rows = await this.run<{ status: string }>(
      `update export_job set
         status = case when attempts >= ? then 'failed' else 'queued' end,
         error = case when attempts >= ? then 'The export stopped ' || attempts || ' times without finishing' else error end,
         finished_at = case when attempts >= ? then now() else finished_at end,
         worker_id = case when attempts >= ? then worker_id else null end
       where id in (select id from export_job where status = 'running' and heartbeat_at < now() - (? * interval '1 millisecond') for update skip locked)
       returning status`,
      [maxAttempts, maxAttempts, maxAttempts, maxAttempts, staleAfterMs],
    );
    return { requeued: rows.filter((r) => r.status === 'queued').length, failed: rows.filter((r) => r.status === 'failed').length };
  }

  /** Done jobs past their expiry lose their file; returns the ones whose file is on disk, to delete it. */
  async expire(): Promise<{ id: string; storage: string | null; attempts: number }[]> {
    return this.run(
      `update export_job set status = 'expired', content = null
       where id in (select id from export_job where status = 'done' and expires_at < now() for update skip locked)
       returning id, storage, attempts`,
    );
  }

  /** A slice of the stored bytes; substring() on an EXTERNAL-storage bytea reads only those pages. */
  async readContent(id: string, offset: number, length: number): Promise<Buffer> {
    const [row] = await this.run<{ part: Buffer | null }>(`select substring(content from ? for ?) as part from export_job where id = ?`, [offset + 1, length, id]);
    return row?.part ?? Buffer.alloc(0);
  }
}
