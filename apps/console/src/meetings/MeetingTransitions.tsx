import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { MeetingStatus } from '@rd/contracts';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { SaveControls, useSaveForm } from './SaveControls';
import { utcToZonedLocal, zoneLabel, zonedLocalToUtc } from './timeZone';

interface MeetingRecord {
  id: string;
  title: string;
  status: MeetingStatus;
  allowedTransitions: MeetingStatus[];
  startsAt: string;
  timeZone: string;
}

const NEEDS_REASON: readonly MeetingStatus[] = ['postponed', 'cancelled'];

/** One large button per status the meeting may move to (meeting:plan); postpone and cancel ask why. */
export const MeetingTransitions = () => {
  const record = useRecordContext<MeetingRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'meetings', action: 'transition' });
  const [chosen, setChosen] = useState<MeetingStatus | null>(null);
  if (!record || !canAccess) return null;
  if (record.allowedTransitions.length === 0) {
    return <Typography>{translate('resources.meetings.transitions.none')}</Typography>;
  }
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {record.allowedTransitions.map((to) => (
          <Button
            key={to}
            size="large"
            variant={to === 'cancelled' ? 'outlined' : 'contained'}
            color={to === 'cancelled' ? 'error' : 'primary'}
            onClick={() => setChosen(to)}
            data-testid={`meeting-transition-${to}`}
          >
            {translate(`resources.meetings.transitions.${to}`)}
          </Button>
        ))}
      </Stack>
      {chosen && <TransitionDialog to={chosen} meeting={record} onClose={() => setChosen(null)} />}
    </>
  );
};

const TransitionDialog = ({ to, meeting, onClose }: { to: MeetingStatus; meeting: MeetingRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  // Entered on the district's wall clock, like the planned start it replaces.
  const [newStartsAt, setNewStartsAt] = useState(() => utcToZonedLocal(meeting.startsAt, meeting.timeZone));
  const newStartsAtUtc = zonedLocalToUtc(newStartsAt, meeting.timeZone);
  const needsReason = NEEDS_REASON.includes(to);
  const needsDate = to === 'postponed';
  const ready = (!needsReason || reason.trim() !== '') && (!needsDate || newStartsAtUtc !== null);

  const form = useSaveForm(
    () => {
      const body: { to: MeetingStatus; reason?: string; newStartsAt?: string } = { to };
      if (reason.trim()) body.reason = reason.trim();
      if (needsDate && newStartsAtUtc) body.newStartsAt = newStartsAtUtc;
      return { ok: true, value: body };
    },
    (body) => dataProvider.meetingCall('POST', meeting.id, 'transitions', body),
    () => {
      notify(`resources.meetings.transitions.doneTo.${to}`, { type: 'success' });
      refresh();
      onClose();
    },
  );

  return (
    <Dialog open onClose={form.pending ? undefined : onClose} fullWidth maxWidth="sm" data-testid="meeting-transition-dialog">
      <DialogTitle>{translate(`resources.meetings.transitions.${to}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label={translate(needsReason ? 'resources.meetings.transitions.reasonWanted' : 'resources.meetings.transitions.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {needsDate && (
            <TextField
              type="datetime-local"
              label={translate('resources.meetings.transitions.newStartsAtIn', {
                zone: zoneLabel(newStartsAtUtc ?? meeting.startsAt, meeting.timeZone),
              })}
              value={newStartsAt}
              onChange={(event) => setNewStartsAt(event.target.value)}
              fullWidth
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'meeting-new-starts-at', style: { fontSize: 20 } } }}
            />
          )}
          <SaveControls form={form} label="ra.action.confirm" testId="meeting-transition-confirm" ready={ready} onCancel={onClose} dialog />
        </Stack>
      </DialogContent>
    </Dialog>
  );
};
