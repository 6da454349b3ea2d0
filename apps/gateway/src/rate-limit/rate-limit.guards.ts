import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '@rd/auth-nest';
import type { FastifyReply } from 'fastify';
import { ProblemError } from '../problem/problem';

export const IP_THROTTLER = 'ip';
export const USER_THROTTLER = 'user';
/** Residents' answers to the public survey, per network address (ADR 46). */
export const SURVEY_ANSWER_THROTTLER = 'survey-answer';

/** One named throttler per guard, so the per-IP limit runs before authentication and the per-user one after. */
abstract class NamedThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly throttlerName: string;

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((throttler) => throttler.name === this.throttlerName);
  }

  // Quiet success: no X-RateLimit-* headers on every response, only Retry-After on a 429.
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    throw new ProblemError('request.rate-limited', 'Too many requests; try again later');
  }
}

/** Runs first (before the token is looked at): floods of bad or missing tokens are cut per client address. */
@Injectable()
export class IpRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerName = IP_THROTTLER;
}

/** Runs after AuthGuard: each signed-in user has their own budget, whatever address they come from. */
@Injectable()
export class UserRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerName = USER_THROTTLER;

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return !context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  }
}

/**
 * On the public survey's answer route only: a network address may send so many answers per window. Generous, as a
 * village behind one mobile operator's address answers from many phones; the survey's cap bounds the rest.
 */
@Injectable()
export class SurveyAnswerRateLimitGuard extends NamedThrottlerGuard {
  protected readonly throttlerName = SURVEY_ANSWER_THROTTLER;
}
