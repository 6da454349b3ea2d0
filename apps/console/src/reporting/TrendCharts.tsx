import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import type { HandOverPoint } from './breakdowns';
import { trendLook } from './charts';
import { LabelledBars, SR_ONLY } from './LabelledBars';
import type { RateRow, TrendPoint, TrendSuppression } from './rows';

/** What recharts hands a label formatter. */
type RenderableText = string | number | boolean | null | undefined;

/** The chart's numbers as a table for screen readers: the drawing itself is hidden from them. */
export interface ChartTable {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

const Chart = ({
  title,
  testId,
  note,
  empty,
  hidden = false,
  labelled = false,
  table,
  children,
}: {
  title: string;
  testId: string;
  note?: string;
  empty?: string;
  /** Draw nothing (only the note): every value is suppressed. */
  hidden?: boolean;
  labelled?: boolean;
  table: ChartTable;
  children: React.ReactElement;
}) => (
  <Box data-testid={testId} data-labelled={labelled} sx={{ minWidth: 0 }}>
    <Typography variant="subtitle2" component="h3" gutterBottom>
      {title}
    </Typography>
    {hidden ? null : empty ? (
      <Typography variant="body2" color="text.secondary" data-testid="chart-empty" sx={{ py: 2 }}>
        {empty}
      </Typography>
    ) : (
      <>
        <Box aria-hidden="true">
          <ResponsiveContainer width="100%" height={240}>
            {children}
          </ResponsiveContainer>
        </Box>
        <Box component="table" sx={SR_ONLY} data-testid="chart-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => (index === 0 ? <th key={index} scope="row">{cell}</th> : <td key={index}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </Box>
      </>
    )}
    {note && (
      <Typography variant="caption" color="text.secondary" data-testid="chart-suppressed-note">
        {note}
      </Typography>
    )}
  </Box>
);

/** Formats of the charts' numbers in the console language: percentages (0–100 here) and averages. */
function useFormats() {
  const [locale] = useLocaleState();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const pct = (value: RenderableText) => (typeof value === 'number' ? percent.format(value / 100) : '');
    const num = (value: RenderableText) => (typeof value === 'number' ? plain.format(value) : '');
    return { pct, num };
  }, [locale]);
}

interface LineSeries<T> {
  key: keyof T & string;
  name: string;
  color: string;
  dashed?: boolean;
  /** Where the point labels sit, so two series' labels do not overlap. */
  labelAt?: 'top' | 'bottom';
}

/**
 * A line chart per quarter. With few points (see `trendLook`) every point is a large dot with its value written by
 * it, and the first and last are kept clear of the edges; with no value at all the chart says so.
 */
