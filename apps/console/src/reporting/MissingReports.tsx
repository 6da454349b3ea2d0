import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MissingReports as MissingReportsView } from '@rd/contracts';
import { LinearProgress, useLocaleState, useRedirect, useTranslate } from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { missingQuery, type UnitRef } from './scope';
import type { UnitNames } from './rows';
import { useFailureText } from '../data/useFailureText';
import { formatDate } from '../i18n/dates';

/**
 * GET /reports/missing: communities active this quarter without a held reporting day, and why (none scheduled,
 * scheduled, postponed, cancelled). One activated too late in the quarter to count in its rate is listed too, marked
 * "not expected this quarter", and the screen says what "expected" means. Names come from the communities the user may read.
 */
export const MissingReports = ({ unit, quarter, names }: { unit: UnitRef; quarter: string; names: UnitNames }) => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const redirect = useRedirect();
  const [locale] = useLocaleState();
  const query = missingQuery(unit, quarter);
  const { data, error, isFetching: loading } = useApiQuery<MissingReportsView>(query ? `reports/missing?${query}` : null);
  if (!query) return null;
  if (loading && !data) return <LinearProgress />;
  if (error) {
    return <Alert severity="error">{failureText(error)}</Alert>;
  }
  if (!data) return null;
  if (data.total === 0) {
    return <Typography data-testid="missing-none">{translate('reporting.missing.none', { quarter })}</Typography>;
  }
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="missing-total">
        {translate('reporting.missing.total', { smart_count: data.total, quarter })}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="missing-split">
        {translate('reporting.missing.split', { expected: data.expectedTotal, notExpected: data.total - data.expectedTotal })}
      </Typography>
      <Typography variant="caption" component="p" color="text.secondary" sx={{ mb: 1 }} data-testid="missing-expected-help">
        {translate('reporting.missing.expectedHelp')}
      </Typography>
      <Table size="small" data-testid="missing-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('reporting.missing.community')}</TableCell>
            <TableCell>{translate('reporting.missing.district')}</TableCell>
            <TableCell>{translate('reporting.missing.reason')}</TableCell>
            <TableCell>{translate('reporting.missing.nextMeeting')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.items.map((item) => (
            <TableRow key={item.communityId} data-testid={`missing-row-${item.communityId}`}>
              <TableCell>
                <Link component="button" onClick={() => redirect('show', 'communities', item.communityId)}>
                  {names.get(item.communityId) ?? item.communityId.slice(0, 8)}
                </Link>
              </TableCell>
              <TableCell>{names.get(item.districtCode) ?? item.districtCode}</TableCell>
              <TableCell>
                {translate(`reporting.missing.reasons.${item.reason}`)}
                {!item.expected && (
                  <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={translate('reporting.missing.notExpected')} data-testid="missing-not-expected" />
                )}
              </TableCell>
              <TableCell>
                {item.nextMeeting ? (
                  <Link component="button" onClick={() => redirect('show', 'meetings', item.nextMeeting?.meetingId)}>
                    {formatDate(item.nextMeeting.scheduledFor, locale, { time: true })}
                  </Link>
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.total > data.items.length && (
        <Typography variant="caption" color="text.secondary">
          {translate('reporting.missing.more', { shown: data.items.length, total: data.total })}
        </Typography>
      )}
    </>
  );
};
