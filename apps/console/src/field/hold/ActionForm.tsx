import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { buildActionInput, emptyAction, type ActionDraft } from '../../meetings/inputs';
import { isUnlocked, sealFields } from '../vault/vault';
import type { HoldContext } from './holdPack';
import { SaveWithPin } from './SaveWithPin';

const big = { '& .MuiInputBase-root': { minHeight: 56 } };

/**
 * A follow-up action on a concern recorded on this device (POST concerns/{id}/actions, as FollowUpPanel sends it):
 * the concern's id is only known once it is sent, so the action waits for it (`dependsOn`, `{ref}` in the path).
 */
export const ActionForm = ({ hold, onSaved }: { hold: HoldContext; onSaved: () => void }) => {
  const translate = useTranslate();
  const concerns = hold.actions.filter((action) => action.kind === 'concern' && action.state !== 'refused');
  const [concern, setConcern] = useState<number | ''>(concerns.at(-1)?.seq ?? '');
  const [draft, setDraft] = useState<ActionDraft>(emptyAction);
  const [errors, setErrors] = useState<string[]>([]);
  const [askPin, setAskPin] = useState(false);
  if (concerns.length === 0) return <Typography data-testid="field-action-no-concern">{translate('field.hold.action.noConcern')}</Typography>;

  const save = async () => {
    const built = buildActionInput(draft);
    if (!built.ok || concern === '') return setErrors(built.ok ? [] : built.errors);
    setErrors([]);
    const confidential = concerns.find((row) => row.seq === concern)?.confidential === true;
    if (confidential && built.value.description && !isUnlocked(hold.userId)) return setAskPin(true);
    const owner = hold.parts.organisations.find((row) => row.id === built.value.ownerOrganisationId)?.name ?? '';
    const base = { kind: 'action', method: 'POST' as const, path: '/concerns/{ref}/actions', dependsOn: concern, summary: `${owner} · ${built.value.dueDate}` };
    if (confidential) {
      // The description of an action on a confidential concern is that concern's free text too: sealed like it.
      await hold.save({ ...base, ...(await sealFields(hold.userId, built.value, ['description'])), confidential });
    } else {
      await hold.save({ ...base, body: built.value });
    }
    setDraft(emptyAction());
    onSaved();
  };

  return (
    <Stack spacing={2} data-testid="field-action">
      <TextField select label={translate('field.hold.action.concern')} value={concern} onChange={(event) => setConcern(Number(event.target.value))} sx={big} slotProps={{ htmlInput: { 'data-testid': 'field-action-concern' } }}>
        {concerns.map((row) => (
          <MenuItem key={row.seq} value={row.seq} sx={{ minHeight: 48 }}>
            {row.summary}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={translate('field.hold.action.owner')}
        value={draft.ownerOrganisationId ?? ''}
        onChange={(event) => setDraft({ ...draft, ownerOrganisationId: event.target.value || null })}
        sx={big}
        slotProps={{ htmlInput: { 'data-testid': 'field-action-owner' } }}
      >
        {hold.parts.organisations.map((row) => (
          <MenuItem key={row.id} value={row.id} sx={{ minHeight: 48 }}>
            {row.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        label={translate('field.hold.action.dueDate')}
        value={draft.dueDate}
        onChange={(event) => setDraft({ ...draft, dueDate: event.target.value })}
        sx={big}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'field-action-due' } }}
      />
      <TextField
        label={translate('field.hold.action.description')}
        value={draft.description}
        onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'field-action-description' } }}
      />
      <SaveWithPin userId={hold.userId} errors={errors} askPin={askPin} onAskPinDone={() => setAskPin(false)} save={save} label={translate('field.hold.action.save')} testId="field-action-save" />
    </Stack>
  );
};
