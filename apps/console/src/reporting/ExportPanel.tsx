import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ExportFormat, ExportJobResource } from '@rd/contracts';
import { Button, useCanAccess, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import { useApiQuery, useInvalidateApi, useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { saveFile, useFileClient } from '../data/fileClient';
import { downloadable, downloadPath, exportRequest, jobActive, jobSubject, pdfAllowed } from './exports';
import type { ReportPeriod } from './period';
import type { UnitRef } from './scope';
import { useFailureText } from '../data/useFailureText';
import { formatDate } from '../i18n/dates';

const JOBS_PATH = `report-exports?${new URLSearchParams({ sort: JSON.stringify(['requestedAt', 'DESC']), range: JSON.stringify([0, 9]), filter: JSON.stringify({ mine: true }) })}`;
const POLL_ACTIVE_MS = 2_000;

const STATUS_COLORS = { queued: 'default', running: 'info', done: 'success', failed: 'error', expired: 'default' } as const;

/** CSV/XLSX of the summary shown and the quarterly PDF, each requested as a job; the latest jobs with progress and download. */
export const ExportPanel = ({ unit, period }: { unit: UnitRef; period: ReportPeriod }) => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const download = useFileClient();
  const { canAccess: mayExport = false } = useCanAccess({ resource: 'report-exports', action: 'create' });
  const notifyError = useNotifyError();
  const invalidate = useInvalidateApi();
  // Polled while a job is queued or running.
  const jobs = useApiQuery<ExportJobResource[]>(mayExport ? JOBS_PATH : null, {
    refetchInterval: (data) => ((data ?? []).some(jobActive) ? POLL_ACTIVE_MS : false),
  });
  const { mutate: request } = useMutation({
    mutationFn: (format: ExportFormat) => dataProvider.apiCall('POST', 'report-exports', exportRequest(format, unit, period, locale)),
    onSuccess: () => {
      notify('reporting.exports.requested', { type: 'info' });
      return invalidate('report-exports');
    },
    onError: (error) => notifyError(error),
  });

  if (!mayExport) return null;

  const fetchFile = async (job: ExportJobResource) => {
    if (!job.downloadUrl) return;
    try {
      saveFile(await download(downloadPath(job.downloadUrl)), job.fileName ?? `${job.id}.${job.request.format}`);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Box data-testid="export-panel">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <Button label="reporting.exports.csv" variant="outlined" onClick={() => request('csv')} data-testid="export-csv" />
        <Button label="reporting.exports.xlsx" variant="outlined" onClick={() => request('xlsx')} data-testid="export-xlsx" />
        {pdfAllowed(unit) && (
          <Button
            label={translate('reporting.exports.pdf', { quarter: period.to })}
            variant="outlined"
            onClick={() => request('pdf')}
            data-testid="export-pdf"
          />
        )}
      </Stack>
      {jobs.error ? (
        <Alert severity="error">{failureText(jobs.error)}</Alert>
      ) : (jobs.data ?? []).length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('reporting.exports.none')}
        </Typography>
      ) : (
        <Table size="small" data-testid="export-jobs">
          <TableHead>
            <TableRow>
              <TableCell>{translate('reporting.exports.requestedAt')}</TableCell>
              <TableCell>{translate('reporting.exports.format')}</TableCell>
              <TableCell>{translate('reporting.exports.subject')}</TableCell>
              <TableCell>{translate('reporting.exports.status')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(jobs.data ?? []).map((job) => (
              <TableRow key={job.id} data-testid="export-job" data-status={job.status} data-job-id={job.id}>
                <TableCell>{formatDate(job.requestedAt, locale, { time: true })}</TableCell>
                <TableCell>{job.request.format.toUpperCase()}</TableCell>
                <TableCell>{jobSubject(job.request)}</TableCell>
                <TableCell sx={{ minWidth: 160 }}>
                  <Chip size="small" color={STATUS_COLORS[job.status]} label={translate(`reporting.exports.statuses.${job.status}`)} />
                  {jobActive(job) && <LinearProgress variant={job.status === 'running' ? 'determinate' : 'indeterminate'} value={job.progress} sx={{ mt: 0.5 }} />}
                  {job.status === 'failed' && job.error && (
                    <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                      {job.error}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {downloadable(job) && (
                    <Button label="reporting.exports.download" onClick={() => fetchFile(job)} data-testid="export-download">
                      <DownloadIcon />
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
