import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DEFAULT_TIME_ZONE, quarterOf, type ReportSummary, type ReportTimeSeries } from '@rd/contracts';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  LinearProgress,
  Loading,
  Title,
  useCanAccess,
  useGetList,
  useGetOne,
  useLocaleState,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { placeName } from '../geography/placeName';
import type { CommunityRecord, DistrictRecord, MeRecord, RegionRecord } from '../types';
import { HandOverPanel, TopicsPanel } from './ConcernsAndHandOver';
import { ExportPanel } from './ExportPanel';
import { MissingReports } from './MissingReports';
import { periodLabel, periodProblem, presetPeriod, type ReportPeriod } from './period';
import { PeriodPicker } from './PeriodPicker';
import { RateMap, type Located } from './RateMap';
import { RateTable } from './RateTable';
import { toRateRows, totalRow, toTrendPoints, type RateRow } from './rows';
import { drillTo, reportQuery, sameUnit, startingUnits, type UnitRef } from './scope';
import { ChildrenChart, TrendCharts } from './TrendCharts';
import { useFailureText } from '../data/useFailureText';
import { formatDate } from '../i18n/dates';

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card sx={{ mt: 2 }} data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/**
 * Names and coordinates of the places the user may read: regions and districts (geography:read, every role) and,
 * at district level, its communities (community:read; never the regional reviewer).
 */
function usePlaces(unit: UnitRef | undefined) {
  const [locale] = useLocaleState();
  const { canAccess: readsCommunities = false } = useCanAccess({ resource: 'communities', action: 'list' });
  const { data: regions = [] } = useGetList<RegionRecord>('regions', { pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } });
  const { data: districts = [] } = useGetList<DistrictRecord>('districts', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } });
  const communityFilter = unit?.level === 'district' ? { districtCode: unit.code } : {};
  const { data: communities = [] } = useGetList<CommunityRecord>(
    'communities',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' }, filter: communityFilter },
    { enabled: readsCommunities && unit !== undefined && unit.level !== 'community' },
  );
  return useMemo(() => {
    const names = new Map<string, string>();
    const locations = new Map<string, { lat: number; lng: number }>();
    const note = (key: string, name: string, location: { lat: number; lng: number } | null | undefined) => {
      names.set(key, name);
      if (location) locations.set(key, location);
    };
    for (const region of regions) note(region.code, placeName(region, locale), region.location);
    for (const district of districts) note(district.code, placeName(district, locale), district.location);
    for (const community of communities) note(String(community.id), community.name, community.location);
    return { names, locations: locations as Located };
  }, [regions, districts, communities, locale]);
}

/**
 * The reporting dashboard of every role: the user's units (country, region or districts) for a period, with the
 * reporting rate side by side per child unit (table, map, chart), trends per quarter, the hand-over measure and
 * concerns by topic (as suppressed as in the exports), the communities without a reporting day this quarter (with
 * drill-down rights) and exports. Every number is the gateway's; suppressed cells stay suppressed.
 */
