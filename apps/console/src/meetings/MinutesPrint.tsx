import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { attendanceTotal, type AttendanceView } from '@rd/contracts';
import { useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useApiQuery, useNotifyError } from '../data/apiQueries';
import { saveFile, useFileClient } from '../data/fileClient';
import { formatInZone } from './timeZone';

/** The printable part of the minutes tab carries this class; printing shows it alone (ADR 40). */
export const PRINT_AREA = 'minutes-print';

/**
 * Printing the minutes: everything that neither holds the printable area nor sits in it is left out (navigation,
 * tabs, buttons, the editor), and the header that only print shows comes in.
 */
const PRINT_STYLES = {
  '@media print': {
    [`body *:not(:has(.${PRINT_AREA})):not(.${PRINT_AREA}):not(.${PRINT_AREA} *)`]: { display: 'none !important' },
    [`.${PRINT_AREA}`]: { display: 'block !important' },
    [`.${PRINT_AREA}-only`]: { display: 'block !important' },
    '.no-print': { display: 'none !important' },
    '.MuiPaper-root': { boxShadow: 'none !important' },
    body: { background: '#fff' },
  },
} as const;

interface MeetingRecord {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  venueName: string;
  communityIds: string[];
}

/** What a printed copy starts with: title, communities, date and time in the district's zone, venue, attendance. */
export const MinutesPrintHeader = () => {
  const record = useRecordContext<MeetingRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: communities } = useGetMany('communities', { ids: record?.communityIds ?? [] }, { enabled: !!record?.communityIds?.length });
  const attendance = useApiQuery<AttendanceView>(record ? `meetings/${encodeURIComponent(record.id)}/attendance` : null);
  if (!record) return null;
  const counts = attendance.data?.counts;
  const sum = (row: AttendanceView['counts']['women'] | undefined) => (row ? row.under18 + row.from18to29 + row.from30to59 + row.from60 : 0);
  const T = 'resources.meetings.minutes.print';
  return (
    <Box className={`${PRINT_AREA}-only`} data-testid="minutes-print-header" sx={{ display: 'none', mb: 2 }}>
      <Typography variant="h5" component="h1">
        {record.title}
      </Typography>
      <Typography>
        {translate(`${T}.communities`, { names: (communities ?? []).map((c: { name?: string }) => c.name ?? '').filter(Boolean).join(', ') || '—' })}
      </Typography>
      <Typography>{translate(`${T}.date`, { date: formatInZone(record.startsAt, record.timeZone, locale) })}</Typography>
      <Typography>{translate(`${T}.venue`, { venue: record.venueName || '—' })}</Typography>
      <Typography>
        {counts
          ? translate(`${T}.attendance`, { total: attendanceTotal(counts), women: sum(counts.women), men: sum(counts.men), other: sum(counts.other) })
          : translate(`${T}.noAttendance`)}
      </Typography>
      {attendance.data && attendance.data.officials.length > 0 && (
        <Typography>{translate(`${T}.officials`, { smart_count: attendance.data.officials.reduce((n, o) => n + o.count, 0) })}</Typography>
      )}
    </Box>
  );
};

/** Print (the browser's dialog, with the print styles above) and the PDF made by the gateway (GET …/minutes.pdf). */
export const MinutesPrintButtons = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const download = useFileClient();
  const notifyError = useNotifyError();
  if (!record) return null;
  const fetchPdf = async () => {
    try {
      saveFile(await download(`meetings/${encodeURIComponent(record.id)}/minutes.pdf?lang=${encodeURIComponent(locale)}`), `minutes-${record.id}.pdf`);
    } catch (caught) {
      notifyError(caught, 'resources.meetings.minutes.pdfFailed');
    }
  };
  return (
    <Stack direction="row" spacing={1} className="no-print" sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <GlobalStyles styles={PRINT_STYLES} />
      <Button size="large" variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()} data-testid="minutes-print-button">
        {translate('resources.meetings.minutes.printButton')}
      </Button>
      <Button size="large" variant="outlined" startIcon={<PictureAsPdfIcon />} onClick={() => void fetchPdf()} data-testid="minutes-pdf-button">
        {translate('resources.meetings.minutes.pdf')}
      </Button>
    </Stack>
  );
};
