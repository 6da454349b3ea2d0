import {
  addQuarters,
  AGE_GROUPS,
  CONCERN_TOPICS,
  EXPORT_MEDIA_TYPES,
  GENDERS,
  quartersBetween,
  SENSITIVITIES,
  type Actor,
  type ReportExportRequest,
  type ReportSummary,
  type ReportTimeSeries,
} from '@rd/contracts';
import { toCsv } from './csv.writer';
import type { ExportTable } from './export-table';
import type { PdfFonts } from './pdf/fonts';
import type { ChartBar, ReportDocument } from './pdf/report-document';
import { renderReportPdf } from './pdf/report.pdf';
import type { ReportSource } from './report-source';
import { cellValue, humanize, measureTable, summaryRows, THEMES, unitName, type SummaryRow } from './report-tables';
import { toXlsx } from './xlsx.writer';

export interface BuiltFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface BuildContext {
  actor: Actor;
  labels: Record<string, string>;
  /** Called after each step with the share done (0..1); throws to stop (the job was taken away). */
  progress(done: number): Promise<void>;
  now: Date;
  /** False for a file built while a request waits: no pause between steps. */
  throttle?: boolean;
}

export interface ExportBuilderOptions {
  fonts: () => PdfFonts;
  /** Pause between steps so a long export leaves CPU to the queries of other users. */
  throttleMs: number;
  compressPdf?: boolean;
}

const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const safe = (text: string) => text.replace(/[^a-zA-Z0-9_.-]+/g, '-');

/** Builds the file of one export job from the read model, asking with the requester's actor (their scope). */
export class ExportBuilder {
  constructor(
    private readonly source: ReportSource,
    private readonly options: ExportBuilderOptions,
  ) {}

  build(request: ReportExportRequest, context: BuildContext): Promise<BuiltFile> {
    return request.format === 'pdf' ? this.pdf(request, context) : this.tables(request, context);
  }

  private async step(context: BuildContext, done: number): Promise<void> {
    await context.progress(done);
    if (this.options.throttleMs > 0 && context.throttle !== false) await sleep(this.options.throttleMs);
  }

  /** CSV or XLSX: the summary for every quarter of the period (unit and the units one level down), then the whole period. */
  private async tables(request: Extract<ReportExportRequest, { format: 'csv' | 'xlsx' }>, context: BuildContext): Promise<BuiltFile> {
    const to = request.to ?? request.from;
    const quarters = quartersBetween(request.from, to);
    const periods = quarters.length > 1 ? [...quarters.map((q) => ({ from: q, to: q })), { from: request.from, to }] : [{ from: request.from, to }];
    const rows: SummaryRow[] = [];
    let summary: ReportSummary | undefined;
    for (const [index, period] of periods.entries()) {
      summary = await this.source.summary(context.actor, { level: request.level, code: request.code, from: period.from, to: period.to, suppress: true });
      rows.push(...summaryRows(summary, period.from === period.to ? period.from : `${period.from}..${period.to}`));
      await this.step(context, (index + 1) / (periods.length + 1));
    }
    const name = `report-${request.level}${request.code ? `-${safe(request.code)}` : ''}-${request.from}${to !== request.from ? `_${to}` : ''}`;
    const notes = this.notes(summary, context);
    if (request.format === 'csv') {
      return { fileName: `${name}.csv`, contentType: EXPORT_MEDIA_TYPES.csv, content: toCsv(measureTable('Summary', rows, context.labels)) };
    }
    const sheets = THEMES.map((theme) => measureTable(theme, rows, context.labels, theme));
    const title = `Reporting days – ${summary ? unitName(summary.unit, context.labels) : request.level} – ${request.from}${to !== request.from ? ` to ${to}` : ''}`;
    return { fileName: `${name}.xlsx`, contentType: EXPORT_MEDIA_TYPES.xlsx, content: await toXlsx(sheets, { title, notes }) };
  }

  private notes(summary: ReportSummary | undefined, context: BuildContext): string[] {
    const threshold = summary?.suppression.threshold ?? 5;
    return [
      `Cells built from fewer than ${threshold} attendees or respondents are shown as "suppressed".`,
      'Confidential concerns are counted, never described: this file holds no concern text and no personal data.',
      `Computed with the scope of ${context.actor.username} on ${context.now.toISOString()}; read model as of ${summary?.asOf ?? 'no events yet'}.`,
    ];
  }

