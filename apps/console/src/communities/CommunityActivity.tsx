import EventIcon from '@mui/icons-material/Event';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useQueries } from '@tanstack/react-query';
import {
  quarterOf,
  type BriefingDelivery,
  type BriefingView,
  type ConcernRegisterRow,
  type MeetingView,
  type ReportTimeSeries,
  type Role,
  type TemplateView,
} from '@rd/contracts';
import { useState, type ReactNode } from 'react';
import { useCanAccess, useDataProvider, useGetIdentity, useGetList, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { inLanguage } from '../briefings/briefingText';
import { useApiQuery } from '../data/apiQueries';
import { apiQueryKey } from '../data/apiQueryKey';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { NO_HIDDEN, parseHidden } from '../meetings/inputs';
import { formatInZone } from '../meetings/timeZone';
import { reportQuery } from '../reporting/scope';
import type { CommunityRecord, DistrictRecord } from '../types';
import { concernCounts, OPEN_ACTION_STATUSES, rateHistory, rateWindow, type QuarterState } from './communityActivity';
import { communityConcernsPath, communityMeetingsPath, meetingCreatePath, meetingPrefill } from './planFromCommunity';
import { formatDate } from '../i18n/dates';

const A = 'resources.communities.activity';
/** Meetings shown per list (planned, past) before "all meetings". */
const MEETINGS_SHOWN = 5;
/** Open concerns shown before "all in the register". */
const CONCERNS_SHOWN = 5;

/** A titled card of the community page. */
const Section = ({ title, testId, action, children }: { title: string; testId: string; action?: ReactNode; children: ReactNode }) => (
  <Card variant="outlined" data-testid={testId} sx={{ height: '100%' }}>
    <CardContent>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </CardContent>
  </Card>
);

const Muted = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <Typography variant="body2" color="text.secondary" data-testid={testId}>
    {children}
  </Typography>
);

/** The district's time zone (its current quarter), undefined until it is known. */
function useDistrictZone(districtCode: string | undefined): string | undefined {
  const { data } = useGetOne<DistrictRecord>('districts', { id: districtCode ?? '' }, { enabled: Boolean(districtCode) });
  return data?.timeZone;
}

/**
 * "Plan a reporting day": the create form prefilled from the community (district, community, police unit, partner NGO),
 * the latest handbook template and who organises it from the planner's role; every field can still be changed.
 */
export const PlanReportingDayButton = () => {
  const community = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'meetings', action: 'create' });
  const { identity } = useGetIdentity();
  const templates = useApiQuery<TemplateView[]>(canAccess ? 'templates' : null);
  if (!community || !canAccess) return null;
  const planner = { roles: (identity?.roles ?? []) as Role[], organisationId: identity?.organisationId as string | undefined };
  const prefill = meetingPrefill(community, planner, templates.data ?? [], translate(`${A}.plannedTitle`, { name: community.name }));
  return (
    <MuiButton
      component={Link}
      to={meetingCreatePath(prefill)}
      variant="contained"
      size="large"
      startIcon={<EventIcon />}
      disabled={templates.isPending || !identity}
      data-testid="plan-reporting-day"
      sx={{ minHeight: 48 }}
    >
      {translate(`${A}.plan`)}
    </MuiButton>
  );
};

