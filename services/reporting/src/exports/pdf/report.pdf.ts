import PDFDocument from 'pdfkit';
import { isSuppressed, SUPPRESSED_LABEL, type ExportCell, type ExportColumn, type ExportTable } from '../export-table';
import type { PdfFonts } from './fonts';
import type { HorizontalBarChart, LineChart, ReportChart, ReportDocument } from './report-document';

type Doc = PDFKit.PDFDocument;

const PAGE_MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#7b8794';
const GRID = '#d9e2ec';
const BAR = '#2f6db5';
const SERIES = ['#2f6db5', '#d9822b', '#3f9142', '#a23b72'];
const REGULAR = 'body';
const BOLD = 'bold';

export interface PdfRenderOptions {
  fonts: PdfFonts;
  /** Deflate page streams (default). Tests turn it off to read the text back. */
  compress?: boolean;
}

function formatValue(value: number, format: 'share' | 'count' | 'decimal'): string {
  if (format === 'share') return `${(value * 100).toFixed(1)}%`;
  if (format === 'count') return Math.round(value).toLocaleString('en-GB');
  return value.toFixed(2);
}

function formatCell(cell: ExportCell, column: ExportColumn): string {
  if (cell === null) return '–';
  if (isSuppressed(cell)) return SUPPRESSED_LABEL;
  if (typeof cell === 'number') return formatValue(cell, column.kind === 'share' ? 'share' : column.kind === 'decimal' ? 'decimal' : 'count');
  return cell;
}

/** Room left on the page below the cursor. */
const room = (doc: Doc) => doc.page.height - PAGE_MARGIN - doc.y;
const contentWidth = (doc: Doc) => doc.page.width - 2 * PAGE_MARGIN;

function ensureRoom(doc: Doc, height: number): void {
  if (room(doc) < height) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 80);
  doc.moveDown(0.5).font(BOLD).fontSize(15).fillColor(INK).text(text, PAGE_MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

/** Horizontal bars drawn as vector rectangles: one row per bar, label, bar, value. */
function drawBars(doc: Doc, chart: HorizontalBarChart): void {
  const rowHeight = 16;
  const labelWidth = 150;
  const valueWidth = 70;
  const left = PAGE_MARGIN;
  const barLeft = left + labelWidth + 6;
  const barWidth = contentWidth(doc) - labelWidth - valueWidth - 12;
  const values = chart.bars.map((bar) => (bar.suppressed || bar.value === null ? 0 : bar.value));
  const max = chart.max ?? Math.max(1, ...values);
  for (const bar of chart.bars) {
    ensureRoom(doc, rowHeight + 4);
    const y = doc.y;
    doc.font(REGULAR).fontSize(8.5).fillColor(INK).text(bar.label, left, y + 3, { width: labelWidth, height: rowHeight, ellipsis: true, lineBreak: false });
    // The track shows the whole scale, so an empty bar still reads as zero.
    doc.rect(barLeft, y + 2, barWidth, rowHeight - 4).fill('#f0f4f8');
    let label: string;
    if (bar.suppressed) {
      label = SUPPRESSED_LABEL;
      doc.save().rect(barLeft, y + 2, barWidth, rowHeight - 4).dash(2, { space: 2 }).lineWidth(0.5).stroke(MUTED).restore();
    } else if (bar.value === null) {
      label = 'no data';
    } else {
      const width = Math.max(0, Math.min(1, bar.value / max)) * barWidth;
      if (width > 0) doc.rect(barLeft, y + 2, width, rowHeight - 4).fill(BAR);
      label = formatValue(bar.value, chart.format);
    }
    doc.font(REGULAR).fontSize(8.5).fillColor(bar.suppressed || bar.value === null ? MUTED : INK);
    doc.text(label, barLeft + barWidth + 6, y + 3, { width: valueWidth, lineBreak: false });
    doc.x = PAGE_MARGIN;
    doc.y = y + rowHeight;
  }
  doc.moveDown(0.6);
}

/** A line per series over the quarters, with grid, axis labels, markers and gaps where data is missing. */
function drawLine(doc: Doc, chart: LineChart): void {
  const height = 170;
  const legendHeight = 14 * Math.ceil(chart.series.length / 2);
  ensureRoom(doc, height + legendHeight + 30);
  const top = doc.y + 4;
  const axisLeft = PAGE_MARGIN + 40;
  const width = contentWidth(doc) - 50;
  const bottom = top + height;
  const steps = 4;
  const span = chart.max - chart.min || 1;
  const yOf = (value: number) => bottom - ((value - chart.min) / span) * height;
  const xOf = (index: number) => axisLeft + (chart.labels.length <= 1 ? width / 2 : (index / (chart.labels.length - 1)) * width);
  doc.lineWidth(0.5);
  for (let i = 0; i <= steps; i += 1) {
    const value = chart.min + (span * i) / steps;
    const y = yOf(value);
    doc.moveTo(axisLeft, y).lineTo(axisLeft + width, y).stroke(GRID);
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED).text(formatValue(value, chart.format), PAGE_MARGIN - 10, y - 4, { width: 46, align: 'right', lineBreak: false });
  }
  chart.labels.forEach((label, index) => {
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED).text(label, xOf(index) - 30, bottom + 5, { width: 60, align: 'center', lineBreak: false });
  });
  chart.series.forEach((series, s) => {
    const colour = SERIES[s % SERIES.length];
    doc.lineWidth(1.6);
    let drawing = false;
    series.values.forEach((value, index) => {
      if (value === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(index), yOf(value));
      else doc.moveTo(xOf(index), yOf(value));
      drawing = true;
    });
    doc.stroke(colour);
    series.values.forEach((value, index) => {
      if (value !== null) doc.circle(xOf(index), yOf(value), 2.4).fill(colour);
    });
  });
  const legendTop = bottom + 22;
  chart.series.forEach((series, s) => {
    const x = axisLeft + (s % 2) * (width / 2);
    const y = legendTop + Math.floor(s / 2) * 14;
    doc.rect(x, y + 2, 10, 6).fill(SERIES[s % SERIES.length]);
    doc.font(REGULAR).fontSize(8).fillColor(INK).text(series.name, x + 14, y, { width: width / 2 - 20, lineBreak: false });
  });
  doc.x = PAGE_MARGIN;
  doc.y = legendTop + legendHeight + 8;
}

