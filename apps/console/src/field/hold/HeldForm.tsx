import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { utcToZonedLocal } from '../../meetings/timeZone';
import { meetingPath, type HoldContext } from './holdPack';
import { realStart } from './realStart';

/**
 * "Mark held" with the real start time (POST transitions `{ to: 'held', startedAt }`): queued offline, it may reach
 * the gateway hours later, so the start is what the officer typed, not when it arrives (ADR 47).
 */
export const HeldForm = ({ hold }: { hold: HoldContext }) => {
  const translate = useTranslate();
  const timeZone = hold.parts.meeting.timeZone;
  const [startedAt, setStartedAt] = useState(() => utcToZonedLocal(new Date().toISOString(), timeZone).slice(11, 16));
  const startedAtIso = realStart(startedAt, timeZone);
  const queued = hold.actions.find((action) => action.kind === 'held' && action.state !== 'refused');
  if (hold.parts.meeting.status === 'held' || queued) {
    return <Typography data-testid="field-held-done">{translate(queued ? 'field.hold.held.queued' : 'field.hold.held.already', { time: queued?.summary ?? '' })}</Typography>;
  }
  return (
    <Stack spacing={2}>
      <Typography>{translate('field.hold.held.help')}</Typography>
      <TextField
        type="time"
        label={translate('field.hold.held.startedAt')}
        value={startedAt}
        onChange={(event) => setStartedAt(event.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { style: { fontSize: 24 }, 'data-testid': 'field-held-time' } }}
      />
      <Button
        variant="contained"
        size="large"
        sx={{ minHeight: 56 }}
        disabled={startedAtIso === null}
        onClick={() =>
          startedAtIso && void hold.save({ kind: 'held', method: 'POST', path: meetingPath(hold.parts.meeting.id, 'transitions'), body: { to: 'held', startedAt: startedAtIso }, summary: startedAt })
        }
        data-testid="field-held-save"
      >
        {translate('field.hold.held.save')}
      </Button>
    </Stack>
  );
};
