import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { AttendanceView, MeetingAgendaView, MeetingKind, MeetingStatus } from '@rd/contracts';
import { useCanAccess, useDataProvider, useGetList, useGetMany, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { useApiQuery } from '../data/apiQueries';
import { AGE_GROUPS, clearDraft, emptyCounts, GENDERS, loadDraft, saveDraft, toCount, totalOf } from './draft';
import { CountGrid } from './CountGrid';
import { holdStepOffer } from './holdStep';
import { attendanceDraftOf, buildAttendanceInput, communitySum, organisationsToAsk, upgradeAttendanceDraft, type AttendanceDraft } from './inputs';
import { SaveControls, useSaveForm } from './SaveControls';

type AttendanceMeeting = {
  id: string;
  policeUnitId: string | null;
  facilitatingOrganisationId: string | null;
  inviteeOrganisationIds: string[];
  regionCode: string;
  kind: MeetingKind;
  communityIds: string[];
  status: MeetingStatus;
};
type Named = { id: string; name: string };
const bigInput = { htmlInput: { inputMode: 'numeric' as const, min: 0, style: { fontSize: 24, textAlign: 'center' as const } } };

/**
 * Officials present, per organisation: the meeting's police unit, facilitating NGO and invited organisations are
 * listed to count at once; another organisation of the region can be added.
 */
const OfficialsPresent = ({ meeting, draft, update }: { meeting: AttendanceMeeting; draft: AttendanceDraft; update: (next: AttendanceDraft) => void }) => {
  const translate = useTranslate();
  const [added, setAdded] = useState<Named[]>([]);
  const [search, setSearch] = useState('');
  const ids = [...new Set([...organisationsToAsk(meeting, draft), ...added.map((row) => row.id)])];
  const { data: named } = useGetMany<Named>('organisations', { ids }, { enabled: ids.length > 0 });
  // Searched on the server by name among the region's organisations, as the field worker types.
  const { data: region } = useGetList<Named>('organisations', {
    filter: { regionCode: meeting.regionCode, ...(search.trim() ? { q: search.trim() } : {}) },
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'name', order: 'ASC' },
  });
  const nameOf = (id: string) => named?.find((row) => row.id === id)?.name ?? added.find((row) => row.id === id)?.name ?? '…';
  return (
    <Stack spacing={1} data-testid="attendance-officials">
      <Typography variant="h6">{translate('resources.meetings.attendance.officials')}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 2fr) minmax(100px, 1fr)', gap: 1, alignItems: 'center', maxWidth: 640 }}>
        {ids.map((id) => [
          <Typography key={`${id}.name`}>{nameOf(id)}</Typography>,
          <TextField
            key={`${id}.count`}
            type="number"
            value={draft.officials[id] ? String(draft.officials[id]) : ''}
            placeholder="0"
            onChange={(event) => update({ ...draft, officials: { ...draft.officials, [id]: toCount(event.target.value) } })}
            onFocus={(event) => event.target.select()}
            slotProps={{ htmlInput: { ...bigInput.htmlInput, 'data-testid': `count-officials-${id}`, 'aria-label': nameOf(id) } }}
          />,
        ])}
      </Box>
      <Autocomplete
        options={(region ?? []).filter((row) => !ids.includes(row.id))}
        getOptionLabel={(row) => row.name}
        filterOptions={(options) => options}
        value={null}
        inputValue={search}
        onInputChange={(_event, text, reason) => setSearch(reason === 'reset' ? '' : text)}
        onChange={(_event, row) => row && setAdded([...added, row])}
        sx={{ maxWidth: 640 }}
        renderInput={(params) => <TextField {...params} label={translate('resources.meetings.attendance.addOrganisation')} />}
      />
    </Stack>
  );
};