function drawChart(doc: Doc, caption: string, chart: ReportChart): void {
  ensureRoom(doc, 60);
  doc.font(BOLD).fontSize(10).fillColor(INK).text(caption, PAGE_MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  if (chart.kind === 'bars') drawBars(doc, chart);
  else drawLine(doc, chart);
}

/** A table with its header repeated on every page it spans. */
function drawTable(doc: Doc, table: ExportTable): void {
  const width = contentWidth(doc);
  const first = Math.min(140, width * 0.3);
  const rest = table.columns.length > 1 ? (width - first) / (table.columns.length - 1) : width - first;
  const widths = table.columns.map((_c, index) => (index === 0 ? first : rest));
  const rowHeight = 15;
  const drawRow = (cells: string[], header: boolean, muted: boolean[] = []) => {
    const y = doc.y;
    let x = PAGE_MARGIN;
    if (header) doc.rect(PAGE_MARGIN, y, width, rowHeight + 6).fill('#e4ebf3');
    cells.forEach((text, index) => {
      doc.font(header ? BOLD : REGULAR).fontSize(header ? 7.5 : 8).fillColor(muted[index] ? MUTED : INK);
      doc.text(text, x + 3, y + 3, { width: widths[index] - 6, height: header ? rowHeight + 4 : rowHeight, ellipsis: true, align: index === 0 ? 'left' : 'right' });
      x += widths[index];
    });
    doc.x = PAGE_MARGIN;
    doc.y = y + (header ? rowHeight + 6 : rowHeight);
    doc.moveTo(PAGE_MARGIN, doc.y).lineTo(PAGE_MARGIN + width, doc.y).lineWidth(0.3).stroke(GRID);
  };
  const header = table.columns.map((column) => column.label);
  ensureRoom(doc, 3 * rowHeight + 10);
  drawRow(header, true);
  for (const row of table.rows) {
    if (room(doc) < rowHeight + 2) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow(
      row.map((cell, index) => formatCell(cell, table.columns[index])),
      false,
      row.map((cell) => cell === null || isSuppressed(cell)),
    );
  }
  doc.moveDown(0.8);
}

function titlePage(doc: Doc, report: ReportDocument): void {
  const width = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 12).fill(BAR);
  doc.y = 150;
  doc.font(BOLD).fontSize(24).fillColor(INK).text(report.title, PAGE_MARGIN, doc.y, { width });
  doc.moveDown(0.6).font(REGULAR).fontSize(16).text(report.area, { width });
  doc.moveDown(0.3).fontSize(13).fillColor(MUTED).text(report.period, { width });
  doc.moveDown(2);
  const boxWidth = (width - 20) / 3;
  const top = doc.y;
  report.keyFigures.forEach((figure, index) => {
    const x = PAGE_MARGIN + (index % 3) * (boxWidth + 10);
    const y = top + Math.floor(index / 3) * 74;
    doc.rect(x, y, boxWidth, 64).lineWidth(0.8).stroke(GRID);
    doc.font(BOLD).fontSize(18).fillColor(BAR).text(figure.value, x + 8, y + 10, { width: boxWidth - 16, lineBreak: false });
    doc.font(REGULAR).fontSize(8.5).fillColor(INK).text(figure.label, x + 8, y + 36, { width: boxWidth - 16, height: 24, ellipsis: true });
  });
  doc.x = PAGE_MARGIN;
  doc.y = top + Math.ceil(report.keyFigures.length / 3) * 74 + 20;
  doc.font(REGULAR).fontSize(9).fillColor(MUTED);
  for (const note of report.notes) doc.text(note, PAGE_MARGIN, doc.y, { width }).moveDown(0.3);
  doc.moveDown(1).text(`Generated ${report.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC for ${report.requestedBy}.`, { width });
}

/**
 * Renders the quarterly report: a title page with key figures, then one part per section with its charts
 * (vector graphics, no images) and its table. The fonts are embedded TTFs so Cyrillic names render.
 */
export function renderReportPdf(report: ReportDocument, options: PdfRenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    info: { Title: `${report.title} – ${report.area} – ${report.period}`, Author: 'Reporting Days', Subject: report.period, CreationDate: report.generatedAt },
  });
  doc.registerFont(REGULAR, options.fonts.regular);
  doc.registerFont(BOLD, options.fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  titlePage(doc, report);
  // Sections flow one after another; a section starts a page only when little room is left.
  report.sections.forEach((section, index) => {
    if (index === 0 || room(doc) < 260) doc.addPage();
    else doc.moveDown(1.2);
    heading(doc, section.title);
    if (section.intro) doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(section.intro, { width: contentWidth(doc) }).moveDown(0.6);
    for (const { caption, chart } of section.charts) drawChart(doc, caption, chart);
    if (section.table) drawTable(doc, section.table);
  });
  // Footer on every page: what, where, which page.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
    doc.text(`${report.area} · ${report.period} · page ${index + 1} of ${range.count}`, PAGE_MARGIN, doc.page.height - 30, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
