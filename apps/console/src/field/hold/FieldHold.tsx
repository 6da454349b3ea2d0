import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { DeviceIdentity, MeetingPack } from '../fieldDb';
import { isUnlocked } from '../vault/vault';
import { ActionForm } from './ActionForm';
import { AttendanceForm } from './AttendanceForm';
import { ConcernForm } from './ConcernForm';
import { FeedbackForm } from './FeedbackForm';
import { HeldForm } from './HeldForm';
import { holdPartsOf, holdSaver, useMeetingQueue, type HoldContext } from './holdPack';
import { MinutesForm } from './MinutesForm';
import { PinDialog } from './PinDialog';
import { QueueList } from './QueueList';
import { SheetForm } from './SheetForm';

const SECTIONS = ['held', 'attendance', 'concern', 'action', 'minutes', 'feedback', 'sheet'] as const;
type Section = (typeof SECTIONS)[number];
/** What needs a held meeting (the service answers meeting.not-held otherwise); concerns can come before. */
const NEEDS_HELD: readonly Section[] = ['attendance', 'minutes', 'feedback', 'sheet'];

/**
 * The hold step of one meeting taken offline, phone first (one column, 48 px targets and more): each form stores one
 * queued action on the device; the list below shows what waits, what was sent and what was refused.
 */
export const FieldHold = ({ pack, identity }: { pack: MeetingPack; identity: Pick<DeviceIdentity, 'userId'> }) => {
  const translate = useTranslate();
  const parts = useMemo(() => holdPartsOf(pack), [pack]);
  const actions = useMeetingQueue(identity.userId, pack.meetingId);
  const [open, setOpen] = useState<Section | null>(null);
  const [saved, setSaved] = useState(false);
  const [askPin, setAskPin] = useState(false);
  const hold: HoldContext = { userId: identity.userId, parts, actions, save: holdSaver(identity.userId, pack.meetingId, () => setSaved(true)) };
  const held = parts.meeting.status === 'held' || actions.some((action) => action.kind === 'held' && action.state !== 'refused');
  const cancelled = parts.meeting.status === 'cancelled';
  const locked = !isUnlocked(identity.userId) && actions.some((action) => action.sealed && action.state === 'waiting');
  const back = () => setOpen(null);

  const choose = (section: Section) => {
    setSaved(false);
    setOpen(section);
  };

  return (
    <Stack spacing={2} sx={{ p: 2, maxWidth: 600, mx: 'auto' }} data-testid="field-hold">
      <Typography variant="h5" component="h1">
        {parts.meeting.title}
      </Typography>
      {saved && (
        <Alert severity="success" onClose={() => setSaved(false)} data-testid="field-saved">
          {translate('field.hold.savedOnDevice')}
        </Alert>
      )}
      {locked && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" sx={{ minHeight: 48 }} onClick={() => setAskPin(true)} data-testid="field-unlock">
              {translate('field.pin.unlock')}
            </Button>
          }
        >
          {translate('field.status.reasons.pin')}
        </Alert>
      )}
      {askPin && <PinDialog userId={identity.userId} onDone={() => setAskPin(false)} />}
      {cancelled && <Alert severity="error">{translate('resources.meetings.hold.cancelled')}</Alert>}
      {open === null ? (
        <Stack spacing={1}>
          {SECTIONS.map((section) => (
            <Button
              key={section}
              variant="outlined"
              size="large"
              disabled={cancelled || (NEEDS_HELD.includes(section) && !held)}
              onClick={() => choose(section)}
              sx={{ minHeight: 56, justifyContent: 'flex-start', fontSize: 18, textTransform: 'none' }}
              data-testid={`field-section-${section}`}
            >
              {translate(`field.hold.sections.${section}`)}
            </Button>
          ))}
          {!held && !cancelled && <Typography color="text.secondary">{translate('field.hold.markHeldFirst')}</Typography>}
        </Stack>
      ) : (
        <Stack spacing={2}>
          <Button onClick={back} sx={{ minHeight: 48, alignSelf: 'flex-start' }} data-testid="field-back">
            ← {translate('field.hold.back')}
          </Button>
          <Typography variant="h6" component="h2">
            {translate(`field.hold.sections.${open}`)}
          </Typography>
          {open === 'held' && <HeldForm hold={hold} />}
          {open === 'attendance' && <AttendanceForm hold={hold} onSaved={back} />}
          {open === 'concern' && <ConcernForm hold={hold} onSaved={() => window.scrollTo(0, 0)} />}
          {open === 'action' && <ActionForm hold={hold} onSaved={back} />}
          {open === 'minutes' && <MinutesForm hold={hold} onSaved={back} />}
          {open === 'feedback' && <FeedbackForm hold={hold} onSaved={() => window.scrollTo(0, 0)} />}
          {open === 'sheet' && <SheetForm hold={hold} onSaved={back} />}
        </Stack>
      )}
      <Typography variant="h6" component="h2">
        {translate('field.queue.title')}
      </Typography>
      <QueueList userId={identity.userId} actions={actions} />
    </Stack>
  );
};
