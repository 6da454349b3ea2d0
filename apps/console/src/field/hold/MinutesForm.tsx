import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { meetingPath, type HoldContext } from './holdPack';

/** The minutes draft as MinutesPanel saves it (PUT minutes with the version the pack saw, so a newer one is not overwritten). */
export const MinutesForm = ({ hold, onSaved }: { hold: HoldContext; onSaved: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const queued = [...hold.actions].reverse().find((action) => action.kind === 'minutes' && action.body);
  const [body, setBody] = useState(() => (queued?.body as { body?: string } | undefined)?.body ?? '');

  const save = async () => {
    const payload: { body: string; language: string; expectedVersion?: number } = { body, language: ['en', 'ru', 'tg', 'ky'].includes(locale) ? locale : 'ru' };
    if (hold.parts.minutesVersion !== null) payload.expectedVersion = hold.parts.minutesVersion;
    await hold.save({ kind: 'minutes', method: 'PUT', path: meetingPath(hold.parts.meeting.id, 'minutes'), body: payload, summary: body.trim().slice(0, 60) });
    onSaved();
  };

  return (
    <Stack spacing={2} data-testid="field-minutes">
      <TextField
        label={translate('resources.meetings.minutes.body')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        multiline
        minRows={8}
        slotProps={{ htmlInput: { 'data-testid': 'field-minutes-body' } }}
      />
      <Button variant="contained" size="large" sx={{ minHeight: 56 }} disabled={!body.trim()} onClick={() => void save()} data-testid="field-minutes-save">
        {translate('field.hold.minutes.save')}
      </Button>
    </Stack>
  );
};
