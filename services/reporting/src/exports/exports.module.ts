import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ExportBuilder } from './export-builder';
import { ExportJobRepository } from './export-job.repository';
import { ExportFiles } from './export-storage';
import { ExportWorker } from './export-worker';
import { DEFAULT_EXPORTS_OPTIONS, type ExportsOptions } from './exports.options';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { locatePdfFonts, type PdfFonts } from './pdf/fonts';
import { REPORT_SOURCE, type ReportSource } from './report-source';
import { ReportQueryService } from '../reports/report-query.service';

const EXPORTS_OPTIONS = Symbol('EXPORTS_OPTIONS');

/** Starts the worker loop after boot and hands a running job back on shutdown. */
@Injectable()
class ExportWorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly worker: ExportWorker,
    @Inject(EXPORTS_OPTIONS) private readonly options: ExportsOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.workerEnabled) this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}

/** Export jobs (docs/adr/0017-report-exports.md): NATS handlers, the worker loop and the file builders. */
@Module({})
export class ExportsModule {
  static forRoot(partial: Partial<ExportsOptions> = {}): DynamicModule {
    const options: ExportsOptions = { ...DEFAULT_EXPORTS_OPTIONS, ...partial };
    let fonts: PdfFonts | undefined;
    return {
      module: ExportsModule,
      controllers: [ExportsController],
      providers: [
        { provide: EXPORTS_OPTIONS, useValue: options },
        // The same query service the summary handlers use, in process: same validation and scope rules, and a
        // running job does not depend on this replica still answering NATS (it may be shutting down).
        {
          provide: REPORT_SOURCE,
          inject: [ReportQueryService],
          useFactory: (queries: ReportQueryService): ReportSource => ({
            summary: (actor, input) => queries.summary(actor, input),
            timeSeries: (actor, input) => queries.timeSeries(actor, input),
          }),
        },
        ExportJobRepository,
        { provide: ExportFiles, useValue: new ExportFiles({ kind: options.storage, filesDir: options.filesDir }) },
        {
          provide: ExportBuilder,
          inject: [REPORT_SOURCE],
          useFactory: (source: ReportSource) =>
            new ExportBuilder(source, {
              // Looked up at the first PDF, so a machine without fonts still serves CSV and XLSX.
              fonts: () => (fonts ??= locatePdfFonts({ regular: options.pdfFont, bold: options.pdfFontBold })),
              throttleMs: options.throttleMs,
            }),
        },
        {
          provide: ExportWorker,
          inject: [ExportJobRepository, ExportBuilder, ExportFiles],
          useFactory: (jobs: ExportJobRepository, builder: ExportBuilder, files: ExportFiles) =>
            new ExportWorker(jobs, builder, files, {
              pollMs: options.pollMs,
              heartbeatMs: options.heartbeatMs,
              staleAfterMs: options.staleAfterMs,
              maxAttempts: options.maxAttempts,
              ttlMs: options.ttlHours * 60 * 60 * 1000,
              maxBytes: options.maxBytes,
            }),
        },
        ExportsService,
        ExportWorkerLifecycle,
      ],
    };
  }
}
