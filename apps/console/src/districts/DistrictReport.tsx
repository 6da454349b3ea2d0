import Box from '@mui/material/Box';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { COMMUNITY_STATUSES } from '@rd/contracts';
import { LinearProgress, useGetOne, useLocaleState, useRecordContext, useTranslate, type HttpError } from 'react-admin';
import type { DistrictRecord, ReportRecord } from '../types';
import { StatusCount } from './StatusCount';
import { useFailureText } from '../data/useFailureText';
import { formatDate } from '../i18n/dates';

/** GET /reports/districts/:code — communities in the programme, by onboarding status. */
export const DistrictReport = () => {
  const district = useRecordContext<DistrictRecord>();
  const translate = useTranslate();
  const failureText = useFailureText();
  const [locale] = useLocaleState();
  const code = district?.code ?? '';
  const { data, isPending, error } = useGetOne<ReportRecord>('reports', { id: code }, { enabled: code !== '' });

  if (isPending) return <LinearProgress />;
  // 404: the reporting read model has not seen this district yet, which reads as "no communities".
  if (error && (error as HttpError).status !== 404) {
    return (
      <CardContent>
        <Typography color="error">{failureText(error)}</Typography>
      </CardContent>
    );
  }
  const report = error ? undefined : data;
  return (
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('resources.reports.title')}
      </Typography>
      {!report || report.communities.total === 0 ? (
        <Typography>{translate('resources.reports.empty')}</Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' }}>
          <StatusCount label={translate('resources.reports.fields.total')} count={report.communities.total} />
          {COMMUNITY_STATUSES.map((status) => (
            <StatusCount
              key={status}
              label={translate(`resources.communities.statuses.${status}`)}
              count={report.communities.byStatus[status] ?? 0}
            />
          ))}
        </Box>
      )}
      {report?.updatedAt && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('resources.reports.fields.updatedAt')}: {formatDate(report.updatedAt, locale, { time: true })}
        </Typography>
      )}
    </CardContent>
  );
};
