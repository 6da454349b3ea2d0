import { Module, type DynamicModule } from '@nestjs/common';
import { ReportHorizon } from './report-horizon';
import { ReportProjectionService } from './report-projection.service';
import { ReportQueryService } from './report-query.service';
import { ReportsController } from './reports.controller';
import { DEFAULT_REPORTING_SETTINGS, REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';

/** Projection (shared with the district reports) and queries of the report read models. */
@Module({})
export class ReportsModule {
  static forRoot(settings: Partial<ReportingSettings> = {}): DynamicModule {
    return {
      module: ReportsModule,
      global: true,
      controllers: [ReportsController],
      providers: [
        { provide: REPORTING_SETTINGS, useValue: { ...DEFAULT_REPORTING_SETTINGS, ...definedOnly(settings) } },
        ReportProjectionService,
        ReportQueryService,
        ReportHorizon,
      ],
      exports: [ReportProjectionService, ReportQueryService, REPORTING_SETTINGS],
    };
  }
}

function definedOnly<T extends object>(settings: T): Partial<T> {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as Partial<T>;
}
