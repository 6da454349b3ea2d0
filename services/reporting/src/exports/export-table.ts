/**
 * What every export format is written from: named tables of plain cells. The mappers turn read-model
 * summaries into these; the writers (CSV, XLSX, PDF) never see a summary.
 */

/** A cell hidden by small-group suppression: shown as suppressed, never as a number. */
export interface SuppressedCell {
  suppressed: true;
}

export type ExportCell = string | number | null | SuppressedCell;

export interface ExportColumn {
  key: string;
  label: string;
  /** How XLSX formats the number: a count, a share shown as a percentage (0..1), or a decimal. */
  kind?: 'text' | 'count' | 'share' | 'decimal';
}

export interface ExportTable {
  /** Sheet name in XLSX, section title elsewhere. */
  title: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

export const SUPPRESSED: SuppressedCell = Object.freeze({ suppressed: true });
export const SUPPRESSED_LABEL = 'suppressed';

export function isSuppressed(cell: ExportCell): cell is SuppressedCell {
  return typeof cell === 'object' && cell !== null && (cell as SuppressedCell).suppressed === true;
}
