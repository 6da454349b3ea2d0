import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { MeetingKind } from '@rd/contracts';
import { useCanAccess, useDataProvider, useGetMany, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { AGE_GROUPS, clearDraft, emptyCounts, GENDERS, loadDraft, saveDraft, toCount, totalOf, type Counts } from './draft';
import { buildAttendanceInput, communitySum, type AttendanceDraft } from './inputs';
import { SaveError } from './SaveError';

interface Saved {
  counts: Counts;
  officials: { organisationId: string; count: number }[];
  byCommunity?: { communityId: string; attendees: number }[];
}

/**
 * Gender × age group grid with large number inputs. Every keystroke is kept in sessionStorage until the
 * gateway has the counts, so a dropped connection loses nothing; a failed save shows the error and Retry.
 */
export const AttendancePanel = () => {
  const record = useRecordContext<{ id: string; policeUnitId: string | null; kind: MeetingKind; communityIds: string[] }>();
  const { canAccess: canHold } = useCanAccess({ resource: 'meetings', action: 'hold' });
  const regional = record?.kind === 'regional';
  const communities = useGetMany<{ id: string; name: string }>('communities', { ids: regional ? (record?.communityIds ?? []) : [] });
  const [missing, setMissing] = useState<string[]>([]);
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const key = `rd.meeting.${record?.id}.attendance`;
  const [draft, setDraft] = useState<AttendanceDraft>(() => loadDraft<AttendanceDraft>(key) ?? { counts: emptyCounts(), officials: 0 });
  const [unsaved, setUnsaved] = useState(() => loadDraft(key) !== null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Without a local draft, start from what the gateway has (404: nothing recorded yet).
  useEffect(() => {
    if (!record || loadDraft(key) !== null) return;
    dataProvider
      .meetingCall<Saved>('GET', record.id, 'attendance')
      .then((saved) => {
        const officials = saved.officials.reduce((sum, row) => sum + row.count, 0);
        const byCommunity = Object.fromEntries((saved.byCommunity ?? []).map((row) => [row.communityId, row.attendees]));
        setDraft({ counts: saved.counts, officials, byCommunity });
      })
      .catch(() => undefined);
  }, [record, key, dataProvider]);

  if (!record) return null;

  const update = (next: AttendanceDraft) => {
    setDraft(next);
    setUnsaved(true);
    saveDraft(key, next);
  };

  const submit = async () => {
    const built = buildAttendanceInput(draft, record);
    if (!built.ok) {
      setMissing(built.errors);
      return;
    }
    setMissing([]);
    setPending(true);
    setError(null);
    try {
      await dataProvider.meetingCall('PUT', record.id, 'attendance', built.value);
      clearDraft(key);
      setUnsaved(false);
      notify('resources.meetings.attendance.saved', { type: 'success' });
      refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const bigInput = { htmlInput: { inputMode: 'numeric' as const, min: 0, style: { fontSize: 24, textAlign: 'center' as const } } };

  return (
    <Stack spacing={2} data-testid="attendance-panel">
      <Box sx={{ display: 'grid', gridTemplateColumns: '120px repeat(4, minmax(80px, 1fr))', gap: 1, alignItems: 'center' }}>
        <span />
        {AGE_GROUPS.map((age) => (
          <Typography key={age} align="center" sx={{ fontWeight: 'bold' }}>
            {translate(`resources.meetings.attendance.ages.${age}`)}
          </Typography>
        ))}
        {GENDERS.map((gender) => [
          <Typography key={gender} sx={{ fontWeight: 'bold' }}>
            {translate(`resources.meetings.attendance.genders.${gender}`)}
          </Typography>,
          ...AGE_GROUPS.map((age) => (
            <TextField
              key={`${gender}.${age}`}
              type="number"
              value={draft.counts[gender][age] === 0 ? '' : String(draft.counts[gender][age])}
              placeholder="0"
              onChange={(event) =>
                update({
                  ...draft,
                  counts: { ...draft.counts, [gender]: { ...draft.counts[gender], [age]: toCount(event.target.value) } },
                })
              }
              onFocus={(event) => event.target.select()}
              slotProps={{ htmlInput: { ...bigInput.htmlInput, 'data-testid': `count-${gender}-${age}` } }}
            />
          )),
        ])}
      </Box>
      <Typography variant="h6" data-testid="attendance-total">
        {translate('resources.meetings.attendance.total', { total: totalOf(draft.counts) })}
      </Typography>
      {regional && (
        <Stack spacing={1} data-testid="attendance-by-community">
          <Typography variant="h6">{translate('resources.meetings.attendance.byCommunity')}</Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 2fr) minmax(100px, 1fr)', gap: 1, alignItems: 'center', maxWidth: 560 }}>
            {record.communityIds.map((communityId) => [
              <Typography key={`${communityId}.name`}>{communities.data?.find((row) => row.id === communityId)?.name ?? '…'}</Typography>,
              <TextField
                key={`${communityId}.count`}
                type="number"
                value={draft.byCommunity?.[communityId] ? String(draft.byCommunity[communityId]) : ''}
                placeholder="0"
                onChange={(event) =>
                  update({ ...draft, byCommunity: { ...draft.byCommunity, [communityId]: toCount(event.target.value) } })
                }
                onFocus={(event) => event.target.select()}
                slotProps={{ htmlInput: { ...bigInput.htmlInput, 'data-testid': `count-community-${communityId}` } }}
              />,
            ])}
          </Box>
          <Typography
            data-testid="attendance-community-sum"
            color={communitySum(draft, record.communityIds) === totalOf(draft.counts) ? 'success.main' : 'warning.main'}
          >
            {translate('resources.meetings.attendance.communitySum', {
              sum: communitySum(draft, record.communityIds),
              total: totalOf(draft.counts),
            })}
          </Typography>
        </Stack>
      )}
      {record.policeUnitId && (
        <TextField
          type="number"
          label={translate('resources.meetings.attendance.officials')}
          value={draft.officials === 0 ? '' : String(draft.officials)}
          placeholder="0"
          onChange={(event) => update({ ...draft, officials: toCount(event.target.value) })}
          slotProps={{ htmlInput: { ...bigInput.htmlInput, 'data-testid': 'count-officials' } }}
          sx={{ maxWidth: 240 }}
        />
      )}
      {unsaved && error === null && <Alert severity="info">{translate('resources.meetings.unsaved')}</Alert>}
      {missing.length > 0 && <Alert severity="warning" data-testid="attendance-problem">{missing.map((message) => translate(message)).join(' ')}</Alert>}
      {error !== null && <SaveError error={error} onRetry={submit} />}
      {canHold && (
        <Box>
          <Button size="large" variant="contained" onClick={submit} disabled={pending} data-testid="attendance-save">
            {translate('resources.meetings.attendance.save')}
          </Button>
        </Box>
      )}
    </Stack>
  );
};
