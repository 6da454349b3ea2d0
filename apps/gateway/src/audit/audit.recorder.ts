import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AuthenticatedRequest } from '@rd/auth-nest';
import { AuditEntrySubmittedEvtV1, type AuditEntry } from '@rd/contracts';
import { ensureEventStream, jetStreamPublisher, natsConnectionOptions, type NatsAuth } from '@rd/messaging';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { problemBody } from '../problem/problem';
import { toAuditEntry } from './audit-entry';
import type { AuditedRequest } from './audit.interceptor';
import { AuditSpool } from './audit.spool';

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export interface AuditOptions {
  natsUrl: string;
  natsAuth?: NatsAuth;
  /** Replicas of the audit stream if the gateway is the first to create it. */
  streamReplicas?: number;
  prefix: string;
  /**
   * Local durable queue for records JetStream did not take in time (NATS away, audit stream full). Unset: such a
   * request is answered 503 instead (fail closed), since its record could not be made durable.
   */
  spoolDir?: string;
  /** How long an audited request waits for JetStream's acknowledgement before its record goes to the spool. */
  publishTimeoutMs?: number;
  /** How often the spool is offered to JetStream again. */
  replayIntervalMs?: number;
  /** How long shutdown tries to empty the spool (what is left stays on disk for the next start). */
  flushTimeoutMs?: number;
}

export interface AuditRecorderStats {
  /** Acknowledged by JetStream before the answer. */
  published: number;
  /** Written to the local spool before the answer. */
  spooled: number;
  /** Published later from the spool. */
  replayed: number;
  /** Neither: the request was answered 503. */
  refused: number;
}

/** After a failed publish, records go straight to the spool for this long instead of waiting for JetStream again. */
const BYPASS_AFTER_FAILURE_MS = 1000;

/**
 * Makes every audited request's record durable BEFORE the client is answered (docs/adr/0003-audit-trail.md): a
 * Fastify onSend hook, which sees every answer including the 403s AuthGuard throws before any interceptor runs, builds
 * the record with the final status and waits for JetStream's acknowledgement; if that does not come within
 * `publishTimeoutMs`, the record is fsync'd to the local spool and published from there in the background; if it
 * cannot be spooled either, the answer becomes 503. A `kill -9` therefore loses no record of an answered request.
 */
