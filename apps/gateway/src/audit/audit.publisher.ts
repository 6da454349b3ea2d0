import type { AuditEntry } from '@rd/contracts';

export interface AuditPublisherOptions {
  /** Acknowledged publish of one record; rejects when the broker did not take it. */
  publish: (entry: AuditEntry) => Promise<void>;
  /** Records held while the broker is away; beyond it the oldest waiting record is dropped (and logged). */
  capacity?: number;
  batchSize?: number;
  retryDelayMs?: (failures: number) => number;
  logger?: Pick<Console, 'log' | 'warn' | 'error'>;
}

export interface AuditPublisherStats {
  submitted: number;
  published: number;
  lost: number;
  buffered: number;
}

/**
 * Publishes audit records after the response has gone out, so the audit trail adds no latency and no failure
 * mode to a request. Records wait in a bounded in-memory buffer while the broker is away and are retried with
 * backoff. A record is lost only when the buffer overflows or the process stops with records still buffered
 * (or crashes): each loss is logged at error level with the whole record, which holds no body or personal data
 * beyond the username and address, so an operator can replay it (docs/adr/0003-audit-trail.md).
 */
export class AuditPublisher {
  private readonly queue: AuditEntry[] = [];
  private inFlight = 0;
  private draining?: Promise<void>;
  private retryTimer?: NodeJS.Timeout;
  private wakeRetry?: () => void;
  private failures = 0;
  private stopped = false;
  private readonly capacity: number;
  private readonly batchSize: number;
  private readonly logger: Pick<Console, 'log' | 'warn' | 'error'>;
  private readonly counts = { submitted: 0, published: 0, lost: 0 };

  constructor(private readonly options: AuditPublisherOptions) {
    this.capacity = options.capacity ?? 10_000;
    this.batchSize = options.batchSize ?? 32;
    this.logger = options.logger ?? console;
  }

  get stats(): AuditPublisherStats {
    return { ...this.counts, buffered: this.queue.length + this.inFlight };
  }

  /** Queues a record; never throws and never waits. */
  submit(entry: AuditEntry): void {
    this.counts.submitted += 1;
    if (this.stopped) {
      this.lose(entry, 'publisher stopped');
      return;
    }
    if (this.queue.length >= this.capacity) {
      this.lose(this.queue.shift() as AuditEntry, `buffer full (${this.capacity} records)`);
    }
    this.queue.push(entry);
    this.wake();
  }

  /** Waits until every buffered record is published or `timeoutMs` passed; resolves with how many are left. */
  async flush(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    this.wakeRetry?.();
    while (this.queue.length + this.inFlight > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.queue.length + this.inFlight;
  }

  /** Stops publishing; records still buffered are logged as lost. */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    for (const entry of this.queue.splice(0)) this.lose(entry, 'stopped before it was published');
  }

  private wake(): void {
    if (this.draining || this.stopped) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.queue.length && !this.stopped) this.wake();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length && !this.stopped) {
      const batch = this.queue.splice(0, this.batchSize);
      this.inFlight = batch.length;
      const results = await Promise.allSettled(batch.map((entry) => this.options.publish(entry)));
      this.inFlight = 0;
      const failed = batch.filter((_, index) => results[index].status === 'rejected');
      this.counts.published += batch.length - failed.length;
      if (!failed.length) {
        if (this.failures) this.logger.log(`audit: publishing again after ${this.failures} failed attempt(s); ${this.queue.length} buffered`);
        this.failures = 0;
        continue;
      }
      // Back to the front, oldest first; the next round retries them after a pause.
      if (this.stopped) failed.forEach((entry) => this.lose(entry, 'stopped before it was published'));
      else this.queue.unshift(...failed);
      this.failures += 1;
      const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
      if (this.failures === 1 || this.failures % 50 === 0) {
        this.logger.error(
          `audit: publishing failed (${(reason as Error)?.message ?? reason}); ${this.queue.length} record(s) buffered, retrying`,
        );
      }
      await this.pause(this.options.retryDelayMs?.(this.failures) ?? Math.min(5000, 50 * 2 ** this.failures));
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = undefined;
        this.wakeRetry = undefined;
        resolve();
      };
      this.wakeRetry = done;
      this.retryTimer = setTimeout(done, ms);
      this.retryTimer.unref();
    });
  }

  private lose(entry: AuditEntry, reason: string): void {
    this.counts.lost += 1;
    this.logger.error(`AUDIT RECORD LOST (${reason}): ${JSON.stringify(entry)}`);
  }
}
