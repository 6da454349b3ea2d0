import { Module, type DynamicModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '@rd/auth-nest';
import { IP_THROTTLER, SURVEY_ANSWER_THROTTLER, USER_THROTTLER } from './rate-limit.guards';

export interface RateLimitOptions {
  windowMs: number;
  perIp: number;
  perUser: number;
  /** Answers to the public resident survey per network address and window. */
  surveyAnswersPerIp: number;
}

/**
 * In-memory counters: right for one gateway replica. With several replicas, plug a shared
 * ThrottlerStorage (e.g. Redis) so limits hold across them.
 */
@Module({})
export class RateLimitModule {
  static forRoot(options: RateLimitOptions): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          setHeaders: false,
          throttlers: [
            { name: IP_THROTTLER, ttl: options.windowMs, limit: options.perIp, getTracker: (req: Record<string, unknown>) => String(req['ip'] ?? 'unknown') },
            {
              name: SURVEY_ANSWER_THROTTLER,
              ttl: options.windowMs,
              limit: options.surveyAnswersPerIp,
              getTracker: (req: Record<string, unknown>) => String(req['ip'] ?? 'unknown'),
            },
            {
              name: USER_THROTTLER,
              ttl: options.windowMs,
              limit: options.perUser,
              getTracker: (req: Record<string, unknown>) => (req as unknown as AuthenticatedRequest).actor?.userId ?? 'anonymous',
            },
          ],
        }),
      ],
      exports: [ThrottlerModule],
    };
  }
}
