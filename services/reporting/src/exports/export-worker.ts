import { Logger } from '@nestjs/common';
import { DomainException, ErrorCode } from '@rd/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ExportBuilder } from './export-builder';
import type { ExportJobRepository, ExportJobRow } from './export-job.repository';
import type { ExportFiles } from './export-storage';

export interface ExportWorkerOptions {
  /** How often an idle worker looks for queued jobs and stale ones (a local request wakes it at once). */
  pollMs: number;
  /** A running job's worker writes heartbeat_at this often. */
  heartbeatMs: number;
  /** A running job whose heartbeat is older than this is re-queued: its worker is presumed dead. */
  staleAfterMs: number;
  /** Runs before a job that keeps killing its worker fails for good. */
  maxAttempts: number;
  /** How long a finished file stays downloadable. */
  ttlMs: number;
  /** Larger files fail with a reason (the database keeps them in one bytea). */
  maxBytes: number;
}

class JobLost extends Error {
  constructor() {
    super('the job was re-queued while this worker ran it');
  }
}

/**
 * Runs export jobs, one at a time per replica. Jobs are claimed with FOR UPDATE SKIP LOCKED, so every
 * replica can run this loop and each job runs once; every update is fenced by worker id, so a worker that
 * lost its job (it stalled, the job was re-queued and claimed elsewhere) can no longer touch it.
 */
export class ExportWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(ExportWorker.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private loop?: Promise<void>;
  private again = false;
  private current?: string;

  constructor(
    private readonly jobs: ExportJobRepository,
    private readonly builder: ExportBuilder,
    private readonly files: ExportFiles,
    private readonly options: ExportWorkerOptions,
  ) {}

  start(): void {
    this.running = true;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.wake();
  }

  /** Stops claiming; a job in progress is handed back to the queue for another replica. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    const current = this.current;
    if (current) await this.jobs.release(current, this.id).catch(() => undefined);
    await this.loop?.catch(() => undefined);
  }

  wake(): void {
    if (!this.running) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.drain()
      .catch((error: unknown) => this.logger.error(`export worker: ${(error as Error).message}`))
      .finally(() => {
        this.loop = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    const stale = await this.jobs.requeueStale(this.options.staleAfterMs, this.options.maxAttempts);
    if (stale.requeued || stale.failed) this.logger.warn(`export jobs of dead workers: ${stale.requeued} re-queued, ${stale.failed} failed`);
    for (const expired of await this.jobs.expire()) {
      if (expired.storage === 'files') await this.files.remove(expired.id, expired.attempts).catch(() => undefined);
    }
    while (this.running) {
      const job = await this.jobs.claimNext(this.id);
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: ExportJobRow): Promise<void> {
    this.current = job.id;
    let progress = 0;
    let lost = false;
    const beat = async () => {
      if (!(await this.jobs.heartbeat(job.id, this.id, progress))) lost = true;
    };
    const heartbeat = setInterval(() => void beat().catch(() => undefined), this.options.heartbeatMs);
    try {
      const built = await this.builder.build(job.request, {
        actor: job.actor,
        labels: job.labels,
        now: new Date(),
        progress: async (done) => {
          progress = Math.min(99, Math.floor(done * 100));
          await beat();
          if (lost || !this.running) throw new JobLost();
        },
      });
      if (built.content.length > this.options.maxBytes) {
        await this.jobs.fail(job.id, this.id, `The file would be ${built.content.length} bytes, over the ${this.options.maxBytes}-byte limit: choose a shorter period or a smaller area`);
        return;
      }
      // A run that lost its job may still get here: each attempt writes its own file, only the fenced winner is served.
      if (this.files.kind === 'files') await this.files.write(job.id, job.attempts, built.content);
      const finished = await this.jobs.complete(job.id, this.id, {
        fileName: built.fileName,
        contentType: built.contentType,
        sizeBytes: built.content.length,
        sha256: createHash('sha256').update(built.content).digest('hex'),
        storage: this.files.kind,
        content: this.files.kind === 'db' ? built.content : null,
        expiresAt: new Date(Date.now() + this.options.ttlMs),
      });
      if (!finished && this.files.kind === 'files') await this.files.remove(job.id, job.attempts).catch(() => undefined);
    } catch (error) {
      if (error instanceof JobLost) {
        // Stopping: hand the job back now rather than after the stale timeout (a no-op if it was taken away).
        if (!this.running) await this.jobs.release(job.id, this.id).catch(() => undefined);
        return;
      }
      // A refusal of the read model (scope changed, bad unit) is the user's reason; anything else stays in the log.
      const reason = error instanceof DomainException && error.code !== ErrorCode.Internal && error.code !== ErrorCode.ServiceUnavailable ? error.message : 'The export could not be built';
      this.logger.error(`export ${job.id} failed: ${(error as Error).stack ?? String(error)}`);
      await this.jobs.fail(job.id, this.id, reason).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
      this.current = undefined;
    }
  }
}
