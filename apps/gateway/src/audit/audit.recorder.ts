import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AuthenticatedRequest } from '@rd/auth-nest';
import { AuditEntrySubmittedEvtV1, type AuditEntry } from '@rd/contracts';
import { ensureEventStream, jetStreamPublisher, natsConnectionOptions, type NatsAuth } from '@rd/messaging';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { toAuditEntry } from './audit-entry';
import type { AuditedRequest } from './audit.interceptor';
import { AuditPublisher } from './audit.publisher';

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export interface AuditOptions {
  natsUrl: string;
  natsAuth?: NatsAuth;
  /** Replicas of the audit stream if the gateway is the first to create it. */
  streamReplicas?: number;
  prefix: string;
  /** Records held in memory while NATS is away. */
  bufferCapacity?: number;
  /** How long shutdown waits for buffered records. */
  flushTimeoutMs?: number;
}

/**
 * Records audited requests once they are answered: a Fastify onResponse hook sees every request, including the
 * 403s AuthGuard throws before any interceptor runs, and hands the record to a buffered publisher. The hook
 * never throws and never waits, so auditing cannot fail or slow a request.
 */
@Injectable()
export class AuditRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly publisher: AuditPublisher;
  private nc?: NatsConnection;
  private streamReady = false;
  private stopped = false;
  private connecting?: Promise<void>;
  private wakeConnect?: () => void;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {
    this.publisher = new AuditPublisher({
      publish: (entry) => this.publish(entry),
      capacity: options.bufferCapacity,
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', async (request, reply) => this.onResponse(request, reply));
    // In the background: the gateway starts and answers while NATS is away; records wait in the buffer.
    this.connecting = this.connectUntilStopped();
  }

  async onApplicationShutdown(): Promise<void> {
    // The HTTP server is closed by now, so every answered request has been submitted.
    const left = await this.publisher.flush(this.options.flushTimeoutMs ?? 3000);
    if (left) this.logger.error(`audit: ${left} record(s) not published before shutdown`);
    this.publisher.stop();
    this.stopped = true;
    this.wakeConnect?.();
    await this.connecting;
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => this.nc?.close());
  }

  /** Submitted records, published and lost ones: for tests and, later, metrics. */
  get stats() {
    return this.publisher.stats;
  }

  private onResponse(request: FastifyRequest, reply: FastifyReply): void {
    try {
      const req = request as FastifyRequest & AuthenticatedRequest & AuditedRequest;
      const entry = toAuditEntry({
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
        correlationId: String(request.id),
        clientAddress: request.ip,
      });
      if (entry) this.publisher.submit(entry);
    } catch (error) {
      // A record that cannot be built is a bug: say so loudly, but never fail the request for it.
      this.logger.error(`AUDIT RECORD LOST (could not build it for ${request.method} ${request.url.split('?')[0]}): ${(error as Error).message}`);
    }
  }

  private async publish(entry: AuditEntry): Promise<void> {
    // Right after start the connection may still be on its way: give it a moment before counting a failure.
    if (!this.nc) await Promise.race([this.connecting, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    const nc = this.nc;
    if (!nc || nc.isClosed()) throw new Error('NATS is not connected');
    if (!this.streamReady) {
      await ensureEventStream(await nc.jetstreamManager(), this.options.prefix, 'audit', { replicas: this.options.streamReplicas ?? 1 });
      this.streamReady = true;
    }
    try {
      await jetStreamPublisher(nc.jetstream(), this.options.prefix, 2000)({
        id: entry.id,
        subject: AuditEntrySubmittedEvtV1.name,
        payload: entry,
        correlationId: entry.correlationId,
        occurredAt: new Date(entry.occurredAt),
      });
    } catch (error) {
      // The stream may be gone (a NATS without its state): look for it again before the next try.
      this.streamReady = false;
      throw error;
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
        return;
      } catch (error) {
        if (attempt === 1) this.logger.error(`audit: cannot reach NATS yet (${(error as Error).message}); buffering records`);
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
}
