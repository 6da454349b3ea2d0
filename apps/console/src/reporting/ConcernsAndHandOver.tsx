import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReportSummary, ReportTimeSeries } from '@rd/contracts';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { handOverTrend, handOverView, topicTable } from './breakdowns';
import { CellValue } from './CellValue';
import { LabelledBars } from './LabelledBars';
import { HandOverTrendChart } from './TrendCharts';

const twoColumns = { display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' } } as const;

/**
 * The hand-over measure: who organised the reporting days held in the period (police alone, police with the NGO
 * facilitating, the NGO), the police-organised share in words, and its trend per quarter. Counts are totals
 * (never suppressed).
 */
export const HandOverPanel = ({ summary, series }: { summary: ReportSummary; series: ReportTimeSeries | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const view = useMemo(() => handOverView(summary.measures), [summary]);
  const trend = useMemo(() => (series ? handOverTrend(series) : []), [series]);
  const share = view.policeShare.kind === 'value' ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(view.policeShare.value) : '—';
  return (
    <Box data-testid="handover-panel">
      <Typography variant="body1" data-testid="handover-share" sx={{ fontWeight: 500 }}>
        {view.meetingsHeld > 0 ? translate('reporting.handOver.headline', { held: view.meetingsHeld, share }) : translate('reporting.handOver.none')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('reporting.handOver.help')}
      </Typography>
      <Box sx={twoColumns}>
        <LabelledBars
          title={translate('reporting.handOver.byOrganiser')}
          testId="handover-bars"
          series={[{ key: 'share', name: translate('reporting.handOver.policeShare'), color: '#1f5f8b', as: 'percent' }]}
          groups={view.parts.map((part) => ({
            key: part.organisedBy,
            label: `${translate(`resources.meetings.organisedBy.${part.organisedBy}`)}: ${part.count}`,
            values: { share: part.share },
          }))}
        />
        {series && <HandOverTrendChart points={trend} />}
      </Box>
    </Box>
  );
};

/**
 * Concerns by topic: the period's counts as labelled bars and a topic × quarter table for the trend. The numbers
 * are those of the suppressed answers the exports use, so a small topic reads "suppressed" here as in the files.
 */
export const TopicsPanel = ({ summary, series }: { summary: ReportSummary; series: ReportTimeSeries | undefined }) => {
  const translate = useTranslate();
  const table = useMemo(() => topicTable(summary, series), [summary, series]);
  const threshold = summary.suppression.threshold;
  const topicName = (topic: string) => translate(`resources.meetings.concerns.topics.${topic}`);
  return (
    <Box data-testid="topics-panel">
      <Typography variant="body1" data-testid="topics-total" sx={{ fontWeight: 500 }}>
        {translate('reporting.topics.total', { total: table.total })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('reporting.topics.rule', { threshold })}
      </Typography>
      {table.rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('reporting.topics.none')}
        </Typography>
      ) : (
        <Box sx={twoColumns}>
          <LabelledBars
            title={translate('reporting.topics.period')}
            testId="topic-bars"
            threshold={threshold}
            series={[{ key: 'count', name: translate('reporting.columns.concerns'), color: '#7b5ea7', as: 'number' }]}
            groups={table.rows.map((row) => ({ key: row.topic, label: topicName(row.topic), values: { count: row.period } }))}
          />
          {table.quarters.length > 0 && (
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="subtitle2" component="h3" gutterBottom>
                {translate('reporting.topics.trend')}
              </Typography>
              <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={translate('reporting.topics.trend')}>
                <Table size="small" data-testid="topic-trend" sx={{ '& th, & td': { px: 1 } }}>
                  <TableHead>
                    <TableRow>
                      <TableCell component="th" scope="col">
                        {translate('reporting.topics.topic')}
                      </TableCell>
                      {table.quarters.map((quarter) => (
                        <TableCell key={quarter} component="th" scope="col" align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {quarter}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {table.rows.map((row) => (
                      <TableRow key={row.topic} data-testid="topic-trend-row" data-topic={row.topic}>
                        <TableCell component="th" scope="row">
                          {topicName(row.topic)}
                        </TableCell>
                        {row.quarters.map((display, index) => (
                          <TableCell key={table.quarters[index]} align="right">
                            <CellValue display={display} threshold={threshold} />
                          </TableCell>
                        ))}
                      </TableRow>
                    ))}
                    <TableRow sx={{ '& th, & td': { fontWeight: 700 } }}>
                      <TableCell component="th" scope="row">
                        {translate('reporting.topics.allTopics')}
                      </TableCell>
                      {table.totals.map((total, index) => (
                        <TableCell key={table.quarters[index]} align="right">
                          {total}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableBody>
                </Table>
              </Box>
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
};
