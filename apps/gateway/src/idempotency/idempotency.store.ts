import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { natsConnectionOptions, type NatsAuth } from '@rd/messaging';
import { connect, JSONCodec, StorageType, type KV, type NatsConnection } from 'nats';
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord } from './idempotency-key';

export interface IdempotencyOptions {
  natsUrl: string;
  natsAuth?: NatsAuth;
  prefix: string;
  streamReplicas?: number;
  /** How long the gateway waits for a service before answering 503 (RPC_TIMEOUT_MS). */
  answerDeadlineMs: number;
  /** How long a keyed write keeps waiting for the service in the background after that 503. */
  lateReplyMs: number;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

/** 1 GiB: ~700k recorded answers of ~1.5 KB in a day; when full, keyed writes answer 503 (runbook idempotency-keys). */
export const IDEMPOTENCY_BUCKET_MAX_BYTES = 1024 * 1024 * 1024;

/** The JetStream KV bucket of the keys: one per subject prefix, shared by every gateway replica. */
export function idempotencyBucketName(prefix: string): string {
  return `${prefix.toUpperCase()}_GATEWAY_IDEMPOTENCY`;
}

export type ClaimResult = { claimed: true; revision: number } | { claimed: false; record: IdempotencyRecord; revision: number };

const codec = JSONCodec<IdempotencyRecord>();

/**
 * The record of idempotency keys in a NATS JetStream KV bucket (docs/adr/0029-idempotency-keys.md): `create` is
 * the atomic claim across replicas, `update` with the revision is the compare-and-set, the bucket's TTL forgets a
 * key after 24 h.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private nc?: NatsConnection;
  private kv?: KV;
  /** Keyed writes still waiting for their service's answer (some were already answered 503). */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(@Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions) {}

  async onModuleInit(): Promise<void> {
    this.nc = await connect({ ...natsConnectionOptions('gateway', this.options.natsUrl, this.options.natsAuth), name: 'gateway-idempotency' });
    this.kv = await this.nc.jetstream().views.kv(idempotencyBucketName(this.options.prefix), {
      ttl: IDEMPOTENCY_TTL_MS,
      history: 1,
      replicas: this.options.streamReplicas ?? 1,
      storage: StorageType.File,
      // ADR 29: a day of keyed writes at national scale is a few MB; the cap bounds the store's reservation.
      max_bytes: IDEMPOTENCY_BUCKET_MAX_BYTES,
      // A recorded answer is small JSON; the largest NATS message is 1 MiB.
      maxValueSize: 1024 * 1024,
    });
  }

  /** Counts a keyed write until its answer is recorded, so a shutdown can wait for it. */
  track(recording: Promise<unknown>): void {
    this.inFlight.add(recording);
    void recording.finally(() => this.inFlight.delete(recording));
  }

  /**
   * Before the RPC client and this connection close (a rolling deploy): let the keyed writes still running record
   * their answers, up to 25 s (inside Kubernetes' default 30 s grace). One cut short stays in progress (ADR 29).
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.inFlight.size === 0) return;
    this.logger.log(`waiting for ${this.inFlight.size} keyed write(s) to record their answers`);
    const cap = new Promise((resolve) => setTimeout(resolve, Math.min(this.options.lateReplyMs, 25_000)).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), cap]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nc?.drain().catch((error: unknown) => this.logger.warn(`closing: ${String(error)}`));
  }

  /** Claims the key for this request, or returns what is recorded under it. */
  async claim(key: string, bodyHash: string): Promise<ClaimResult> {
    const kv = this.bucket();
    const record: IdempotencyRecord = { state: 'in-progress', bodyHash, claimedAt: Date.now() };
    try {
      return { claimed: true, revision: await kv.create(key, codec.encode(record)) };
    } catch (error) {
      const existing = await kv.get(key);
      // Deleted or expired between the two calls: claim again.
      if (!existing || existing.operation !== 'PUT') {
        if (existing) return { claimed: true, revision: await kv.update(key, codec.encode(record), existing.revision) };
        throw error;
      }
      return { claimed: false, record: codec.decode(existing.value), revision: existing.revision };
    }
  }

  /** Takes over a claim whose request died with its gateway; only one replica wins (compare-and-set). */
  async takeOver(key: string, bodyHash: string, revision: number): Promise<number | undefined> {
    const record: IdempotencyRecord = { state: 'in-progress', bodyHash, claimedAt: Date.now() };
    return this.bucket().update(key, codec.encode(record), revision).catch(() => undefined);
  }

  async complete(key: string, record: IdempotencyRecord & { state: 'completed' }, revision: number): Promise<void> {
    await this.bucket().update(key, codec.encode(record), revision);
  }

  /** Forgets a claim whose request failed without a decided outcome (5xx), so a retry runs again. */
  async release(key: string, revision: number): Promise<void> {
    await this.bucket().delete(key, { previousSeq: revision });
  }

  private bucket(): KV {
    if (!this.kv) throw new Error('the idempotency store is not connected');
    return this.kv;
  }
}
