import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { useFieldSync } from './queue/FieldSync';
import type { FieldSummary } from './queue/summary';

const COLOURS: Record<FieldSummary['state'], { bg: string; fg: string }> = {
  // Dark text on light fills and white on dark ones: AA contrast in bright light.
  offline: { bg: 'grey.800', fg: 'common.white' },
  waiting: { bg: 'info.dark', fg: 'common.white' },
  sending: { bg: 'info.dark', fg: 'common.white' },
  'all-sent': { bg: 'success.dark', fg: 'common.white' },
  attention: { bg: 'warning.light', fg: 'common.black' },
};

/**
 * The indicator of the field kit: offline, N waiting, sending, all sent, needs attention (and why), with "Send now";
 * `onSignIn` (the app's Keycloak login) adds a "Sign in" button when sending waits for a fresh sign-in.
 */
export const FieldStatus = ({ onSignIn }: { onSignIn?: () => void }) => {
  const { summary, sendNow } = useFieldSync();
  return <FieldStatusView summary={summary} onSendNow={() => void sendNow()} onSignIn={onSignIn} />;
};

export const FieldStatusView = ({ summary, onSendNow, onSignIn }: { summary: FieldSummary; onSendNow: () => void; onSignIn?: () => void }) => {
  const translate = useTranslate();
  const colour = COLOURS[summary.state];
  const needsSignIn = summary.reasons.includes('sign-in');
  const canSend = summary.online && summary.state !== 'sending' && summary.waiting > 0 && !needsSignIn;
  return (
    <Box
      role="status"
      aria-live="polite"
      data-testid="field-status"
      data-state={summary.state}
      sx={{ bgcolor: colour.bg, color: colour.fg, px: 2, py: 1, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', minHeight: 56 }}
    >
      {summary.state === 'sending' && <CircularProgress size={20} color="inherit" aria-hidden />}
      <Box sx={{ flex: 1, minWidth: 180 }}>
        <Typography sx={{ fontWeight: 'bold' }} data-testid="field-status-text">
          {translate(`field.status.${summary.state}`, { smart_count: summary.waiting })}
        </Typography>
        {summary.state !== 'offline' && !summary.online && <Typography variant="body2">{translate('field.status.offlineToo')}</Typography>}
        {summary.reasons.map((reason) => (
          <Typography key={reason} variant="body2" data-testid={`field-status-reason-${reason}`}>
            {translate(`field.status.reasons.${reason}`, { smart_count: summary.refused })}
          </Typography>
        ))}
      </Box>
      {needsSignIn && onSignIn && summary.online && (
        <Button variant="contained" color="inherit" onClick={onSignIn} sx={{ minHeight: 48, color: 'text.primary' }} data-testid="field-sign-in">
          {translate('field.status.signIn')}
        </Button>
      )}
      {canSend && (
        <Button variant="contained" color="inherit" onClick={onSendNow} sx={{ minHeight: 48, color: 'text.primary' }} data-testid="field-send-now">
          {translate('field.status.sendNow')}
        </Button>
      )}
    </Box>
  );
};
