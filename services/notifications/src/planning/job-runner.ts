import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { backoffMs, NOTIFICATIONS_CONFIG } from '../common/notifications-config';
import { WorkerLoop } from '../common/worker-loop';
import type { NotificationsConfig } from '../config';
import { DeliverySender } from '../deliveries/delivery-sender';
import { DeliveryWriter } from '../dispatch/delivery-writer';
import { JobsService } from '../dispatch/jobs.service';
import { ScheduledItemRepository, type ScheduledItemRow } from './scheduled-item.repository';

/** A job failing this often (a peer down for hours, a bug) is parked as failed, with its error, for an operator. */
const MAX_JOB_ATTEMPTS = 20;

/**
 * Runs due scheduled items, one per transaction: the row is locked FOR UPDATE SKIP LOCKED (so replicas take different
 * rows), its recipients resolved, its deliveries written and the row marked done in the same transaction.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly loop: WorkerLoop;

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobsService,
    private readonly writer: DeliveryWriter,
    private readonly sender: DeliverySender,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.loop = new WorkerLoop('jobs', () => this.step(), {
      pollMs: config.pollMs,
      concurrency: 2,
      onError: (error) => this.logger.error(`job step: ${(error as Error)?.message ?? error}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // The daily quarter check: today's, planned by whichever replica starts first.
    const today = new Date().toISOString().slice(0, 10);
    await new ScheduledItemRepository(this.orm.em.fork() as EntityManager).plan(`quarter-check:${today}`, 'quarter-check', new Date(), {});
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Runs one due item; false when none is due. */
  async step(): Promise<boolean> {
    let claimed: ScheduledItemRow | undefined;
    let wrote = 0;
    try {
      await (this.orm.em.fork() as EntityManager).transactional(async (tx) => {
        const items = new ScheduledItemRepository(tx);
        claimed = await items.claimDue();
        if (!claimed) return;
        const messages = await this.jobs.run(tx, claimed);
        for (const message of messages) {
          wrote += (await this.writer.write(tx, message, { consoleUrl: this.config.consoleUrl, organiserEmail: this.sender.organiserEmail })).length;
        }
        await items.finish(claimed.id, 'done');
      });
    } catch (error) {
      if (!claimed) throw error;
      const reason = String((error as Error)?.message ?? error).slice(0, 500);
      const item = claimed;
      await (this.orm.em.fork() as EntityManager).transactional(async (tx) => {
        const items = new ScheduledItemRepository(tx);
        if (item.attempts + 1 >= MAX_JOB_ATTEMPTS) await items.finish(item.id, 'failed', reason);
        else await items.retryAt(item.id, new Date(Date.now() + backoffMs(this.config.retryBaseMs, item.attempts + 1)), reason);
      });
      this.logger.warn(`${item.kind} ${item.key}: attempt ${item.attempts + 1} failed: ${reason}`);
      return true;
    }
    if (!claimed) return false;
    if (wrote > 0) this.sender.wake();
    return true;
  }
}
