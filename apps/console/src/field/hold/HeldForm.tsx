import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { meetingPath, type HoldContext } from './holdPack';

const hhmm = (date: Date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

/**
 * "Mark held" as MeetingTransitions sends it (POST transitions `{ to: 'held' }`). The real start time is kept with
 * the queued item for the list; the transition contract has no field for it yet (the server stamps `heldAt` on arrival).
 */
export const HeldForm = ({ hold }: { hold: HoldContext }) => {
  const translate = useTranslate();
  const [startedAt, setStartedAt] = useState(() => hhmm(new Date()));
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
        onClick={() => void hold.save({ kind: 'held', method: 'POST', path: meetingPath(hold.parts.meeting.id, 'transitions'), body: { to: 'held' }, summary: startedAt })}
        data-testid="field-held-save"
      >
        {translate('field.hold.held.save')}
      </Button>
    </Stack>
  );
};