/** New staff introduced at the meeting: the officers the plan step proposed, and any recorded before. */
const StaffIntroduced = ({ meetingId, draft, update }: { meetingId: string; draft: AttendanceDraft; update: (next: AttendanceDraft) => void }) => {
  const translate = useTranslate();
  const { data: agenda } = useApiQuery<MeetingAgendaView>(`meetings/${meetingId}/agenda`);
  const chosen = draft.staffIntroduced ?? [];
  const ids = [...new Set([...(agenda?.proposedStaff ?? []).map((s) => s.officerContactId), ...chosen])];
  const { data: contacts } = useGetMany<Named>('contacts', { ids }, { enabled: ids.length > 0 });
  if (ids.length === 0) return null;
  const toggle = (id: string, on: boolean) => update({ ...draft, staffIntroduced: on ? [...chosen, id] : chosen.filter((other) => other !== id) });
  return (
    <Stack data-testid="attendance-staff">
      <Typography variant="h6">{translate('resources.meetings.attendance.staffIntroduced')}</Typography>
      {ids.map((id) => (
        <FormControlLabel
          key={id}
          control={<Checkbox checked={chosen.includes(id)} onChange={(event) => toggle(id, event.target.checked)} />}
          label={contacts?.find((c) => c.id === id)?.name ?? '…'}
        />
      ))}
    </Stack>
  );
};

/**
 * Gender × age group grid with large number inputs. Every keystroke is kept in sessionStorage until the
 * gateway has the counts, so a dropped connection loses nothing; a failed save shows the error and Retry.
 */
export const AttendancePanel = () => {
  const record = useRecordContext<AttendanceMeeting>();
  const { canAccess: canHold } = useCanAccess({ resource: 'meetings', action: 'hold' });
  const regional = record?.kind === 'regional';
  const communities = useGetMany<{ id: string; name: string }>('communities', { ids: regional ? (record?.communityIds ?? []) : [] });
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const key = `rd.meeting.${record?.id}.attendance`;
  const [draft, setDraft] = useState<AttendanceDraft>(() => {
    const kept = loadDraft<Parameters<typeof upgradeAttendanceDraft>[0]>(key);
    return kept ? upgradeAttendanceDraft(kept, record?.policeUnitId ?? null) : { counts: emptyCounts(), officials: {} };
  });
  const [unsaved, setUnsaved] = useState(() => loadDraft(key) !== null);
  const form = useSaveForm(
    () => (record ? buildAttendanceInput(draft, record) : { ok: false, errors: [] }),
    (input) => dataProvider.meetingCall('PUT', String(record?.id), 'attendance', input),
    () => {
      clearDraft(key);
      setUnsaved(false);
      notify('resources.meetings.attendance.saved', { type: 'success' });
      refresh();
    },
  );

  // Without a local draft, start from what the gateway has (404: nothing recorded yet).
  const saved = useApiQuery<AttendanceView>(record ? `meetings/${encodeURIComponent(record.id)}/attendance` : null);
  useEffect(() => {
    if (saved.data && loadDraft(key) === null) setDraft(attendanceDraftOf(saved.data));
  }, [saved.data, key]);

  if (!record) return null;
  // Attendance is taken on a held meeting only (HoldStepNotice says why); a closed one shows what was recorded.
  if (!holdStepOffer(record.status).attendance) {
    return saved.data ? (
      <Typography variant="h6" data-testid="attendance-total">
        {translate('resources.meetings.attendance.total', { total: saved.data.total })}
      </Typography>
    ) : null;
  }

  const update = (next: AttendanceDraft) => {
    setDraft(next);
    setUnsaved(true);
    saveDraft(key, next);
  };

  return (
    <Stack spacing={2} data-testid="attendance-panel">
      <CountGrid
        rows={GENDERS}
        columns={AGE_GROUPS}
        rowLabel={(gender) => translate(`resources.meetings.attendance.genders.${gender}`)}
        columnLabel={(age) => translate(`resources.meetings.attendance.ages.${age}`)}
        value={(gender, age) => draft.counts[gender][age]}
        onChange={(gender, age, count) => update({ ...draft, counts: { ...draft.counts, [gender]: { ...draft.counts[gender], [age]: count } } })}
        testId="count"
      />
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
      <OfficialsPresent meeting={record} draft={draft} update={update} />
      <StaffIntroduced meetingId={record.id} draft={draft} update={update} />
      {unsaved && form.error === null && <Alert severity="info">{translate('resources.meetings.unsaved')}</Alert>}
      {canHold && <SaveControls form={form} label="resources.meetings.attendance.save" testId="attendance-save" missingTestId="attendance-problem" />}
    </Stack>
  );
};
