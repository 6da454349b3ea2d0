import {
  AGE_GROUPS,
  CONCERN_TOPICS,
  GENDERS,
  SENSITIVITIES,
  type Cell,
  type ReportMeasures,
  type ReportSummary,
  type ReportUnit,
} from '@rd/contracts';
import { SUPPRESSED, type ExportCell, type ExportColumn, type ExportTable } from './export-table';

/** Topic and group keys as people read them: `water-and-irrigation` → `Water and irrigation`. */
export function humanize(key: string): string {
  const spaced = key
    .replace(/^from(\d+)to(\d+)$/, '$1–$2')
    .replace(/^from(\d+)$/, '$1+')
    .replace(/^under(\d+)$/, 'under $1')
    .replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export const THEMES = ['Reporting rate', 'Attendance', 'Concerns', 'Trust', 'Hand-over'] as const;
export type Theme = (typeof THEMES)[number];

interface MeasureColumn extends ExportColumn {
  theme: Theme;
  get(measures: ReportMeasures): ExportCell;
}

/** A breakdown cell as an export cell: suppressed stays suppressed, never a number. */
export function cellValue(cell: Cell): ExportCell {
  return cell.suppressed ? SUPPRESSED : cell.value;
}

const col = (theme: Theme, key: string, label: string, kind: ExportColumn['kind'], get: (m: ReportMeasures) => ExportCell): MeasureColumn => ({
  theme,
  key,
  label,
  kind,
  get,
});

/** Every measure of a summary as one column, in the order of the issue. */
export const MEASURE_COLUMNS: readonly MeasureColumn[] = [
  col('Reporting rate', 'expected', 'Reporting days expected', 'count', (m) => m.reportingRate.expected),
  col('Reporting rate', 'held', 'Held', 'count', (m) => m.reportingRate.held),
  col('Reporting rate', 'heldOnTime', 'Held on time', 'count', (m) => m.reportingRate.heldOnTime),
  col('Reporting rate', 'overdue', 'Overdue', 'count', (m) => m.reportingRate.overdue),
  col('Reporting rate', 'notScheduled', 'None scheduled', 'count', (m) => m.reportingRate.notScheduled),
  col('Reporting rate', 'rate', 'Reporting rate', 'share', (m) => m.reportingRate.rate),
  col('Reporting rate', 'onTimeRate', 'On-time rate', 'share', (m) => m.reportingRate.onTimeRate),
  col('Reporting rate', 'meetingsHeld', 'Meetings held', 'count', (m) => m.reportingRate.meetingsHeld),
  col('Reporting rate', 'meetingsCancelled', 'Meetings cancelled', 'count', (m) => m.reportingRate.meetingsCancelled),
  col('Attendance', 'attendanceMeetings', 'Meetings with attendance', 'count', (m) => m.attendance.meetings),
  col('Attendance', 'attendees', 'Attendees', 'count', (m) => m.attendance.total),
  ...GENDERS.map((g) => col('Attendance', `gender.${g}`, humanize(g), 'count', (m) => cellValue(m.attendance.byGender[g]))),
  ...AGE_GROUPS.map((a) => col('Attendance', `age.${a}`, `Age ${humanize(a).toLowerCase()}`, 'count', (m) => cellValue(m.attendance.byAgeGroup[a]))),
  col('Attendance', 'womenShare', 'Women share', 'share', (m) => cellValue(m.attendance.womenShare)),
  col('Attendance', 'youthShare', 'Youth (under 30) share', 'share', (m) => cellValue(m.attendance.youthShare)),
  col('Attendance', 'officialsPresent', 'Officials present', 'count', (m) => m.attendance.officialsPresent),
  col('Attendance', 'averagePerMeeting', 'Average per meeting', 'decimal', (m) => m.attendance.averagePerMeeting),
  col('Concerns', 'concerns', 'Concerns raised', 'count', (m) => m.concerns.total),
  ...CONCERN_TOPICS.map((t) => col('Concerns', `topic.${t}`, humanize(t), 'count', (m) => cellValue(m.concerns.byTopic[t]))),
  ...SENSITIVITIES.map((s) => col('Concerns', `sensitivity.${s}`, `${humanize(s)} (count)`, 'count', (m) => cellValue(m.concerns.bySensitivity[s]))),
  col('Concerns', 'followUpNeeded', 'Needing follow-up', 'count', (m) => m.concerns.followUpNeeded),
  col('Concerns', 'followUpShare', 'Follow-up share', 'share', (m) => m.concerns.followUpShare),
  col('Concerns', 'resolved', 'Resolved', 'count', (m) => m.concerns.resolved),
  col('Concerns', 'medianDaysToResolve', 'Median days to resolve', 'decimal', (m) => m.concerns.medianDaysToResolve),
  col('Concerns', 'actions', 'Actions', 'count', (m) => m.concerns.actions.total),
  col('Concerns', 'actionsOpen', 'Actions open', 'count', (m) => m.concerns.actions.open),
  col('Concerns', 'actionsDone', 'Actions done', 'count', (m) => m.concerns.actions.done),
  col('Concerns', 'actionsOverdue', 'Actions overdue', 'count', (m) => m.concerns.actions.overdue),
  col('Trust', 'respondents', 'Survey respondents', 'count', (m) => m.trust.respondents),
  col('Trust', 'usefulness', 'Usefulness (1–5)', 'decimal', (m) => cellValue(m.trust.usefulnessAverage)),
  col('Trust', 'trust', 'Trust in police (1–5)', 'decimal', (m) => cellValue(m.trust.trustAverage)),
  col('Trust', 'contactPoliceFirst', 'Would contact police first', 'share', (m) => cellValue(m.trust.contactPoliceFirstShare)),
  col('Trust', 'usefulnessChange', 'Usefulness change', 'decimal', (m) => m.trust.change.usefulnessAverage),
  col('Trust', 'trustChange', 'Trust change', 'decimal', (m) => m.trust.change.trustAverage),
  col('Trust', 'contactPoliceFirstChange', 'Contact police first change', 'share', (m) => m.trust.change.contactPoliceFirstShare),
  col('Hand-over', 'handOverMeetings', 'Meetings held (hand-over)', 'count', (m) => m.handOver.meetingsHeld),
  col('Hand-over', 'byPolice', 'Organised by police', 'count', (m) => m.handOver.police),
  col('Hand-over', 'byPoliceWithNgo', 'Police, NGO facilitated', 'count', (m) => m.handOver.policeNgoFacilitated),
  col('Hand-over', 'byNgo', 'Organised by NGO', 'count', (m) => m.handOver.ngo),
  col('Hand-over', 'policeShare', 'Police-organised share', 'share', (m) => m.handOver.policeShare),
];

const UNIT_COLUMNS: ExportColumn[] = [
  { key: 'period', label: 'Period' },
  { key: 'level', label: 'Level' },
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Name' },
  { key: 'region', label: 'Region' },
  { key: 'district', label: 'District' },
];

/** The name of a unit for people: the label the gateway resolved, else its code. */
export function unitName(unit: ReportUnit, labels: Record<string, string>): string {
  if (unit.level === 'country') return labels['country'] ?? 'All regions';
  return labels[unit.code ?? ''] ?? unit.code ?? '';
}

export interface SummaryRow {
  period: string;
  unit: ReportUnit;
  measures: ReportMeasures;
}

/** A summary as rows: the unit itself first, then each unit one level down. */
export function summaryRows(summary: ReportSummary, period: string): SummaryRow[] {
  return [{ period, unit: summary.unit, measures: summary.measures }, ...summary.children.map((child) => ({ period, unit: child.unit, measures: child.measures }))];
}

function unitCells(row: SummaryRow, labels: Record<string, string>): ExportCell[] {
  const { unit } = row;
  const region = unit.regionCode ? (labels[unit.regionCode] ?? unit.regionCode) : null;
  const district = unit.districtCode ? (labels[unit.districtCode] ?? unit.districtCode) : null;
  return [row.period, unit.level, unit.code, unitName(unit, labels), region, district];
}

/** One wide table (the CSV), or one table per theme (the XLSX sheets). */
export function measureTable(title: string, rows: SummaryRow[], labels: Record<string, string>, theme?: Theme): ExportTable {
  const columns = MEASURE_COLUMNS.filter((column) => theme === undefined || column.theme === theme);
  return {
    title,
    columns: [...UNIT_COLUMNS, ...columns.map(({ key, label, kind }) => ({ key, label, kind }))],
    rows: rows.map((row) => [...unitCells(row, labels), ...columns.map((column) => column.get(row.measures))]),
  };
}