  /** The quarterly report of a region or district, with charts. */
  private async pdf(request: Extract<ReportExportRequest, { format: 'pdf' }>, context: BuildContext): Promise<BuiltFile> {
    const scope = { level: request.level, code: request.code, suppress: true } as const;
    const summary = await this.source.summary(context.actor, { ...scope, from: request.quarter, to: request.quarter });
    await this.step(context, 0.3);
    const series = await this.source.timeSeries(context.actor, { ...scope, from: addQuarters(request.quarter, -(request.trendQuarters - 1)), to: request.quarter });
    await this.step(context, 0.6);
    const document = quarterlyReport(summary, series, request, context);
    const content = await renderReportPdf(document, { fonts: this.options.fonts(), compress: this.options.compressPdf ?? true });
    await this.step(context, 0.95);
    return { fileName: `quarterly-report-${request.level}-${safe(request.code)}-${request.quarter}.pdf`, contentType: EXPORT_MEDIA_TYPES.pdf, content };
  }
}

/** Decides what the quarterly PDF shows; suppressed cells stay suppressed. */
export function quarterlyReport(
  summary: ReportSummary,
  series: ReportTimeSeries,
  request: Extract<ReportExportRequest, { format: 'pdf' }>,
  context: Pick<BuildContext, 'actor' | 'labels' | 'now'>,
): ReportDocument {
  const { labels } = context;
  const m = summary.measures;
  const name = unitName(summary.unit, labels);
  const regionName = summary.unit.regionCode && request.level === 'district' ? `, ${labels[summary.unit.regionCode] ?? summary.unit.regionCode} region` : '';
  const childKind = request.level === 'region' ? 'district' : 'community';
  const units = summary.children.length ? summary.children : [{ unit: summary.unit, measures: summary.measures }];
  const bar = (label: string, cell: { value: number | null; suppressed: boolean }): ChartBar => ({ label, value: cell.value, suppressed: cell.suppressed });
  const trustAt = (key: 'trustAverage' | 'usefulnessAverage' | 'contactPoliceFirstShare') =>
    series.points.map((p) => (p.measures.trust[key].suppressed ? null : p.measures.trust[key].value));
  const change = m.trust.change.trustAverage;
  const childTable: ExportTable = {
    title: `Per ${childKind}`,
    columns: [
      { key: 'name', label: humanize(childKind) },
      { key: 'expected', label: 'Expected', kind: 'count' },
      { key: 'held', label: 'Held', kind: 'count' },
      { key: 'rate', label: 'Rate', kind: 'share' },
      { key: 'attendees', label: 'Attendees', kind: 'count' },
      { key: 'women', label: 'Women share', kind: 'share' },
      { key: 'concerns', label: 'Concerns', kind: 'count' },
      { key: 'trust', label: 'Trust (1–5)', kind: 'decimal' },
    ],
    rows: units.map(({ unit, measures }) => [
      unitName(unit, labels),
      measures.reportingRate.expected,
      measures.reportingRate.held,
      measures.reportingRate.rate,
      measures.attendance.total,
      cellValue(measures.attendance.womenShare),
      measures.concerns.total,
      cellValue(measures.trust.trustAverage),
    ]),
  };
  return {
    title: 'Quarterly report: police–community reporting days',
    area: `${name} ${request.level}${regionName}`,
    period: request.quarter.replace('-', ' '),
    generatedAt: context.now,
    requestedBy: context.actor.username,
    keyFigures: [
      { label: `Reporting rate (${m.reportingRate.held} of ${m.reportingRate.expected} held)`, value: pct(m.reportingRate.rate) },
      { label: 'Held on time', value: pct(m.reportingRate.onTimeRate) },
      { label: `Attendees at ${m.attendance.meetings} meetings`, value: m.attendance.total.toLocaleString('en-GB') },
      { label: 'Women among attendees', value: m.attendance.womenShare.suppressed ? 'suppressed' : pct(m.attendance.womenShare.value) },
      { label: 'Concerns raised', value: String(m.concerns.total) },
      {
        label: `Trust in police (1–5)${change === null ? '' : `, ${change >= 0 ? '+' : ''}${change.toFixed(2)} on previous quarter`}`,
        value: m.trust.trustAverage.suppressed ? 'suppressed' : m.trust.trustAverage.value === null ? '–' : m.trust.trustAverage.value.toFixed(2),
      },
    ],
    notes: [
      `Cells built from fewer than ${summary.suppression.threshold} attendees or respondents are shown as "suppressed".`,
      'Confidential concerns are counted, never described: this report holds no concern text and no personal data.',
      `Read model as of ${summary.asOf ?? 'no events yet'}.`,
    ],
    sections: [
      {
        title: 'Reporting rate',
        intro: `Expected reporting days count each community active in the quarter once. Overdue: ${m.reportingRate.overdue}; none scheduled: ${m.reportingRate.notScheduled}; meetings cancelled: ${m.reportingRate.meetingsCancelled}.`,
        charts: [
          {
            caption: `Reporting rate per ${childKind}`,
            chart: { kind: 'bars', format: 'share', max: 1, bars: units.map(({ unit, measures }) => ({ label: unitName(unit, labels), value: measures.reportingRate.rate })) },
          },
          {
            caption: 'Reporting rate over quarters',
            chart: { kind: 'line', labels: series.points.map((p) => p.quarter), min: 0, max: 1, format: 'share', series: [
              { name: 'Reporting rate', values: series.points.map((p) => p.measures.reportingRate.rate) },
              { name: 'Held on time', values: series.points.map((p) => p.measures.reportingRate.onTimeRate) },
            ] },
          },
        ],
        table: childTable,
      },
      {
        title: 'Attendance',
        intro: `${m.attendance.total} attendees at ${m.attendance.meetings} meetings (average ${m.attendance.averagePerMeeting?.toFixed(1) ?? '–'}); ${m.attendance.officialsPresent} officials present. Youth (under 30): ${m.attendance.youthShare.suppressed ? 'suppressed' : pct(m.attendance.youthShare.value)}.`,
        charts: [
          { caption: 'Attendees by gender', chart: { kind: 'bars', format: 'count', bars: GENDERS.map((g) => bar(humanize(g), m.attendance.byGender[g])) } },
          { caption: 'Attendees by age group', chart: { kind: 'bars', format: 'count', bars: AGE_GROUPS.map((a) => bar(humanize(a), m.attendance.byAgeGroup[a])) } },
        ],
      },
      {
        title: 'Concerns by topic',
        intro: `${m.concerns.total} concerns raised, ${m.concerns.followUpNeeded} needing follow-up, ${m.concerns.resolved} resolved (median ${m.concerns.medianDaysToResolve ?? '–'} days). Actions: ${m.concerns.actions.open} open, ${m.concerns.actions.done} done, ${m.concerns.actions.overdue} overdue.`,
        charts: [{ caption: 'Concerns by topic', chart: { kind: 'bars', format: 'count', bars: CONCERN_TOPICS.map((t) => bar(humanize(t), m.concerns.byTopic[t])) } }],
        // Confidential concerns appear only as a count, here and everywhere.
        table: {
          title: 'Concerns by sensitivity',
          columns: [
            { key: 'sensitivity', label: 'Sensitivity (counts only)' },
            { key: 'concerns', label: 'Concerns', kind: 'count' },
          ],
          rows: SENSITIVITIES.map((s) => [humanize(s), cellValue(m.concerns.bySensitivity[s])]),
        },
      },
      {
        title: 'Trust trend',
        intro: `Feedback survey of attendees, ${m.trust.respondents} respondents this quarter.`,
        charts: [
          { caption: 'Average scores (1–5) over quarters', chart: { kind: 'line', labels: series.points.map((p) => p.quarter), min: 1, max: 5, format: 'decimal', series: [
            { name: 'Trust in police', values: trustAt('trustAverage') },
            { name: 'Usefulness of the meeting', values: trustAt('usefulnessAverage') },
          ] } },
          { caption: 'Would contact the police first in a conflict', chart: { kind: 'line', labels: series.points.map((p) => p.quarter), min: 0, max: 1, format: 'share', series: [
            { name: 'Share of respondents', values: trustAt('contactPoliceFirstShare') },
          ] } },
        ],
      },
      {
        title: 'Hand-over',
        intro: `Police organised ${pct(m.handOver.policeShare)} of the ${m.handOver.meetingsHeld} meetings held themselves.`,
        charts: [
          {
            caption: 'Who organised the meetings held',
            chart: { kind: 'bars', format: 'count', bars: [
              { label: 'Police', value: m.handOver.police },
              { label: 'Police, NGO facilitated', value: m.handOver.policeNgoFacilitated },
              { label: 'NGO', value: m.handOver.ngo },
            ] },
          },
          {
            caption: 'Share organised by the police over quarters',
            chart: { kind: 'line', labels: series.points.map((p) => p.quarter), min: 0, max: 1, format: 'share', series: [
              { name: 'Police-organised share', values: series.points.map((p) => p.measures.handOver.policeShare) },
            ] },
          },
        ],
      },
    ],
  };
}
