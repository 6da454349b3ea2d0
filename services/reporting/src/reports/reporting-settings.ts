import { DEFAULT_SUPPRESSION_THRESHOLD } from '@rd/contracts';

export const REPORTING_SETTINGS = Symbol('REPORTING_SETTINGS');

export interface ReportingSettings {
  /** Breakdown cells built from fewer people than this are suppressed where suppression applies. */
  suppressionThreshold: number;
  /** Now: decides the compliance horizon, which quarters are over and which actions overdue (tests fix it). */
  clock: () => Date;
}

export const DEFAULT_REPORTING_SETTINGS: ReportingSettings = { suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD, clock: () => new Date() };
