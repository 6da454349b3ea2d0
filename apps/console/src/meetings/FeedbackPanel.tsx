import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { RAISER_AGE_GROUPS, RAISER_GENDERS, type MeetingStatus } from '@rd/contracts';
import { Suspense, useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useApiQuery, useInvalidateApi } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { BigToggle } from './fieldKit';
import { buildFeedbackBatch, emptyFeedbackRow, incompleteRows, type FeedbackRow } from './inputs';
import { SaveControls, useSaveForm } from './SaveControls';
import { lazyPage } from '../lazyPage';

// The survey panel carries the QR code generator and the kiosk: fetched when a held meeting's feedback step opens (ADR 45).
const ResidentSurveyPanel = lazyPage(() => import('../survey/ResidentSurveyPanel'), 'ResidentSurveyPanel');

interface Cell {
  n: number;
  usefulnessAverage: number | null;
  trustAverage: number | null;
  contactPoliceFirstShare: number | null;
}

interface Summary {
  overall: Cell;
  bySource?: Record<'resident' | 'kiosk' | 'staff', Cell>;
  selfReportedShare?: number | null;
  staffDominates?: boolean;
}

const fmt = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const SCORES = [1, 2, 3, 4, 5] as const;
const FIRST_ROWS = 5;

/** The meeting's feedback survey: the aggregate, and bulk entry of the paper forms once the meeting is held. */
export const FeedbackPanel = () => {
  const record = useRecordContext<{ id: string; status: MeetingStatus }>();
  const { canAccess: canEnter } = useCanAccess({ resource: 'meetings', action: 'hold' });
  const invalidate = useInvalidateApi();
  const summaryPath = record ? `meetings/${encodeURIComponent(record.id)}/feedback/summary` : null;
  const summary = useApiQuery<Summary>(summaryPath);
  const data = summary.error ? null : (summary.data ?? null);
  const overall = data?.overall ?? null;
  const loadSummary = () => void (summaryPath && invalidate(summaryPath));
  if (!record) return null;
  const held = record.status === 'held' || record.status === 'closed';
  return (
    <Stack spacing={3}>
      <FeedbackSummary overall={overall} />
      {data && overall && overall.n > 0 && <FeedbackSources summary={data} />}
      {canEnter && held && (
        <Suspense fallback={null}>
          <ResidentSurveyPanel meetingId={record.id} />
        </Suspense>
      )}
      {canEnter && held && <FeedbackEntry meetingId={record.id} onSaved={loadSummary} />}
    </Stack>
  );
};

const FeedbackSummary = ({ overall }: { overall: Cell | null }) => {
  const translate = useTranslate();
  if (!overall || overall.n === 0) return <Typography data-testid="feedback-summary">{translate('resources.meetings.feedback.none')}</Typography>;
  return (
    <Typography variant="h6" data-testid="feedback-summary">
      {translate('resources.meetings.feedback.summary', {
        n: overall.n,
        usefulness: fmt(overall.usefulnessAverage),
        trust: fmt(overall.trustAverage),
        share: overall.contactPoliceFirstShare === null ? '—' : `${Math.round(overall.contactPoliceFirstShare * 100)}%`,
      })}
    </Typography>
  );
};

/** Who gave the answers (ADR 46): the share residents gave themselves, and a warning when staff entered most. */
const FeedbackSources = ({ summary }: { summary: Summary }) => {
  const translate = useTranslate();
  if (!summary.bySource) return null;
  return (
    <Stack spacing={1}>
      <Typography data-testid="feedback-sources">
        {translate('resources.meetings.feedback.survey.sources', {
          share: summary.selfReportedShare === null || summary.selfReportedShare === undefined ? '—' : `${Math.round(summary.selfReportedShare * 100)}%`,
          resident: summary.bySource.resident.n,
          kiosk: summary.bySource.kiosk.n,
          staff: summary.bySource.staff.n,
        })}
      </Typography>
      {summary.staffDominates && (
        <Alert severity="warning" data-testid="feedback-staff-dominates">
          {translate('resources.meetings.feedback.survey.staffDominates')}
        </Alert>
      )}
    </Stack>
  );
};

