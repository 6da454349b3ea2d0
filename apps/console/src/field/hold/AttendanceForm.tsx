import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AttendanceInputRaw } from '@rd/contracts';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { AGE_GROUPS, emptyCounts, GENDERS, totalOf } from '../../meetings/draft';
import { attendanceDraftOf, buildAttendanceInput, communitySum, organisationsToAsk, type AttendanceDraft } from '../../meetings/inputs';
import { meetingPath, type HoldContext } from './holdPack';
import { Stepper } from './Stepper';

const A = 'resources.meetings.attendance';

/** Starts from this device's last queued attendance, else what the server had when the pack was taken, else zeros. */
function startingDraft(hold: HoldContext): AttendanceDraft {
  const queued = [...hold.actions].reverse().find((action) => action.kind === 'attendance' && action.body);
  const saved = (queued?.body as AttendanceInputRaw | undefined) ?? hold.parts.attendance;
  return saved ? attendanceDraftOf(saved) : { counts: emptyCounts(), officials: {} };
}

/**
 * Attendance with steppers (one column on a phone), officials per organisation and, for a regional meeting, per
 * community: the body of PUT attendance as AttendancePanel builds it, sent only if the server's attendance is still
 * the one the pack saw (ADR 47).
 */
export const AttendanceForm = ({ hold, onSaved }: { hold: HoldContext; onSaved: () => void }) => {
  const translate = useTranslate();
  const { meeting, organisations, communities } = hold.parts;
  const [draft, setDraft] = useState(() => startingDraft(hold));
  const [errors, setErrors] = useState<string[]>([]);
  const nameOf = (id: string, list = organisations) => list.find((row) => row.id === id)?.name ?? '—';
  const officialIds = organisationsToAsk(meeting, draft);

  const save = async () => {
    const built = buildAttendanceInput(draft, meeting);
    if (!built.ok) return setErrors(built.errors);
    setErrors([]);
    await hold.save({
      kind: 'attendance',
      method: 'PUT',
      path: meetingPath(meeting.id, 'attendance'),
      body: built.value,
      precondition: { recordedAt: hold.parts.attendance?.recordedAt ?? null },
      summary: translate(`${A}.total`, { total: totalOf(draft.counts) }),
    });
    onSaved();
  };

  return (
    <Stack spacing={2} data-testid="field-attendance">
      {GENDERS.map((gender) => (
        <Stack key={gender} spacing={0.5}>
          <Typography variant="h6">{translate(`${A}.genders.${gender}`)}</Typography>
          {AGE_GROUPS.map((age) => (
            <Stepper
              key={age}
              label={translate(`${A}.ages.${age}`)}
              value={draft.counts[gender][age]}
              onChange={(count) => setDraft({ ...draft, counts: { ...draft.counts, [gender]: { ...draft.counts[gender], [age]: count } } })}
              testId={`field-count-${gender}-${age}`}
            />
          ))}
        </Stack>
      ))}
      <Typography variant="h6" data-testid="field-attendance-total">
        {translate(`${A}.total`, { total: totalOf(draft.counts) })}
      </Typography>
      {meeting.kind === 'regional' && (
        <Stack spacing={0.5}>
          <Typography variant="h6">{translate(`${A}.byCommunity`)}</Typography>
          {meeting.communityIds.map((id) => (
            <Stepper
              key={id}
              label={nameOf(id, communities)}
              value={draft.byCommunity?.[id] ?? 0}
              onChange={(count) => setDraft({ ...draft, byCommunity: { ...draft.byCommunity, [id]: count } })}
              testId={`field-community-${id}`}
            />
          ))}
          <Typography color={communitySum(draft, meeting.communityIds) === totalOf(draft.counts) ? 'success.main' : 'warning.main'}>
            {translate(`${A}.communitySum`, { sum: communitySum(draft, meeting.communityIds), total: totalOf(draft.counts) })}
          </Typography>
        </Stack>
      )}
      <Stack spacing={0.5}>
        <Typography variant="h6">{translate(`${A}.officials`)}</Typography>
        {officialIds.map((id) => (
          <Stepper
            key={id}
            label={nameOf(id)}
            value={draft.officials[id] ?? 0}
            onChange={(count) => setDraft({ ...draft, officials: { ...draft.officials, [id]: count } })}
            testId={`field-officials-${id}`}
          />
        ))}
        <Autocomplete
          options={organisations.filter((row) => !officialIds.includes(row.id))}
          getOptionLabel={(row) => row.name}
          value={null}
          onChange={(_event, row) => row && setDraft({ ...draft, officials: { ...draft.officials, [row.id]: 1 } })}
          renderInput={(params) => <TextField {...params} label={translate(`${A}.addOrganisation`)} />}
          sx={{ '& .MuiInputBase-root': { minHeight: 56 } }}
        />
      </Stack>
      {errors.map((error) => (
        <Alert key={error} severity="error">
          {translate(error)}
        </Alert>
      ))}
      <Button variant="contained" size="large" sx={{ minHeight: 56 }} onClick={() => void save()} data-testid="field-attendance-save">
        {translate(`${A}.save`)}
      </Button>
    </Stack>
  );
};