function TrendLines<T extends { quarter: string }>({
  title,
  testId,
  points,
  series,
  domain,
  format,
  note,
}: {
  title: string;
  testId: string;
  points: T[];
  series: LineSeries<T>[];
  domain: [number, number];
  format: (value: RenderableText) => string;
  note?: string;
}) {
  const translate = useTranslate();
  const look = trendLook(points, series.map((entry) => entry.key));
  const table: ChartTable = {
    columns: [translate('reporting.charts.quarter'), ...series.map((entry) => entry.name)],
    rows: points.map((point) => ({
      key: point.quarter,
      cells: [point.quarter, ...series.map((entry) => format(point[entry.key] as RenderableText) || '—')],
    })),
  };
  return (
    // Nothing to draw because every value is suppressed: the note says so, "no data" would be wrong.
    <Chart
      title={title}
      testId={testId}
      note={note}
      table={table}
      labelled={look.labelled}
      empty={look.empty && !note ? translate('reporting.charts.noData') : undefined}
      hidden={look.empty && !!note}
    >
      <LineChart data={points} accessibilityLayer={false} margin={{ top: 20, right: 16, bottom: 5, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="quarter" padding={{ left: look.edgePadding, right: look.edgePadding }} />
        <YAxis domain={domain} tickFormatter={(value: number) => format(value)} width={56} />
        <Tooltip formatter={(value) => format(value as RenderableText)} />
        <Legend />
        {series.map((entry) => (
          <Line
            key={entry.key}
            type="monotone"
            dataKey={entry.key}
            name={entry.name}
            stroke={entry.color}
            strokeWidth={2}
            strokeDasharray={entry.dashed ? '4 2' : undefined}
            dot={{ r: look.dotRadius, fill: entry.color }}
            connectNulls={false}
            isAnimationActive={false}
          >
            {look.labelled && <LabelList dataKey={entry.key} position={entry.labelAt ?? 'top'} formatter={format} fill={entry.color} fontSize={12} />}
          </Line>
        ))}
      </LineChart>
    </Chart>
  );
}

/**
 * Quarter-by-quarter charts of the period: reporting rate, attendance shares and trust. Suppressed quarters are
 * gaps (the API sent no value) and listed under the chart.
 */
export const TrendCharts = ({ points, suppressed }: { points: TrendPoint[]; suppressed: TrendSuppression }) => {
  const translate = useTranslate();
  const { pct, num } = useFormats();
  const note = (keys: (keyof TrendSuppression)[]) => {
    const quarters = [...new Set(keys.flatMap((key) => suppressed[key] ?? []))].sort();
    return quarters.length ? translate('reporting.charts.suppressedIn', { quarters: quarters.join(', ') }) : undefined;
  };
  const label = (key: string) => translate(`reporting.columns.${key}`);
  const heldTable: ChartTable = {
    columns: [translate('reporting.charts.quarter'), label('expected'), label('held')],
    rows: points.map((point) => ({ key: point.quarter, cells: [point.quarter, num(point.expected), num(point.held)] })),
  };
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
      <TrendLines
        title={translate('reporting.charts.rate')}
        testId="trend-chart"
        points={points}
        domain={[0, 100]}
        format={pct}
        series={[
          { key: 'rate', name: label('rate'), color: '#1f5f8b' },
          { key: 'onTimeRate', name: label('onTimeRate'), color: '#2e6b3f', dashed: true, labelAt: 'bottom' },
        ]}
      />
      <Chart title={translate('reporting.charts.held')} testId="held-chart" table={heldTable} labelled>
        <BarChart data={points} accessibilityLayer={false} margin={{ top: 20, right: 16, bottom: 5, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Legend />
          <Bar dataKey="expected" name={label('expected')} fill="#6f8fab" isAnimationActive={false} maxBarSize={48}>
            <LabelList dataKey="expected" position="top" formatter={num} fontSize={12} fill="#3d5a73" />
          </Bar>
          <Bar dataKey="held" name={label('held')} fill="#1f5f8b" isAnimationActive={false} maxBarSize={48}>
            <LabelList dataKey="held" position="top" formatter={num} fontSize={12} fill="#1f5f8b" />
          </Bar>
        </BarChart>
      </Chart>
      <TrendLines
        title={translate('reporting.charts.participation')}
        testId="participation-chart"
        points={points}
        domain={[0, 100]}
        format={pct}
        note={note(['womenShare', 'youthShare'])}
        series={[
          { key: 'womenShare', name: label('womenShare'), color: '#7b5ea7' },
          { key: 'youthShare', name: label('youthShare'), color: '#a35f00', labelAt: 'bottom' },
        ]}
      />
      <TrendLines
        title={translate('reporting.charts.trust')}
        testId="trust-chart"
        points={points}
        domain={[1, 5]}
        format={num}
        note={note(['trustAverage', 'usefulnessAverage'])}
        series={[
          { key: 'trustAverage', name: label('trustAverage'), color: '#b3261e' },
          { key: 'usefulnessAverage', name: label('usefulnessAverage'), color: '#2e6b3f', labelAt: 'bottom' },
        ]}
      />
    </Box>
  );
};

/** The police-organised share of the meetings held, per quarter (the hand-over trend). */
export const HandOverTrendChart = ({ points }: { points: HandOverPoint[] }) => {
  const translate = useTranslate();
  const { pct } = useFormats();
  return (
    <TrendLines
      title={translate('reporting.handOver.trend')}
      testId="handover-trend-chart"
      points={points}
      domain={[0, 100]}
      format={pct}
      series={[{ key: 'policeShare', name: translate('reporting.handOver.policeShare'), color: '#1f5f8b' }]}
    />
  );
};

/** The children's reporting rates side by side (e.g. a region's districts for its reviewer), every bar labelled. */
export const ChildrenChart = ({ rows }: { rows: RateRow[] }) => {
  const translate = useTranslate();
  if (rows.length === 0) return null;
  return (
    <LabelledBars
      title={translate('reporting.charts.sideBySide')}
      testId="children-chart"
      series={[
        { key: 'rate', name: translate('reporting.columns.rate'), color: '#1f5f8b', as: 'percent' },
        { key: 'onTimeRate', name: translate('reporting.columns.onTimeRate'), color: '#2e6b3f', as: 'percent' },
      ]}
      groups={rows.map((row) => ({ key: row.id, label: row.name, values: { rate: row.rate, onTimeRate: row.onTimeRate } }))}
    />
  );
};