const FeedbackEntry = ({ meetingId, onSaved }: { meetingId: string; onSaved: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const key = `rd.meeting.${meetingId}.feedback`;
  const fresh = () => Array.from({ length: FIRST_ROWS }, emptyFeedbackRow);
  const [rows, setRows] = useState<FeedbackRow[]>(() => loadDraft<FeedbackRow[]>(key) ?? fresh());
  const incomplete = new Set(incompleteRows(rows));

  const store = (next: FeedbackRow[]) => {
    setRows(next);
    saveDraft(key, next);
  };
  const patchRow = (index: number, patch: Partial<FeedbackRow>) => store(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const form = useSaveForm(
    () => buildFeedbackBatch(rows),
    (batch) => dataProvider.meetingCall('POST', meetingId, 'feedback', batch),
    (_answer, batch) => {
      clearDraft(key);
      setRows(fresh());
      notify('resources.meetings.feedback.saved', { type: 'success', messageArgs: { smart_count: batch.length } });
      onSaved();
    },
  );

  const t = (path: string) => translate(`resources.meetings.feedback.${path}`);
  const yesNo = [
    { value: true, label: t('yes') },
    { value: false, label: t('no') },
  ] as const;
  const filled = rows.length - rows.filter((row) => JSON.stringify(row) === JSON.stringify(emptyFeedbackRow())).length;

  return (
    <Stack spacing={2} data-testid="feedback-entry">
      <Typography variant="h6">{t('entryTitle')}</Typography>
      <Typography color="text.secondary">{t('entryHelp')}</Typography>
      {rows.map((row, index) => (
        <Paper
          key={index}
          variant="outlined"
          sx={{ p: 1.5, borderLeft: 6, borderLeftColor: incomplete.has(index) ? 'warning.main' : 'divider' }}
          data-testid={`feedback-row-${index}`}
        >
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
            <Typography variant="h6" sx={{ minWidth: 36 }}>
              {index + 1}
            </Typography>
            <Box>
              <Typography variant="caption" sx={{ display: "block" }}>{t('usefulness')}</Typography>
              <BigToggle
                value={row.usefulness}
                choices={SCORES.map((value) => ({ value, label: String(value) }))}
                onChange={(usefulness) => patchRow(index, { usefulness })}
                testId={`fb-${index}-usefulness`}
              />
            </Box>
            <Box>
              <Typography variant="caption" sx={{ display: "block" }}>{t('trust')}</Typography>
              <BigToggle
                value={row.trust}
                choices={SCORES.map((value) => ({ value, label: String(value) }))}
                onChange={(trust) => patchRow(index, { trust })}
                testId={`fb-${index}-trust`}
              />
            </Box>
            <Box>
              <Typography variant="caption" sx={{ display: "block" }}>{t('contactFirst')}</Typography>
              <BigToggle value={row.contactFirst} choices={yesNo} onChange={(contactFirst) => patchRow(index, { contactFirst })} testId={`fb-${index}-first`} />
            </Box>
            <Box>
              <Typography variant="caption" sx={{ display: "block" }}>{t('gender')}</Typography>
              <BigToggle
                value={row.gender}
                choices={RAISER_GENDERS.map((value) => ({ value, label: translate(`resources.meetings.genders.${value}`) }))}
                onChange={(gender) => patchRow(index, { gender })}
                testId={`fb-${index}-gender`}
              />
            </Box>
            <Box>
              <Typography variant="caption" sx={{ display: "block" }}>{t('ageGroup')}</Typography>
              <BigToggle
                value={row.ageGroup}
                choices={RAISER_AGE_GROUPS.map((value) => ({ value, label: translate(`resources.meetings.ageGroups.${value}`) }))}
                onChange={(ageGroup) => patchRow(index, { ageGroup })}
                testId={`fb-${index}-age`}
              />
            </Box>
            <TextField
              label={t('comment')}
              value={row.comment}
              onChange={(event) => patchRow(index, { comment: event.target.value })}
              sx={{ flex: 1, minWidth: 220 }}
              slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': `fb-${index}-comment` } }}
            />
          </Stack>
        </Paper>
      ))}
      <Stack direction="row" spacing={1}>
        <Button size="large" variant="outlined" onClick={() => store([...rows, ...Array.from({ length: 5 }, emptyFeedbackRow)])} data-testid="feedback-add-rows">
          {t('addRows')}
        </Button>
      </Stack>
      {filled > 0 && form.error === null && <Alert severity="info">{translate('resources.meetings.unsaved')}</Alert>}
      <SaveControls
        form={form}
        label="resources.meetings.feedback.saveAll"
        labelArgs={{ smart_count: filled }}
        testId="feedback-save"
        missingTestId="feedback-problem"
        missingArgs={{ rows: [...incomplete].map((i) => i + 1).join(', ') }}
      />
    </Stack>
  );
};
