import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import type { RateRow, TrendPoint, TrendSuppression } from './rows';

const Chart = ({ title, testId, note, children }: { title: string; testId: string; note?: string; children: React.ReactElement }) => (
  <Box data-testid={testId} sx={{ minWidth: 0 }}>
    <Typography variant="subtitle2" gutterBottom>
      {title}
    </Typography>
    <ResponsiveContainer width="100%" height={240}>
      {children}
    </ResponsiveContainer>
    {note && (
      <Typography variant="caption" color="text.secondary" data-testid="chart-suppressed-note">
        {note}
      </Typography>
    )}
  </Box>
);

/**
 * Quarter-by-quarter charts of the period: reporting rate, attendance shares and trust. Suppressed quarters are
 * gaps (the API sent no value) and listed under the chart.
 */
export const TrendCharts = ({ points, suppressed }: { points: TrendPoint[]; suppressed: TrendSuppression }) => {
  const translate = useTranslate();
  const note = (keys: (keyof TrendSuppression)[]) => {
    const quarters = [...new Set(keys.flatMap((key) => suppressed[key] ?? []))].sort();
    return quarters.length ? translate('reporting.charts.suppressedIn', { quarters: quarters.join(', ') }) : undefined;
  };
  const label = (key: string) => translate(`reporting.columns.${key}`);
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } }}>
      <Chart title={translate('reporting.charts.rate')} testId="trend-chart">
        <LineChart data={points}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="rate" name={label('rate')} stroke="#1f5f8b" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="onTimeRate" name={label('onTimeRate')} stroke="#2e6b3f" strokeDasharray="4 2" connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </Chart>
      <Chart title={translate('reporting.charts.held')} testId="held-chart">
        <BarChart data={points}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="expected" name={label('expected')} fill="#9db4c8" isAnimationActive={false} />
          <Bar dataKey="held" name={label('held')} fill="#1f5f8b" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title={translate('reporting.charts.participation')} testId="participation-chart" note={note(['womenShare', 'youthShare'])}>
        <LineChart data={points}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis domain={[0, 100]} unit="%" />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="womenShare" name={label('womenShare')} stroke="#7b5ea7" connectNulls={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="youthShare" name={label('youthShare')} stroke="#e08a00" connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </Chart>
      <Chart title={translate('reporting.charts.trust')} testId="trust-chart" note={note(['trustAverage', 'usefulnessAverage'])}>
        <LineChart data={points}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis domain={[1, 5]} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="trustAverage" name={label('trustAverage')} stroke="#b3261e" connectNulls={false} isAnimationActive={false} />
          <Line
            type="monotone"
            dataKey="usefulnessAverage"
            name={translate('reporting.columns.usefulnessAverage')}
            stroke="#2e6b3f"
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </Chart>
    </Box>
  );
};

/** The children's reporting rates side by side (e.g. a region's districts for its reviewer). */
export const ChildrenChart = ({ rows }: { rows: RateRow[] }) => {
  const translate = useTranslate();
  const data = rows.map((row) => ({
    name: row.name,
    rate: row.rate.kind === 'value' ? Math.round(row.rate.value * 1000) / 10 : null,
    onTimeRate: row.onTimeRate.kind === 'value' ? Math.round(row.onTimeRate.value * 1000) / 10 : null,
  }));
  if (data.length === 0) return null;
  return (
    <Chart title={translate('reporting.charts.sideBySide')} testId="children-chart">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis domain={[0, 100]} unit="%" />
        <Tooltip />
        <Legend />
        <Bar dataKey="rate" name={translate('reporting.columns.rate')} fill="#1f5f8b" isAnimationActive={false} />
        <Bar dataKey="onTimeRate" name={translate('reporting.columns.onTimeRate')} fill="#2e6b3f" isAnimationActive={false} />
      </BarChart>
    </Chart>
  );
};
