import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeError } from '@rd/messaging';
import { ReplayedAnswer, sendReplayedAnswer } from '../idempotency/replayed-answer';
import { problemBody } from './problem';
import { toProblem } from './to-problem';

/** Renders every error as application/problem+json and logs it with the correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), exception, this.logger);
  }
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, exception: unknown, logger: Logger): void {
  // Not a problem: the recorded answer to the first request with this Idempotency-Key, sent again as it was.
  if (exception instanceof ReplayedAnswer) return sendReplayedAnswer(reply, exception.answer);
  const problem = toProblem(exception);
  const correlationId = String(request.id);
  if (problem.internal) logger.error(`${correlationId} ${describeError(exception)}`);
  if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer realm="reporting-days"');
  void reply
    .status(problem.status)
    .header('Content-Type', 'application/problem+json; charset=utf-8')
    .send(problemBody(problem.status, problem.detail, request.url.split('?')[0], correlationId, problem.errors, problem.code));
}

/**
 * Fastify's `frameworkErrors` option: errors its router raises before any route, hook or error handler runs (an
 * undecodable URL, a path parameter over `maxParamLength`) leave as problem+json too, not Fastify's plain JSON.
 */
export function frameworkErrorHandler(logger: Logger): (error: Error, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => sendProblem(request, reply, error, logger);
}
