import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { QueuedAction } from '../fieldDb';
import { discardAction, reviseAction } from '../queue/queue';
import { refusalKey } from '../queue/refusal';
import { isUnlocked, seal, unseal } from '../vault/vault';
import { PinDialog } from './PinDialog';

const STATE_COLOUR = { waiting: 'info', sending: 'info', sent: 'success', refused: 'warning' } as const;

/** The free text a refused action can be fixed in, by kind (the rest is fixed by discarding and entering it again). */
const EDITABLE: Record<string, string> = { concern: 'text', minutes: 'body', action: 'description' };

/** This meeting's queued items, oldest first: state, why the gateway refused one, and what the user can do about it. */
export const QueueList = ({ userId, actions }: { userId: string; actions: QueuedAction[] }) => {
  const translate = useTranslate();
  if (actions.length === 0) return <Typography color="text.secondary">{translate('field.queue.empty')}</Typography>;
  return (
    <Stack spacing={1} data-testid="field-queue">
      {actions.map((action) => (
        <QueueItem key={action.seq} userId={userId} action={action} />
      ))}
    </Stack>
  );
};

const QueueItem = ({ userId, action }: { userId: string; action: QueuedAction }) => {
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const seq = action.seq as number;
  const theirs = action.conflict?.theirs as { total?: number } | null | undefined;
  return (
    <Card variant="outlined" data-testid={`field-queue-item-${action.kind}`} data-state={action.state}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography sx={{ fontWeight: 'bold', flex: 1 }}>{translate(`field.queue.kinds.${action.kind}`)}</Typography>
          <Chip label={translate(`field.queue.states.${action.state}`)} color={STATE_COLOUR[action.state]} data-testid="field-queue-state" />
        </Stack>
        {action.summary && <Typography color="text.secondary">{action.summary}</Typography>}
        {action.state === 'waiting' && (action.attempts ?? 0) > 0 && (
          <Typography variant="body2" data-testid="field-queue-attempts">
            {translate('field.queue.attempts', { smart_count: action.attempts })}
          </Typography>
        )}
        {action.refusal && (
          <Alert severity="warning" sx={{ mt: 1 }} data-testid="field-queue-refusal">
            {translate(refusalKey(action.refusal))}
            {theirs !== undefined && (
              <Typography variant="body2">{theirs ? translate('field.queue.theirs', { total: theirs.total ?? 0 }) : translate('field.queue.theirsGone')}</Typography>
            )}
          </Alert>
        )}
        {action.state === 'refused' && (
          <Stack spacing={1} sx={{ mt: 1 }}>
            {action.conflict ? (
              <Button variant="contained" sx={{ minHeight: 48 }} onClick={() => void reviseAction(seq, { force: true })} data-testid="field-queue-keep-mine">
                {translate('field.queue.keepMine')}
              </Button>
            ) : (
              <Button variant="contained" sx={{ minHeight: 48 }} onClick={() => void reviseAction(seq)} data-testid="field-queue-retry">
                {translate('field.queue.retry')}
              </Button>
            )}
            {EDITABLE[action.kind] && !editing && (
              <Button variant="outlined" sx={{ minHeight: 48 }} onClick={() => setEditing(true)} data-testid="field-queue-edit">
                {translate('field.queue.edit')}
              </Button>
            )}
            {editing && <EditText userId={userId} action={action} onClose={() => setEditing(false)} />}
            {confirming ? (
              <Stack direction="row" spacing={1}>
                <Button color="error" variant="contained" sx={{ minHeight: 48, flex: 1 }} onClick={() => void discardAction(seq)} data-testid="field-queue-discard-confirm">
                  {translate('field.queue.discard')}
                </Button>
                <Button sx={{ minHeight: 48, flex: 1 }} onClick={() => setConfirming(false)}>
                  {translate('ra.action.cancel')}
                </Button>
              </Stack>
            ) : (
              <Button color="error" sx={{ minHeight: 48 }} onClick={() => setConfirming(true)} data-testid="field-queue-discard">
                {translate('field.queue.discard')}
              </Button>
            )}
            {confirming && <Typography variant="body2">{translate('field.queue.discardWarning')}</Typography>}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

/** Fixes the text of a refused action; a sealed text is opened and sealed again with the PIN's key. */
const EditText = ({ userId, action, onClose }: { userId: string; action: QueuedAction; onClose: () => void }) => {
  const translate = useTranslate();
  const field = EDITABLE[action.kind];
  const [text, setText] = useState<string | null>(action.sealed ? null : String((action.body as Record<string, unknown> | undefined)?.[field] ?? ''));
  const [askPin, setAskPin] = useState(action.sealed !== undefined && !isUnlocked(userId));

  useEffect(() => {
    if (!action.sealed || askPin) return;
    void unseal(userId, action.sealed).then((opened) => opened && setText(String(opened[field] ?? '')));
  }, [action.sealed, askPin, userId, field]);

  const save = async () => {
    if (text === null) return;
    if (action.sealed) {
      const opened = (await unseal(userId, action.sealed)) ?? {};
      await reviseAction(action.seq as number, { sealed: await seal(userId, { ...opened, [field]: text.trim() }) });
    } else {
      await reviseAction(action.seq as number, { body: { ...(action.body as Record<string, unknown>), [field]: text.trim() } });
    }
    onClose();
  };

  if (askPin) return <PinDialog userId={userId} onDone={(opened) => (opened ? setAskPin(false) : onClose())} />;
  return (
    <Stack spacing={1}>
      <TextField value={text ?? ''} onChange={(event) => setText(event.target.value)} multiline minRows={3} disabled={text === null} slotProps={{ htmlInput: { 'data-testid': 'field-queue-edit-text' } }} />
      <Button variant="contained" sx={{ minHeight: 48 }} onClick={() => void save()} disabled={!text?.trim()} data-testid="field-queue-edit-save">
        {translate('field.queue.saveEdit')}
      </Button>
    </Stack>
  );
};
