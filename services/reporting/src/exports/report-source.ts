import type { Actor, ReportScopeInput, ReportSummary, ReportTimeSeries } from '@rd/contracts';

/** Where an export gets its numbers: the reporting read model, asked with the requester's actor. */
export interface ReportSource {
  summary(actor: Actor, input: ReportScopeInput): Promise<ReportSummary>;
  timeSeries(actor: Actor, input: ReportScopeInput): Promise<ReportTimeSeries>;
}

export const REPORT_SOURCE = Symbol('REPORT_SOURCE');
