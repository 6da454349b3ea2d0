import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { MeetingStatus } from '@rd/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useCanAccess, useDataProvider, useGetIdentity, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { useNotifyError } from '../data/apiQueries';
import { buildMeetingPack, canTakeOffline, loadPack, removePack, savePack } from './meetingPack';
import { formatDate } from '../i18n/dates';

const T = 'field.device';
const packKey = (meetingId: string | undefined, userId: string | undefined) => ['field-pack', meetingId, userId];

/**
 * "Take offline" on a meeting page (meeting:hold): stores on this device what the day needs (meetingPack.ts), read
 * through the same data provider and token as the page, then says when it was taken, with "Update" and "Remove from
 * device", and a way to the field screen.
 */
export const TakeOfflinePanel = () => {
  const record = useRecordContext<{ id: string; status?: MeetingStatus }>();
  const { canAccess: mayHold } = useCanAccess({ resource: 'meetings', action: 'hold' });
  const { identity } = useGetIdentity();
  const userId = identity ? String(identity.id) : undefined;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const key = packKey(record?.id, userId);
  const stored = useQuery({
    queryKey: key,
    queryFn: () => loadPack(String(record?.id), String(userId)),
    enabled: Boolean(record && userId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const take = useMutation({
    mutationFn: async () => savePack(await buildMeetingPack(dataProvider, String(record?.id), String(userId), Date.now())),
    onSuccess: () => {
      notify(stored.data ? `${T}.updated` : `${T}.taken`, { type: 'success' });
      return refresh();
    },
    onError: (error) => notifyError(error, translate(`${T}.failed`)),
  });
  const remove = useMutation({
    mutationFn: () => removePack(String(record?.id), String(userId)),
    onSuccess: () => {
      notify(`${T}.removed`, { type: 'info' });
      return refresh();
    },
    onError: (error) => notifyError(error),
  });
  if (!record || !userId || mayHold !== true) return null;
  const pack = stored.data;
  // A pack stays removable after the meeting is cancelled or closed; a new one is only taken while the day is ahead.
  if (!pack && !canTakeOffline(record.status)) return null;
  const busy = take.isPending || remove.isPending;
  const takenAt = pack ? formatDate(pack.takenAt, locale, { time: true }) : null;
  return (
    <Stack spacing={1} sx={{ my: 1 }} data-testid="take-offline">
      {takenAt && (
        <Typography data-testid="take-offline-available" sx={{ fontWeight: 600 }}>
          {translate(`${T}.available`, { time: takenAt })}
        </Typography>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {canTakeOffline(record.status) && (
          <Button variant={pack ? 'outlined' : 'contained'} disabled={busy} onClick={() => take.mutate()} data-testid={pack ? 'take-offline-update' : 'take-offline-button'}>
            {translate(pack ? `${T}.update` : `${T}.takeOffline`)}
          </Button>
        )}
        {pack && (
          <>
            <Button variant="outlined" color="warning" disabled={busy} onClick={() => remove.mutate()} data-testid="take-offline-remove">
              {translate(`${T}.remove`)}
            </Button>
            <Button component={Link} to="/field" data-testid="take-offline-open-field">
              {translate(`${T}.openField`)}
            </Button>
          </>
        )}
      </Stack>
    </Stack>
  );
};
