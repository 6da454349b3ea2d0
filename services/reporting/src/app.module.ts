import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceRuntimeModule } from '@rd/messaging';
import type { ReportingConfig } from './config';
import { DistrictReportsModule } from './district-reports/district-reports.module';
import { ExportsModule } from './exports/exports.module';
import { reportingOrmConfig } from './orm.config';
import { ReportingEventsConsumer } from './reporting-events.consumer';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class AppModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MikroOrmModule.forRoot({ ...reportingOrmConfig(config.databaseUrl), registerRequestContext: false }),
        // Reporting emits no events yet; the outbox tables exist for when it does.
        ServiceRuntimeModule.forRoot({
          service: 'reporting',
          natsUrl: config.natsUrl,
          natsAuth: config.natsAuth,
          streamReplicas: config.streamReplicas ?? 1,
          prefix: config.prefix,
          databaseUrl: config.databaseUrl,
          relayOutbox: false,
        }),
        ReportsModule.forRoot({ suppressionThreshold: config.suppressionThreshold, clock: config.clock }),
        DistrictReportsModule,
        ExportsModule.forRoot(config.exports),
      ],
      providers: [ReportingEventsConsumer],
    };
  }
}