@Injectable()
export class AuditRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly spool?: AuditSpool;
  private readonly counts: AuditRecorderStats = { published: 0, spooled: 0, replayed: 0, refused: 0 };
  private nc?: NatsConnection;
  private connected = false;
  private publishers = new Map<number, ReturnType<typeof jetStreamPublisher>>();
  private streamReady?: Promise<void>;
  private bypassUntil = 0;
  private stopped = false;
  private connecting?: Promise<void>;
  private replaying?: Promise<void>;
  private wakeReplay?: () => void;
  private wakeConnect?: () => void;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {
    if (options.spoolDir) this.spool = new AuditSpool(options.spoolDir);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request, reply, payload) => this.onSend(request, reply, payload));
    // In the background: the gateway starts and answers while NATS is away (records are spooled meanwhile).
    this.connecting = this.connectUntilStopped();
    if (this.spool) this.replaying = this.replayUntilStopped();
    else this.logger.warn('audit: no AUDIT_SPOOL_DIR: while JetStream does not take audit records, audited requests are answered 503');
  }

  async onApplicationShutdown(): Promise<void> {
    // The HTTP server is closed by now. The spool is durable, but on a pod whose disk goes with it, try to empty it.
    if (this.spool && (await this.spool.size()) > 0) {
      const deadline = Date.now() + (this.options.flushTimeoutMs ?? 3000);
      while (Date.now() < deadline && (await this.spool.size()) > 0) {
        await this.replayOnce();
        if ((await this.spool.size()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const left = await this.spool.size();
      if (left) this.logger.error(`audit: ${left} record(s) left in the spool ${this.spool.dir}; they are published at the next start from it`);
    }
    this.stopped = true;
    this.wakeReplay?.();
    this.wakeConnect?.();
    await this.connecting;
    await this.replaying;
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => this.nc?.close());
  }

  /** How records were made durable: for tests and, later, metrics. */
  get stats(): AuditRecorderStats {
    return { ...this.counts };
  }

  private async onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    let entry: AuditEntry | null;
    try {
      entry = this.build(request, reply);
    } catch (error) {
      this.logger.error(`audit: could not build the record for ${request.method} ${request.url.split('?')[0]} (${(error as Error).message}); answering 503`);
      return this.refuse(request, reply, payload);
    }
    if (!entry || (await this.makeDurable(entry))) return payload;
    this.logger.error(`AUDIT RECORD NOT DURABLE (answered 503 instead of ${entry.httpStatus}): ${JSON.stringify(entry)}`);
    return this.refuse(request, reply, payload);
  }

  private build(request: FastifyRequest, reply: FastifyReply): AuditEntry | null {
    const req = request as FastifyRequest & AuthenticatedRequest & AuditedRequest;
    return toAuditEntry({
      id: randomUUID(),
      occurredAt: new Date(),
      actor: req.actor,
      requiredPermission: req.requiredPermission,
      method: request.method,
      url: request.url,
      routeParams: request.params as Record<string, unknown> | undefined,
      createdId: req.auditCreatedId,
      status: reply.statusCode,
      accessDenied: req.accessDenied,
      auditRead: req.auditRead,
      correlationId: String(request.id),
      clientAddress: request.ip,
    });
  }

  /** JetStream within the timeout, else the spool; false when neither took the record. */
  private async makeDurable(entry: AuditEntry): Promise<boolean> {
    // Right after start the connection may still be on its way: wait for it rather than spool or refuse at once.
    if (!this.nc) await Promise.race([this.connecting, new Promise((resolve) => setTimeout(resolve, this.options.publishTimeoutMs ?? 1000).unref())]);
    // Without a spool every record tries JetStream: the alternative is a 503.
    if (this.connected && (!this.spool || Date.now() >= this.bypassUntil)) {
      try {
        await this.publish(entry, this.options.publishTimeoutMs ?? 1000);
        this.counts.published += 1;
        return true;
      } catch (error) {
        if (Date.now() >= this.bypassUntil) {
          this.logger.warn(`audit: JetStream did not take a record (${(error as Error).message}); ${this.spool ? `spooling for ${BYPASS_AFTER_FAILURE_MS} ms` : 'answering 503'}`);
        }
        this.bypassUntil = Date.now() + BYPASS_AFTER_FAILURE_MS;
      }
    }
    if (!this.spool) return false;
    try {
      await this.spool.spill(entry);
      this.counts.spooled += 1;
      return true;
    } catch (error) {
      this.logger.error(`audit: cannot write to the spool ${this.spool.dir} (${(error as Error).message})`);
      return false;
    }
  }

  /** The answer the client gets instead: its action may have happened, but it was not recorded durably. */
  private refuse(request: FastifyRequest, reply: FastifyReply, payload: unknown): string {
    this.counts.refused += 1;
    const stream = payload as { destroy?: () => void; pipe?: unknown } | null;
    if (stream && typeof stream.pipe === 'function' && typeof stream.destroy === 'function') stream.destroy();
    void reply.code(503).header('content-type', 'application/problem+json; charset=utf-8').header('retry-after', '5');
    reply.removeHeader('content-length');
    reply.removeHeader('content-disposition');
    const correlationId = String(request.id);
    return JSON.stringify(problemBody(503, 'The audit trail is unavailable, so the outcome of this request could not be recorded. Check before you retry.', request.url.split('?')[0], correlationId, undefined, 'audit.unavailable'));
  }

  private async publish(entry: AuditEntry, timeoutMs: number): Promise<void> {
    const nc = this.nc;
    if (!nc || nc.isClosed() || !this.connected) throw new Error('NATS is not connected');
    this.streamReady ??= ensureEventStream(await nc.jetstreamManager(), this.options.prefix, 'audit', { replicas: this.options.streamReplicas ?? 1 }).then(
      () => undefined,
    );
    try {
      await this.streamReady;
    } catch (error) {
      this.streamReady = undefined;
      throw error;
    }
    let publisher = this.publishers.get(timeoutMs);
    if (!publisher) {
      publisher = jetStreamPublisher(nc.jetstream(), this.options.prefix, timeoutMs);
      this.publishers.set(timeoutMs, publisher);
    }
    try {
      await publisher({
        id: entry.id,
        subject: AuditEntrySubmittedEvtV1.name,
        payload: entry,
        correlationId: entry.correlationId,
        occurredAt: new Date(entry.occurredAt),
      });
    } catch (error) {
      // The stream may be gone (a NATS without its state): look for it again before the next try.
      if (/stream not found|no responders/i.test((error as Error).message)) this.streamReady = undefined;
      throw error;
    }
  }

  private async replayOnce(): Promise<number> {
    if (!this.spool || !this.connected) return -1;
    const { published, left } = await this.spool.replay(
      (entry) => this.publish(entry, 5000),
      (file, error) => this.logger.error(`audit: ${file} is not a valid record (${error.message}); kept as ${file}.invalid`),
    );
    this.counts.replayed += published;
    if (published) this.logger.log(`audit: published ${published} spooled record(s); ${left} left`);
    return left;
  }

  private async replayUntilStopped(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let left = -1;
      try {
        left = await this.replayOnce();
      } catch (error) {
        this.logger.error(`audit: replaying the spool failed (${(error as Error).message})`);
      }
      failures = left > 0 ? failures + 1 : 0;
      const delay = failures ? Math.min(30_000, (this.options.replayIntervalMs ?? 1000) * 2 ** Math.min(failures, 5)) : (this.options.replayIntervalMs ?? 1000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeReplay = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async connectUntilStopped(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        const nc = await connect({
          ...natsConnectionOptions('gateway', this.options.natsUrl, this.options.natsAuth),
          name: 'gateway-audit',
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
        });
        if (this.stopped) {
          await nc.close();
          return;
        }
        this.nc = nc;
        this.connected = true;
        void this.watch(nc);
        this.wakeReplay?.();
        return;
      } catch (error) {
        if (attempt === 1) this.logger.error(`audit: cannot reach NATS yet (${(error as Error).message}); ${this.spool ? 'spooling records' : 'audited requests answer 503'}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(5000, 250 * attempt));
          this.wakeConnect = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** While the client reconnects, a publish would only wait for its timeout: records go to the spool at once. */
  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') this.connected = false;
      if (status.type === 'reconnect') {
        this.connected = true;
        this.streamReady = undefined;
        this.wakeReplay?.();
      }
    }
  }
}
