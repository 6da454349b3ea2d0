import { LockMode, type MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { OUTBOX_NOTIFY_CHANNEL } from './messaging-tables.sql';
import { OutboxMessage } from './outbox-message.entity';

export interface RelayedMessage {
  id: string;
  subject: string;
  payload: Record<string, unknown>;
  correlationId: string;
  occurredAt: Date;
}

/** Publishes one message and resolves only when the broker acknowledged it. */
export type AckedPublish = (message: RelayedMessage) => Promise<void>;

export interface OutboxRelayOptions {
  orm: MikroORM;
  databaseUrl: string;
  publish: AckedPublish;
  batchSize?: number;
  /** Backstop poll when no notification arrives (missed notify, broker outage). */
  pollIntervalMs?: number;
  logger?: Pick<Console, 'log' | 'warn' | 'error'>;
}

/**
 * Moves committed outbox rows to the broker. Rows are claimed with FOR UPDATE SKIP LOCKED so several
 * replicas can relay at once without publishing a row twice in parallel; `Nats-Msg-Id` = row id lets
 * JetStream drop the rare repeat after a crash between publish and commit.
 */
export class OutboxRelay {
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private relisten?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private again = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly logger: Pick<Console, 'log' | 'warn' | 'error'>;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.logger = options.logger ?? console;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    if (this.relisten) clearTimeout(this.relisten);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Starts a drain, or asks the running one to go round again. */
  wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().then(() => undefined).finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Relays until the outbox is empty or the broker fails. Resolves with the number relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { relayed, failed } = await this.relayBatch();
      total += relayed;
      if (failed || relayed < this.batchSize) return total;
    }
  }

  private async relayBatch(): Promise<{ relayed: number; failed: boolean }> {
    const em = this.options.orm.em.fork();
    let relayed = 0;
    let failed = false;
    try {
      await em.transactional(async (tx) => {
        const rows = await tx.find(
          OutboxMessage,
          { publishedAt: null },
          { orderBy: { createdAt: 'asc', id: 'asc' }, limit: this.batchSize, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
        );
        for (const row of rows) {
          try {
            await this.options.publish({
              id: row.id,
              subject: row.subject,
              payload: row.payload,
              correlationId: row.correlationId,
              occurredAt: row.createdAt,
            });
            row.publishedAt = new Date();
            relayed += 1;
          } catch (error) {
            // Keep what was acknowledged; the rest waits for the next round.
            row.attempts += 1;
            row.lastError = String((error as Error)?.message ?? error).slice(0, 500);
            failed = true;
            break;
          }
        }
      });
    } catch (error) {
      this.logger.error(`outbox relay: ${(error as Error).message}`);
      failed = true;
    }
    return { relayed, failed };
  }

  private async listen(): Promise<void> {
    if (!this.running) return;
    const client = new Client({ connectionString: this.options.databaseUrl, keepAlive: true });
    client.on('notification', () => this.wake());
    let lost = false;
    // A database restart drops the LISTEN connection: poll meanwhile and listen again, or every later
    // event would wait for the poll until the process restarts.
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.running) return;
      this.logger.warn(`outbox relay listener: ${reason}; polling until LISTEN is back`);
      this.relisten = setTimeout(() => void this.listen(), Math.min(this.pollIntervalMs, 1000));
    };
    client.on('error', (error) => onLost(error.message));
    client.on('end', () => onLost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    } catch (error) {
      onLost(`LISTEN failed (${(error as Error).message})`);
      return;
    }
    if (!this.running || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Rows committed while nobody listened were not announced.
    this.wake();
  }
}
