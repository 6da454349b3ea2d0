import Typography from '@mui/material/Typography';
import { DEFAULT_TIME_ZONE, quarterOf, type ActorScope, type MissingReports, type ReportTimeSeries } from '@rd/contracts';
import { useMemo, type ComponentType, type ReactNode } from 'react';
import { useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { placeName } from '../geography/placeName';
import { missingQuery, reportQuery, startingUnits, type UnitRef } from '../reporting/scope';
import { pointOf, rateChange, rateQuarters } from './home';
import { HomeCard, HomeItems } from './HomeCard';
import { useFailureText } from '../data/useFailureText';

/** The current quarter as the reporting dashboard sees it (the default district zone). */
const useCurrentQuarter = () => useMemo(() => quarterOf(new Date(), DEFAULT_TIME_ZONE), []);

/** A unit of the reader's scope, named in the UI language. */
const UnitName = ({ unit }: { unit: UnitRef }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const resource = unit.level === 'region' ? 'regions' : 'districts';
  const { data } = useGetOne(resource, { id: unit.code ?? '' }, { enabled: unit.level === 'region' || unit.level === 'district' });
  if (unit.level === 'country') return <>{translate('reporting.levels.country')}</>;
  return <>{placeName(data ?? { code: unit.code }, locale)}</>;
};

const unitKey = (unit: UnitRef) => `${unit.level}-${unit.code ?? 'all'}`;

interface LineProps {
  unit: UnitRef;
  quarter: string;
}

/** A card with one line per unit of the reader's scope (as the reporting dashboard starts), opening the dashboard. */
const AreaCard = ({ card, scope, Line }: { card: 'missing' | 'rate'; scope: ActorScope; Line: ComponentType<LineProps> }) => {
  const quarter = useCurrentQuarter();
  const units = startingUnits(scope);
  return (
    <HomeCard card={card} isPending={false} isEmpty={units.length === 0} to="/reporting">
      <HomeItems>
        {units.map((unit) => (
          <Line key={unitKey(unit)} unit={unit} quarter={quarter} />
        ))}
      </HomeItems>
    </HomeCard>
  );
};

/** A unit's line: its name, its failed request (in the user's language where the gateway gave a key) or `children`. */
const UnitLine = ({ card, unit, error, data, children }: { card: string; unit: UnitRef; error: unknown; data: Record<string, unknown>; children: ReactNode }) => {
  const failureText = useFailureText();
  const attributes = Object.fromEntries(Object.entries(data).map(([name, value]) => [`data-${name}`, value ?? '']));
  return (
    <li style={{ listStyle: 'none', padding: '6px 0' }} data-testid={`home-${card}-${unitKey(unit)}`} {...attributes}>
      <Typography sx={{ fontWeight: 500 }}>
        <UnitName unit={unit} />
      </Typography>
      {error ? <Typography color="error">{failureText(error)}</Typography> : children}
    </li>
  );
};

/** One unit's count of communities without a reporting day held this quarter (GET /reports/missing). */
const MissingLine = ({ unit, quarter }: LineProps) => {
  const translate = useTranslate();
  const query = missingQuery(unit, quarter, 1);
  const { data, error } = useApiQuery<MissingReports>(query ? `reports/missing?${query}` : null);
  return (
    <UnitLine card="missing" unit={unit} error={error} data={{ total: data?.total }}>
      {data && (
        <Typography variant="body2">
          {data.total === 0 ? translate('dashboard.cards.missing.none', { quarter }) : translate('dashboard.cards.missing.count', { smart_count: data.total, quarter })}
        </Typography>
      )}
    </UnitLine>
  );
};

/** Communities without a reporting day held this quarter, per unit of the reader's scope; the list is on the reporting dashboard. */
export const MissingCard = ({ scope }: { scope: ActorScope }) => <AreaCard card="missing" scope={scope} Line={MissingLine} />;

const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${Math.round(rate * 100)}%`);

/** One unit's reporting rate this quarter against last (GET /reports/timeseries over the two quarters; aggregates only). */
const RateLine = ({ unit, quarter }: LineProps) => {
  const translate = useTranslate();
  const quarters = rateQuarters(quarter);
  const { data, error } = useApiQuery<ReportTimeSeries>(`reports/timeseries?${reportQuery(unit, { from: quarters.previous, to: quarters.current })}`);
  const current = pointOf(data?.points, quarters.current)?.measures.reportingRate;
  const previous = pointOf(data?.points, quarters.previous)?.measures.reportingRate;
  const change = rateChange(current, previous);
  return (
    <UnitLine card="rate" unit={unit} error={error} data={{ rate: current?.rate, previous: previous?.rate }}>
      {data && (
        <>
          <Typography variant="body2">
            {translate('dashboard.cards.rate.current', { quarter: quarters.current, rate: percent(current?.rate), held: current?.held ?? 0, expected: current?.expected ?? 0 })}
          </Typography>
          <Typography variant="body2">
            {translate('dashboard.cards.rate.previous', { quarter: quarters.previous, rate: percent(previous?.rate), held: previous?.held ?? 0, expected: previous?.expected ?? 0 })}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="home-rate-change">
            {change ? translate(`dashboard.cards.rate.${change.direction}`, { points: change.points }) : translate('dashboard.cards.rate.noComparison')}
          </Typography>
        </>
      )}
    </UnitLine>
  );
};

/** For those who see aggregates only (the regional reviewer): each area's reporting rate this quarter against last. */
export const RateCard = ({ scope }: { scope: ActorScope }) => <AreaCard card="rate" scope={scope} Line={RateLine} />;