/** One column of the meetings card: its heading with the count, then up to MEETINGS_SHOWN meetings opening their page. */
const MeetingColumn = ({ which, meetings, total }: { which: 'planned' | 'past'; meetings: MeetingView[]; total: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const testId = `community-meetings-${which}`;
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <Typography variant="subtitle1" component="h3" data-testid={`${testId}-count`} data-count={total}>
        {translate(`${A}.${which}`, { smart_count: total })}
      </Typography>
      {meetings.length === 0 ? (
        <Muted testId={`${testId}-empty`}>{translate(which === 'planned' ? `${A}.nonePlanned` : `${A}.nonePast`)}</Muted>
      ) : (
        <List dense disablePadding data-testid={testId}>
          {meetings.map((meeting) => (
            // Each link in a list item of its own: a list holds only items (WCAG 1.3.1, axe list).
            <ListItem key={meeting.id} disablePadding>
              <ListItemButton component={Link} to={`/meetings/${meeting.id}/show`} data-testid={`community-meeting-${meeting.id}`} sx={{ px: 1 }}>
                <ListItemText
                  primary={meeting.title}
                  secondary={`${formatInZone(meeting.startsAt, meeting.timeZone, locale)} · ${translate(`resources.meetings.statuses.${meeting.status}`)}`}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Grid>
  );
};

/** Its reporting days: the planned ones (soonest first) and the past ones (latest first), each opening the meeting. */
export const CommunityMeetings = () => {
  const community = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  // One "now" per visit, so the two lists do not refetch on every render.
  const [now] = useState(() => new Date().toISOString());
  const { canAccess } = useCanAccess({ resource: 'meetings', action: 'list' });
  const enabled = Boolean(community) && canAccess === true;
  const list = (filter: object, order: 'ASC' | 'DESC') =>
    ({ pagination: { page: 1, perPage: MEETINGS_SHOWN }, sort: { field: 'startsAt', order }, filter: { communityId: community?.id, ...filter } }) as const;
  const planned = useGetList<MeetingView>('meetings', list({ from: now }, 'ASC'), { enabled });
  const past = useGetList<MeetingView>('meetings', list({ to: now }, 'DESC'), { enabled });
  if (!community || !canAccess) return null;
  const all = (
    <MuiButton component={Link} to={communityMeetingsPath(community.id)} data-testid="community-meetings-all">
      {translate(`${A}.allMeetings`, { smart_count: (planned.total ?? 0) + (past.total ?? 0) })}
    </MuiButton>
  );
  return (
    <Section title={translate(`${A}.meetings`)} testId="community-meetings" action={all}>
      <Grid container spacing={2}>
        <MeetingColumn which="planned" meetings={planned.data ?? []} total={planned.total ?? 0} />
        <MeetingColumn which="past" meetings={past.data ?? []} total={past.total ?? 0} />
      </Grid>
    </Section>
  );
};

/**
 * Open concerns the reader may read (newest first, each opening its meeting), the others raised here only as counts per
 * sensitivity (X-Hidden-Concerns of the register: never which they are), and the open follow-up actions of the
 * concerns the reader may read.
 */
export const CommunityConcerns = () => {
  const community = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  const concernsAccess = useCanAccess({ resource: 'concerns', action: 'list' });
  const actionsAccess = useCanAccess({ resource: 'actions', action: 'list' });
  const readConcerns = Boolean(community) && concernsAccess.canAccess === true;
  const readActions = Boolean(community) && actionsAccess.canAccess === true;
  const concerns = useGetList<ConcernRegisterRow>(
    'concerns',
    { pagination: { page: 1, perPage: CONCERNS_SHOWN }, sort: { field: 'raisedAt', order: 'DESC' }, filter: { communityId: community?.id, status: 'open' } },
    { enabled: readConcerns },
  );
  const countOf = (filter: object) =>
    ({ pagination: { page: 1, perPage: 1 }, sort: { field: 'dueDate', order: 'ASC' }, filter: { communityId: community?.id, ...filter } }) as const;
  const open = useGetList('actions', countOf({ status: OPEN_ACTION_STATUSES[0] }), { enabled: readActions });
  const inProgress = useGetList('actions', countOf({ status: OPEN_ACTION_STATUSES[1] }), { enabled: readActions });
  const overdue = useGetList('actions', countOf({ overdue: true }), { enabled: readActions });
  if (!community || (!readConcerns && !readActions)) return null;
  const hidden = concerns.meta?.hiddenConcerns ? parseHidden(concerns.meta.hiddenConcerns as string) : NO_HIDDEN;
  const counts = concernCounts(concerns.total ?? 0, hidden);
  const action = readConcerns ? (
    <MuiButton component={Link} to={communityConcernsPath(community.id)} data-testid="community-concerns-all">
      {translate(`${A}.register`)}
    </MuiButton>
  ) : undefined;
  return (
    <Section title={translate(`${A}.concerns`)} testId="community-concerns" action={action}>
      {readConcerns && (
        <>
          <Typography data-testid="community-open-concerns" data-count={counts.open}>
            {translate(`${A}.openConcerns`, { smart_count: counts.open })}
          </Typography>
          {(concerns.data ?? []).length > 0 && (
            <List dense disablePadding>
              {(concerns.data ?? []).map((row) => (
                <ListItem key={row.id} disablePadding>
                  <ListItemButton component={Link} to={`/meetings/${row.meetingId}/show`} data-testid={`community-concern-${row.id}`} sx={{ px: 1 }}>
                    <ListItemText
                      primary={
                        <>
                          {translate(`resources.meetings.concerns.topics.${row.topic}`)}{' '}
                          <Chip size="small" variant="outlined" label={translate(`resources.meetings.concerns.sensitivities.${row.sensitivity}`)} />
                        </>
                      }
                      secondary={row.text}
                      slotProps={{ secondary: { sx: { overflowWrap: 'anywhere' } } }}
                    />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          )}
          {counts.hiddenTotal > 0 && (
            <Alert severity="info" sx={{ my: 1 }} data-testid="community-hidden-concerns" data-count={counts.hiddenTotal}>
              {translate(`${A}.hiddenConcerns`, { smart_count: counts.hiddenTotal, ...counts.hidden })}
            </Alert>
          )}
        </>
      )}
      {readActions && (
        <Typography
          sx={{ mt: 1 }}
          data-testid="community-open-actions"
          data-count={(open.total ?? 0) + (inProgress.total ?? 0)}
          data-overdue={overdue.total ?? 0}
        >
          {translate(`${A}.openActions`, { smart_count: (open.total ?? 0) + (inProgress.total ?? 0) })}
          {(overdue.total ?? 0) > 0 && ` · ${translate(`${A}.overdueActions`, { smart_count: overdue.total ?? 0 })}`}
        </Typography>
      )}
    </Section>
  );
};

/** The legal briefings presented at its held reporting days (from each briefing version's deliveries). */
export const CommunityBriefings = () => {
  const community = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'briefings', action: 'list' });
  const enabled = Boolean(community) && canAccess === true;
  const library = useGetList<BriefingView>('briefings', { pagination: { page: 1, perPage: 500 } }, { enabled });
  const versions = library.data ?? [];
  // The same cache entries as the briefing page's deliveries.
  const deliveries = useQueries({
    queries: versions.map((briefing) => ({
      queryKey: apiQueryKey(`briefings/${briefing.id}/deliveries`),
      queryFn: async () => (await dataProvider.apiCall<BriefingDelivery[]>('GET', `briefings/${briefing.id}/deliveries`)).json,
      enabled,
      retry: false,
    })),
  });
  if (!community || !canAccess) return null;
  const presented = versions
    .map((briefing, index) => ({
      briefing,
      // Latest first.
      dates: (deliveries[index]?.data ?? [])
        .filter((delivery) => delivery.communityIds.includes(community.id))
        .map((delivery) => delivery.startsAt)
        .sort()
        .reverse(),
    }))
    .filter((row) => row.dates.length > 0)
    .sort((a, b) => (b.dates[0] ?? '').localeCompare(a.dates[0] ?? ''));
  const loading = library.isPending || deliveries.some((query) => query.isPending);
  return (
    <Section title={translate(`${A}.briefings`)} testId="community-briefings">
      {presented.length === 0 ? (
        <Muted testId="community-briefings-empty">{translate(loading ? 'ra.page.loading' : `${A}.noBriefings`)}</Muted>
      ) : (
        <List dense disablePadding>
          {presented.map(({ briefing, dates }) => (
            <ListItem key={briefing.id} disablePadding>
              <ListItemButton component={Link} to={`/briefings/${briefing.id}/show`} data-testid={`community-briefing-${briefing.id}`} sx={{ px: 1 }}>
                <ListItemText
                  primary={translate(`${A}.briefingVersion`, { title: inLanguage(briefing.title, locale), version: briefing.version })}
                  secondary={translate(`${A}.presentedOn`, {
                    dates: dates.map((date) => formatDate(date, locale)).join(', '),
                  })}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
};

// Filled only where white text keeps AA contrast on the colour; the others are outlined.
const STATE_CHIPS: Record<QuarterState, { color: 'success' | 'error' | 'primary' | 'default'; variant: 'filled' | 'outlined' }> = {
  held: { color: 'success', variant: 'filled' },
  'held-late': { color: 'success', variant: 'outlined' },
  missed: { color: 'error', variant: 'filled' },
  due: { color: 'primary', variant: 'outlined' },
  'not-expected': { color: 'default', variant: 'outlined' },
};

/**
 * Its reporting rate over the last eight quarters (GET /reports/timeseries at level community: the reporting service's
 * read model; drill-down only, in scope, checked by the gateway), quarter by quarter and over the window.
 */
export const CommunityRate = () => {
  const community = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  const zone = useDistrictZone(community?.districtCode);
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'drillDown' });
  const path =
    community && canAccess && zone
      ? `reports/timeseries?${reportQuery({ level: 'community', code: community.id }, rateWindow(quarterOf(new Date(), zone)))}`
      : null;
  const series = useApiQuery<ReportTimeSeries>(path);
  if (!community || !canAccess) return null;
  const history = rateHistory(series.data);
  return (
    <Section title={translate(`${A}.rate`)} testId="community-rate">
      {series.error ? (
        <Alert severity="warning">{translate(`${A}.rateUnavailable`)}</Alert>
      ) : !series.data ? (
        <Muted>{translate('ra.page.loading')}</Muted>
      ) : (
        <>
          <Typography data-testid="community-rate-total" data-held={history.held} data-expected={history.expected}>
            {history.rate === null
              ? translate(`${A}.rateNone`)
              : translate(`${A}.rateTotal`, { held: history.held, smart_count: history.expected, rate: `${Math.round(history.rate * 100)}%` })}
          </Typography>
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {history.rows.map((row) => (
              <Box component="li" key={row.quarter}>
                <Chip
                  color={STATE_CHIPS[row.state].color}
                  variant={STATE_CHIPS[row.state].variant}
                  label={`${row.quarter}: ${translate(`${A}.states.${row.state}`)}`}
                  data-testid={`community-rate-${row.quarter}`}
                  data-state={row.state}
                />
              </Box>
            ))}
          </Box>
          <Muted>{translate(`${A}.rateHelp`)}</Muted>
        </>
      )}
    </Section>
  );
};
