import type { FastifyReply } from 'fastify';
import { IDEMPOTENT_REPLAYED_HEADER, type RecordedAnswer } from './idempotency-key';

/** Thrown to send a recorded answer as it was; the problem filter sends it untouched. */
export class ReplayedAnswer extends Error {
  constructor(readonly answer: RecordedAnswer) {
    super('replayed idempotent answer');
  }
}

export function sendReplayedAnswer(reply: FastifyReply, answer: RecordedAnswer): void {
  void reply
    .status(answer.status)
    .headers({ ...answer.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' })
    .send(answer.body);
}
