import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Actor } from '@rd/contracts';
import { describeError } from '@rd/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, type Observable } from 'rxjs';
import { ProblemError, problemBody } from '../problem/problem';
import { toProblem } from '../problem/to-problem';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyRecordKey,
  isIdempotencyMethod,
  isValidIdempotencyKey,
  MIN_IDEMPOTENCY_KEY_LENGTH,
  type RecordedAnswer,
} from './idempotency-key';
import { IDEMPOTENCY_OPTIONS, IdempotencyStore, type IdempotencyOptions } from './idempotency.store';
import { lateReplyScope } from './late-reply';
import { ReplayedAnswer } from './replayed-answer';
import { answerSeal, type AnswerSeal } from './sealed-answer';

/** Headers of a handler's answer that a replay must carry too. */
const RECORDED_HEADERS = ['location', 'x-hidden-concerns', 'content-disposition'];

const MAX_RECORDED_BODY_BYTES = 900 * 1024;
/** The user of a public write's key record (no token sub to scope it to). */
const PUBLIC_IDEMPOTENCY_SCOPE = 'public';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * `Idempotency-Key` on every POST, PUT and PATCH (docs/adr/0029-idempotency-keys.md): the first request with a key
 * claims it and runs; its final answer is recorded and replayed to every retry with the same key and body (same
 * user, method and path, 24 h); another body with the key is 422; a retry while the first still runs is 409.
 * A keyed write whose service does not answer within RPC_TIMEOUT_MS (or the route's own timeout) answers 503 as
 * before, but keeps waiting for the service and records its answer.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    if (!isIdempotencyMethod(request.method)) return next.handle();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) return next.handle();
    if (typeof header !== 'string' || !isValidIdempotencyKey(header)) {
      throw new ProblemError('idempotency.key-invalid', `Idempotency-Key must be ${MIN_IDEMPOTENCY_KEY_LENGTH} to 255 visible ASCII characters (send a random UUID)`, [
        { field: 'Idempotency-Key', message: `expected ${MIN_IDEMPOTENCY_KEY_LENGTH} to 255 visible ASCII characters` },
      ]);
    }
    // A request without an actor passed the guards on a public route (the resident survey's answers): its keys are
    // scoped to the path (the survey's code) and to the key itself, a random UUID nobody else holds.
    const scope = request.actor?.userId ?? PUBLIC_IDEMPOTENCY_SCOPE;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const successStatus = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? (request.method === 'POST' ? 201 : 200);
    const path = request.url.split('?')[0];
    const key = idempotencyRecordKey(scope, request.method, request.url, header);
    const seal = answerSeal(header, scope, request.method, request.url);
    return from(this.run(key, seal, seal.bodyHash(request.body), next, (outcome) => this.answerOf(outcome, successStatus, reply, path, String(request.id))));
  }

  private async run(
    key: string,
    seal: AnswerSeal,
    bodyHash: string,
    next: CallHandler,
    answerOf: (outcome: Outcome) => RecordedAnswer | undefined,
  ): Promise<unknown> {
    const claim = await this.store.claim(key, bodyHash).catch((error: unknown) => {
      this.logger.error(`claiming a key: ${describeError(error)}`);
      throw new ProblemError('idempotency.unavailable', 'Idempotency keys cannot be recorded now; retry with the same key');
    });
    let revision: number;
    if (claim.claimed) {
      revision = claim.revision;
    } else {
      const { record } = claim;
      if (record.bodyHash !== bodyHash) {
        throw new ProblemError('idempotency.key-reused', 'This Idempotency-Key was already used with a different request body; send a new key for a new request');
      }
      if (record.state === 'completed') {
        const answer = seal.open(record.sealed);
        // Only a record written under another key (never, short of tampering) fails to open: do not run twice.
        if (!answer) throw new ProblemError('idempotency.not-replayable', 'The answer recorded under this Idempotency-Key cannot be replayed; send a new key');
        throw new ReplayedAnswer(answer);
      }
      const stale = Date.now() - record.claimedAt > this.options.lateReplyMs + 30_000;
      const taken = stale ? await this.store.takeOver(key, bodyHash, claim.revision) : undefined;
      if (taken === undefined) throw new ProblemError('idempotency.in-progress', 'A request with this Idempotency-Key is still being processed; retry later with the same key');
      revision = taken;
    }

    let slow!: () => void;
    const tooSlow = new Promise<'slow'>((resolve) => (slow = () => resolve('slow')));
    const outcome = this.runHandler(next, slow, key);
    // A failure to record leaves the claim in progress: retries get 409 until it is stale, never a second run before.
    const recorded = outcome.then((result) =>
      this.record(key, revision, seal, bodyHash, answerOf(result)).catch((error: unknown) => this.logger.error(`recording an answer: ${describeError(error)}`)),
    );
    this.store.track(recorded);
    const first = await Promise.race([recorded.then(() => 'done' as const), tooSlow]);
    if (first === 'slow') {
      // The service may still commit: keep the claim until its answer comes, so a retry sees 409, then the replay.
      throw new ProblemError('service.unavailable', 'The service did not answer in time; retry with the same Idempotency-Key to get its answer');
    }
    const result = await outcome;
    if (result.ok) return result.value;
    throw result.error;
  }

  /** Runs the handler with the long RPC timeout; `onSlow` when one of its RPCs passed the usual one. Never rejects. */
  private runHandler(next: CallHandler, onSlow: () => void, requestKey: string): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      // next.handle() binds the handler to the async context it is called in: call it inside the scope.
      lateReplyScope.run({ lateReplyMs: this.options.lateReplyMs, answerDeadlineMs: this.options.answerDeadlineMs, onSlow, requestKey }, () => {
        let value: unknown;
        next.handle().subscribe({
          next: (v) => (value = v),
          error: (error: unknown) => resolve({ ok: false, error }),
          complete: () => resolve({ ok: true, value }),
        });
      });
    });
  }

  private async record(key: string, revision: number, seal: AnswerSeal, bodyHash: string, answer: RecordedAnswer | undefined): Promise<void> {
    // No decided outcome (5xx, or an answer that cannot be replayed): forget the claim so a retry runs again.
    if (!answer || answer.status >= 500) {
      await this.store.release(key, revision);
      return;
    }
    await this.store.complete(key, { state: 'completed', bodyHash, claimedAt: Date.now(), sealed: seal.seal(answer) }, revision);
  }

  private answerOf(outcome: Outcome, successStatus: number, reply: FastifyReply, path: string, correlationId: string): RecordedAnswer | undefined {
    const headers: Record<string, string> = {};
    for (const name of RECORDED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
    }
    if (!outcome.ok) {
      const problem = toProblem(outcome.error);
      return {
        status: problem.status,
        headers: { ...headers, 'content-type': 'application/problem+json; charset=utf-8' },
        body: JSON.stringify(problemBody(problem.status, problem.detail, path, correlationId, problem.errors, problem.code)),
      };
    }
    const { value } = outcome;
    if (value === undefined || value === null) return { status: successStatus, headers, body: '' };
    if (typeof value !== 'object' || Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function' || value.constructor?.name === 'StreamableFile') return undefined;
    const body = JSON.stringify(value);
    // A KV value is one NATS message (1 MiB at most): a larger answer is not recorded, the key is released.
    if (Buffer.byteLength(body) > MAX_RECORDED_BODY_BYTES) return undefined;
    return { status: successStatus, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body };
  }
}
