import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ReportProjectionService } from './report-projection.service';

const HOURLY_MS = 3_600_000;

/** Gives still-active communities their compliance row for a new quarter: at start-up and every hour. */
@Injectable()
export class ReportHorizon implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportHorizon.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly em: EntityManager,
    private readonly projection: ReportProjectionService,
  ) {}

  onApplicationBootstrap(): void {
    const run = () =>
      void this.projection
        .extendHorizon(this.em.fork())
        .then((n) => n > 0 && this.logger.log(`compliance extended to the current quarter for ${n} communities`))
        .catch((error: unknown) => this.logger.warn(`extending compliance failed: ${(error as Error).message}`));
    run();
    this.timer = setInterval(run, HOURLY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
