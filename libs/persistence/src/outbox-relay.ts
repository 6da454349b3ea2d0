import type { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { OUTBOX_NOTIFY_CHANNEL } from './messaging-tables.sql';

export interface RelayedMessage {
  id: string;
  subject: string;
  payload: Record<string, unknown>;
  correlationId: string;
  occurredAt: Date;
  /** Order is kept among messages with the same key only (aggregate-key.ts). */
  aggregateKey: string;
}

/**
 * What a refused publish holds back: `stream` — every message of its stream (the stream is full, missing or the
 * broker does not answer); `message` — only this message's aggregate (the message itself is refused, e.g. too large).
 */
export type PublishFailureScope = 'stream' | 'message';

/** A stream or an aggregate the relay is holding back after a refusal, and until when. */
export interface RelayBackoff {
  scope: PublishFailureScope;
  /** The stream's owner token (`audit`, `meetings`) or the aggregate key. */
  name: string;
  failures: number;
  until: Date;
  lastError: string;
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
  /** Decides what a refused publish holds back (default: its whole stream, the cautious choice). */
  classifyFailure?: (error: unknown, message: RelayedMessage) => PublishFailureScope;
  /** Backoff of a refusing stream: doubles from `initialMs` to `streamMaxMs`; an aggregate's up to `messageMaxMs`. */
  backoff?: { initialMs?: number; streamMaxMs?: number; messageMaxMs?: number };
}

interface OutboxRow {
  id: string;
  subject: string;
  payload: Record<string, unknown>;
  correlation_id: string;
  created_at: Date;
  aggregate_key: string;
}

interface BatchResult {
  claimed: number;
  relayed: number;
  /** A stream or aggregate was newly held back, so the next claim is narrower. */
  heldBack: boolean;
  failed: boolean;
}

/** The stream a subject (without prefix) is stored in: one per owner, `<owner>.evt.…` (libs/contracts). */
export function streamOfSubject(subject: string): string {
  return subject.split('.')[0];
}

/**
 * Moves committed outbox rows to the broker. Rows are claimed with FOR UPDATE SKIP LOCKED so several
 * replicas can relay at once without publishing a row twice in parallel; `Nats-Msg-Id` = row id lets
 * JetStream drop the rare repeat after a crash between publish and commit.
 *
 * Order is kept per aggregate key, not globally: a row waits only for the earlier unpublished rows of its own key.
 * A refused publish holds back its stream (or, for a refused message, its aggregate) with a capped backoff while the
 * other streams and aggregates keep flowing; the refused row is retried first when the backoff ends, so nothing is
 * lost or reordered within an aggregate (docs/adr/0027-outbox-order-per-aggregate-and-stream-limits.md).
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
  private readonly backoffs = new Map<string, RelayBackoff>();
  private readonly initialBackoffMs: number;
  private readonly streamBackoffMaxMs: number;
  private readonly messageBackoffMaxMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.logger = options.logger ?? console;
    this.initialBackoffMs = options.backoff?.initialMs ?? 500;
    // Short for streams: a retry against a full stream costs one refused publish, and a broker back from an outage
    // should not wait long; longer for one message the broker refuses as such.
    this.streamBackoffMaxMs = options.backoff?.streamMaxMs ?? 5000;
    this.messageBackoffMaxMs = options.backoff?.messageMaxMs ?? 60_000;
  }

  /** Streams and aggregates currently held back after a refusal (for health and metrics). */
  heldBack(now = Date.now()): RelayBackoff[] {
    return [...this.backoffs.values()].filter((b) => b.until.getTime() > now).map((b) => ({ ...b }));
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

  /**
   * Relays until nothing more can go now: the outbox is empty, or what is left waits for a held-back stream or
   * aggregate, or the database failed. Resolves with the number relayed.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed, relayed, heldBack, failed } = await this.relayBatch();
      total += relayed;
      if (failed || claimed < this.batchSize) return total;
      // A full batch: go on while it made progress or narrowed the next claim (bounded: each round publishes rows
      // or holds back one more stream or aggregate, which the next claim leaves out).
      if (relayed === 0 && !heldBack) return total;
    }
  }

  private async relayBatch(): Promise<BatchResult> {
    const em = this.options.orm.em.fork();
    const result: BatchResult = { claimed: 0, relayed: 0, heldBack: false, failed: false };
    const now = Date.now();
    const heldStreams = this.heldBack(now).filter((b) => b.scope === 'stream').map((b) => b.name);
    const heldKeys = this.heldBack(now).filter((b) => b.scope === 'message').map((b) => b.name);
    try {
      await em.transactional(async (tx) => {
        const connection = tx.getConnection();
        const ctx = tx.getTransactionContext();
        const sql = async <T>(query: string, params: unknown[]) =>
          (await connection.execute(query, params as never[], 'all', ctx)) as unknown as T[];
        const list = (values: unknown[]) => values.map(() => '?').join(', ');

        const rows = await sql<OutboxRow>(
          `select "id", "subject", "payload", "correlation_id", "created_at", "aggregate_key" from "outbox_message"
            where "published_at" is null
              ${heldStreams.length ? `and split_part("subject", '.', 1) not in (${list(heldStreams)})` : ''}
              ${heldKeys.length ? `and "aggregate_key" not in (${list(heldKeys)})` : ''}
            order by "seq" limit ? for update skip locked`,
          [...heldStreams, ...heldKeys, this.batchSize],
        );
        result.claimed = rows.length;
        if (rows.length === 0) return;
        const ids = rows.map((row) => row.id);

        // A row whose aggregate has an earlier unpublished row outside this claim (another relay holds it, or its
        // stream is held back) waits: order within an aggregate is never given up.
        const waiting = new Set(
          (
            await sql<{ id: string }>(
              `select o."id" from "outbox_message" o
                where o."id" in (${list(ids)})
                  and exists (select 1 from "outbox_message" e
                               where e."aggregate_key" = o."aggregate_key" and e."published_at" is null
                                 and e."seq" < o."seq" and e."id" not in (${list(ids)}))`,
              [...ids, ...ids],
            )
          ).map((row) => row.id),
        );

        const stoppedKeys = new Set<string>();
        const stoppedStreams = new Set<string>();
        const published: string[] = [];
        const refused: Array<{ id: string; error: string }> = [];
        for (const row of rows) {
          const stream = streamOfSubject(row.subject);
          if (waiting.has(row.id) || stoppedKeys.has(row.aggregate_key) || stoppedStreams.has(stream)) {
            // Everything after a row that did not go, in its aggregate, waits for it.
            stoppedKeys.add(row.aggregate_key);
            continue;
          }
          const message: RelayedMessage = {
            id: row.id,
            subject: row.subject,
            payload: row.payload,
            correlationId: row.correlation_id,
            occurredAt: new Date(row.created_at),
            aggregateKey: row.aggregate_key,
          };
          try {
            await this.options.publish(message);
            published.push(row.id);
            this.backoffs.delete(`stream:${stream}`);
            this.backoffs.delete(`message:${row.aggregate_key}`);
          } catch (error) {
            const text = String((error as Error)?.message ?? error).slice(0, 500);
            refused.push({ id: row.id, error: text });
            stoppedKeys.add(row.aggregate_key);
            const scope = this.classify(error, message);
            if (scope === 'stream') stoppedStreams.add(stream);
            this.holdBack(scope, scope === 'stream' ? stream : row.aggregate_key, text, row.id);
            result.heldBack = true;
          }
        }
        if (published.length > 0) {
          await sql(`update "outbox_message" set "published_at" = now() where "id" in (${list(published)})`, published);
        }
        for (const { id, error } of refused) {
          await sql(`update "outbox_message" set "attempts" = "attempts" + 1, "last_error" = ? where "id" = ?`, [error, id]);
        }
        result.relayed = published.length;
      });
    } catch (error) {
      this.logger.error(`outbox relay: ${(error as Error).message}`);
      // What the broker acknowledged in a batch whose commit failed is sent again; Nats-Msg-Id drops the repeat.
      return { ...result, relayed: 0, failed: true };
    }
    return result;
  }

  private classify(error: unknown, message: RelayedMessage): PublishFailureScope {
    try {
      return this.options.classifyFailure?.(error, message) ?? 'stream';
    } catch {
      return 'stream';
    }
  }

  private holdBack(scope: PublishFailureScope, name: string, error: string, rowId: string): void {
    const key = `${scope}:${name}`;
    const failures = (this.backoffs.get(key)?.failures ?? 0) + 1;
    const cap = scope === 'stream' ? this.streamBackoffMaxMs : this.messageBackoffMaxMs;
    const delay = Math.min(cap, this.initialBackoffMs * 2 ** Math.min(failures - 1, 20));
    this.backoffs.set(key, { scope, name, failures, until: new Date(Date.now() + delay), lastError: error });
    // First refusal and then every tenth: a full stream is retried every few seconds until an operator acts.
    if (failures === 1 || failures % 10 === 0) {
      const what = scope === 'stream' ? `stream "${name}"` : `aggregate "${name}"`;
      this.logger.warn(
        `outbox relay: ${what} refused row ${rowId} (${error}); holding it back ${delay} ms (refusal ${failures}), ` +
          'other streams and aggregates go on',
      );
    }
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
