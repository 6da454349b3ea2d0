import type { ExportTable } from '../export-table';

/** One bar: a value, or suppressed (small group), or no data at all. */
export interface ChartBar {
  label: string;
  value: number | null;
  suppressed?: boolean;
}

export interface HorizontalBarChart {
  kind: 'bars';
  bars: ChartBar[];
  /** Upper end of the scale; 1 for shares. */
  max?: number;
  format: 'share' | 'count' | 'decimal';
}

export interface LineChart {
  kind: 'line';
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  min: number;
  max: number;
  format: 'share' | 'decimal';
}

export type ReportChart = HorizontalBarChart | LineChart;

export interface ReportSection {
  title: string;
  intro?: string;
  charts: { caption: string; chart: ReportChart }[];
  table?: ExportTable;
}

/** Everything a quarterly PDF shows, already decided (and suppressed) by the mapper. */
export interface ReportDocument {
  title: string;
  /** e.g. "Isfara district, Sughd region". */
  area: string;
  /** e.g. "2026 Q3 (1 July – 30 September 2026)". */
  period: string;
  generatedAt: Date;
  requestedBy: string;
  keyFigures: { label: string; value: string }[];
  notes: string[];
  sections: ReportSection[];
}
