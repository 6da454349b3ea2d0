import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { hasPin, MIN_PIN_LENGTH, setPin, unlock } from '../vault/vault';

/**
 * Sets the device PIN the first time, or asks it again after a restart; the key derived from it stays in memory only.
 * `onDone(true)` once the vault is open.
 */
export const PinDialog = ({ userId, onDone }: { userId: string; onDone: (opened: boolean) => void }) => {
  const translate = useTranslate();
  const [existing, setExisting] = useState<boolean | null>(null);
  const [pin, setPinText] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void hasPin(userId).then(setExisting);
  }, [userId]);

  const submit = async () => {
    setError(null);
    if (pin.length < MIN_PIN_LENGTH) return setError('field.pin.tooShort');
    if (!existing && pin !== repeat) return setError('field.pin.mismatch');
    setBusy(true);
    try {
      if (existing) {
        if (!(await unlock(userId, pin))) return setError('field.pin.wrong');
      } else {
        await setPin(userId, pin);
      }
      onDone(true);
    } finally {
      setBusy(false);
    }
  };

  const digits = { inputMode: 'numeric' as const, autoComplete: 'off', style: { fontSize: 24, letterSpacing: 8 } };
  return (
    <Dialog open onClose={() => onDone(false)} fullWidth data-testid="field-pin-dialog">
      <DialogTitle>{translate(existing ? 'field.pin.unlockTitle' : 'field.pin.setTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">{translate(existing ? 'field.pin.unlockHelp' : 'field.pin.setHelp')}</Typography>
          <TextField
            type="password"
            label={translate('field.pin.pin')}
            value={pin}
            onChange={(event) => setPinText(event.target.value.replace(/\D/g, ''))}
            autoFocus
            slotProps={{ htmlInput: { ...digits, 'data-testid': 'field-pin' } }}
          />
          {existing === false && (
            <TextField
              type="password"
              label={translate('field.pin.repeat')}
              value={repeat}
              onChange={(event) => setRepeat(event.target.value.replace(/\D/g, ''))}
              slotProps={{ htmlInput: { ...digits, 'data-testid': 'field-pin-repeat' } }}
            />
          )}
          {error && (
            <Alert severity="error" data-testid="field-pin-error">
              {translate(error)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onDone(false)} sx={{ minHeight: 48 }}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || existing === null} sx={{ minHeight: 48 }} data-testid="field-pin-ok">
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