export const ReportingDashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const failureText = useFailureText();
  const redirect = useRedirect();
  const { canAccess: mayDrillDown = false } = useCanAccess({ resource: 'reports', action: 'drillDown' });
  const { data: me, isPending, error } = useGetOne<MeRecord>('me', { id: 'me' });
  // The current quarter as the default district zone sees it: 1 April 03:00 in Dushanbe (31 March in UTC) is already Q2.
  const current = useMemo(() => quarterOf(new Date(), DEFAULT_TIME_ZONE), []);
  const [period, setPeriod] = useState<ReportPeriod>(() => presetPeriod('last-4', current));
  const starts = useMemo(() => (me ? startingUnits(me.scope) : []), [me]);
  const [path, setPath] = useState<UnitRef[]>([]);
  useEffect(() => {
    if (path.length === 0 && starts.length > 0) setPath([starts[0]]);
  }, [path.length, starts]);
  const unit = path[path.length - 1] as UnitRef | undefined;
  const problem = periodProblem(period);
  const query = unit && !problem ? reportQuery(unit, period) : null;
  const summary = useApiQuery<ReportSummary>(query ? `reports/summary?${query}` : null);
  const series = useApiQuery<ReportTimeSeries>(query ? `reports/timeseries?${query}` : null);
  // Concerns by topic and hand-over come from the answers the exports are built from (suppression forced on): the
  // summary and series themselves when suppression already applies to this view, else asked again with it.
  const exportQuery = unit && !problem ? reportQuery(unit, period, { suppress: true }) : null;
  const suppressedSummary = useApiQuery<ReportSummary>(exportQuery && summary.data?.suppression.applied === false ? `reports/summary?${exportQuery}` : null);
  const suppressedSeries = useApiQuery<ReportTimeSeries>(exportQuery && series.data?.suppression.applied === false ? `reports/timeseries?${exportQuery}` : null);
  const breakdownSummary = summary.data?.suppression.applied ? summary.data : suppressedSummary.data;
  const breakdownSeries = series.data?.suppression.applied ? series.data : suppressedSeries.data;
  const { names, locations } = usePlaces(unit);

  const rows = useMemo(() => (summary.data ? toRateRows(summary.data, names) : []), [summary.data, names]);
  const total = useMemo(() => (summary.data ? totalRow(summary.data, names) : undefined), [summary.data, names]);
  const trend = useMemo(() => (series.data ? toTrendPoints(series.data) : undefined), [series.data]);

  if (isPending) return <Loading />;
  if (error || !me) return <Alert severity="error">{error ? failureText(error) : translate('failures.other')}</Alert>;
  if (!unit) return <Alert severity="info">{translate('dashboard.none')}</Alert>;

  const unitName = (ref: UnitRef) =>
    ref.level === 'country' ? translate('reporting.levels.country') : `${names.get(ref.code ?? '') ?? ref.code} (${translate(`reporting.levels.${ref.level}`)})`;
  const open = (row: RateRow) => row.code && setPath(drillTo(path, { level: row.level, code: row.code }));
  const threshold = summary.data?.suppression.threshold ?? 5;
  const summaryError = summary.error as Error | undefined;

  return (
    // inline-size containment: the wide table scrolls inside its card instead of widening the whole page.
    <Box sx={{ pb: 4, minWidth: 0, contain: 'inline-size' }} data-testid="reporting-dashboard">
      <Title title="reporting.title" />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Stack spacing={2}>
            {starts.length > 1 && (
              <TextField
                select
                size="small"
                label={translate('reporting.unit')}
                value={starts.findIndex((start) => sameUnit(start, path[0] ?? start))}
                onChange={(event) => setPath([starts[Number(event.target.value)]])}
                fullWidth={false}
                sx={{ width: '100%', maxWidth: 320 }}
              >
                {starts.map((start, index) => (
                  <MenuItem key={`${start.level}:${start.code}`} value={index}>
                    {unitName(start)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <Breadcrumbs data-testid="reporting-breadcrumb">
              {path.map((ref, index) =>
                index === path.length - 1 ? (
                  <Typography key={index} color="text.primary">
                    {unitName(ref)}
                  </Typography>
                ) : (
                  <Link key={index} component="button" onClick={() => setPath(path.slice(0, index + 1))}>
                    {unitName(ref)}
                  </Link>
                ),
              )}
            </Breadcrumbs>
            <PeriodPicker current={current} period={period} onChange={setPeriod} />
            {problem && <Alert severity="warning">{translate(problem)}</Alert>}
            {summary.data && (
              <Typography variant="body2" color="text.secondary">
                {translate('reporting.asOf', { period: periodLabel(period) })}
                {summary.data.asOf ? ` · ${translate('reporting.updated', { when: formatDate(summary.data.asOf, locale, { time: true }) })}` : ''}
                {summary.data.suppression.applied ? ` · ${translate('reporting.suppressionApplied', { threshold })}` : ''}
              </Typography>
            )}
          </Stack>
        </CardContent>
      </Card>
      {(summary.isFetching || series.isFetching) && <LinearProgress />}
      {summaryError && <Alert severity="error" sx={{ mt: 2 }}>{failureText(summaryError)}</Alert>}
      {summary.data && total && (
        <Section title={translate('reporting.sections.rate')} testId="reporting-rate-section">
          {rows.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate(summary.data.unit.level === 'district' && !summary.data.drillDown ? 'reporting.noDrillDown' : 'reporting.noChildren')}
            </Typography>
          )}
          <RateTable rows={rows} total={total} threshold={threshold} onOpen={open} onOpenCommunity={mayDrillDown ? (id) => redirect('show', 'communities', id) : undefined} />
        </Section>
      )}
      {summary.data && rows.length > 0 && (
        <Section title={translate('reporting.sections.map')}>
          <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
            <RateMap rows={rows} locations={locations} threshold={threshold} onOpen={open} />
            <ChildrenChart rows={rows} />
          </Box>
        </Section>
      )}
      {trend && (
        <Section title={translate('reporting.sections.trends')}>
          <TrendCharts points={trend.points} suppressed={trend.suppressed} />
        </Section>
      )}
      {breakdownSummary && (
        <Section title={translate('reporting.sections.handOver')} testId="handover-section">
          <HandOverPanel summary={breakdownSummary} series={breakdownSeries} />
        </Section>
      )}
      {breakdownSummary && (
        <Section title={translate('reporting.sections.topics')} testId="topics-section">
          <TopicsPanel summary={breakdownSummary} series={breakdownSeries} />
        </Section>
      )}
      {mayDrillDown && unit.level !== 'community' && (
        <Section title={translate('reporting.sections.missing', { quarter: current })} testId="missing-section">
          <MissingReports unit={unit} quarter={current} names={names} />
        </Section>
      )}
      <Section title={translate('reporting.sections.exports')}>
        <ExportPanel unit={unit} period={period} />
      </Section>
    </Box>
  );
};
