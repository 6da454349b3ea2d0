import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ActionStatus, ActionView, ConcernView } from '@rd/contracts';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useGetMany, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useApiQuery, useInvalidateApi } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { ConcernCard } from './ConcernsPanel';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { DraftTextField } from './DraftTextField';
import { RecordPicker } from './fieldKit';
import { ACTION_TEXT_NEEDED, buildActionInput, buildActionTransition, emptyAction, type ActionDraft } from './inputs';
import { SaveControls, useSaveForm } from './SaveControls';
import { SaveError } from './SaveError';
import { useConcerns } from './useConcerns';
import { useFailureText } from '../data/useFailureText';

type Move = Exclude<ActionStatus, 'open'>;

const NO_ACTIONS: ActionView[] = [];

const STATUS_COLOURS: Record<ActionStatus, 'default' | 'info' | 'success' | 'warning'> = {
  open: 'default',
  'in-progress': 'info',
  done: 'success',
  referred: 'warning',
  dropped: 'default',
};

/** Follow-up: the actions on each concern that needs them, with owners, due dates and their moves. */
export const FollowUpPanel = () => {
  const record = useRecordContext<{ id: string; districtCode: string }>();
  const translate = useTranslate();
  const failureText = useFailureText();
  const { canAccess: canRead } = useCanAccess({ resource: 'actions', action: 'list' });
  const { canAccess: canReadConcerns } = useCanAccess({ resource: 'concerns', action: 'list' });
  const { concerns, error, loaded, reload } = useConcerns(record?.id, canReadConcerns === true);
  if (!record || !canRead) return null;
  const needing = concerns.filter((concern) => concern.followUpNeeded || concern.actionCount > 0);
  return (
    <Stack spacing={2} data-testid="follow-up-panel">
      {error !== null && (
        <Alert severity="error" action={<Button color="inherit" size="large" onClick={() => void reload()}>{translate('resources.meetings.retry')}</Button>}>
          {failureText(error)}
        </Alert>
      )}
      {loaded && needing.length === 0 && <Typography color="text.secondary">{translate('resources.meetings.actions.noConcerns')}</Typography>}
      {needing.map((concern) => (
        <ConcernCard key={concern.id} concern={concern}>
          <ConcernActions concern={concern} districtCode={record.districtCode} onChanged={reload} />
        </ConcernCard>
      ))}
    </Stack>
  );
};

const ConcernActions = ({ concern, districtCode, onChanged }: { concern: ConcernView; districtCode: string; onChanged: () => void }) => {
  const translate = useTranslate();
  const { canAccess: canManage } = useCanAccess({ resource: 'actions', action: 'manage' });
  const invalidate = useInvalidateApi();
  const query = new URLSearchParams({
    sort: JSON.stringify(['dueDate', 'ASC']),
    range: JSON.stringify([0, 99]),
    filter: JSON.stringify({ concernId: concern.id }),
  });
  const { data: actions = NO_ACTIONS, error, refetch } = useApiQuery<ActionView[]>(`actions?${query}`);

  // The concern's action count changes with its actions.
  const changed = () => {
    void invalidate('actions');
    onChanged();
  };

  const owners = useGetMany<{ id: string; name: string }>('organisations', { ids: [...new Set(actions.map((a) => a.ownerOrganisationId))] });
  const ownerName = (id: string) => owners.data?.find((row) => row.id === id)?.name ?? '…';

  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Divider />
      <Typography variant="subtitle1" sx={{ fontWeight: 'bold' }}>
        {translate('resources.meetings.actions.title')}
      </Typography>
      {error !== null && <SaveError error={error} onRetry={() => void refetch()} />}
      {actions.map((action) => (
        <ActionRow key={action.id} action={action} ownerName={ownerName(action.ownerOrganisationId)} canManage={canManage === true} onChanged={changed} />
      ))}
      {canManage && <ActionForm concernId={concern.id} districtCode={districtCode} onSaved={changed} />}
    </Stack>
  );
};

const ActionRow = ({ action, ownerName, canManage, onChanged }: { action: ActionView; ownerName: string; canManage: boolean; onChanged: () => void }) => {
  const translate = useTranslate();
  const [move, setMove] = useState<Move | null>(null);
  const t = (path: string, args?: object) => translate(`resources.meetings.actions.${path}`, args);
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, borderLeft: 6, borderLeftColor: action.overdue ? 'error.main' : 'divider', bgcolor: action.overdue ? '#fdecea' : undefined }}
      data-testid={`action-${action.id}`}
      data-overdue={action.overdue ? 'true' : 'false'}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Chip color={STATUS_COLOURS[action.status]} label={t(`statuses.${action.status}`)} data-testid="action-status" />
        {action.overdue && <Chip color="error" label={t('overdue')} data-testid="action-overdue" />}
        <Typography sx={{ fontWeight: 'bold' }}>{ownerName}</Typography>
        <Typography color={action.overdue ? 'error' : 'text.secondary'}>{t('due', { date: action.dueDate })}</Typography>
      </Stack>
      {action.description && <Typography sx={{ mt: 1 }}>{action.description}</Typography>}
      {action.note && <Typography sx={{ mt: 1 }} color="text.secondary">{t('noteShown', { text: action.note })}</Typography>}
      {action.referredTo && <Typography sx={{ mt: 1 }} color="text.secondary">{t('referredShown', { text: action.referredTo })}</Typography>}
      {action.reason && <Typography sx={{ mt: 1 }} color="text.secondary">{t('reasonShown', { text: action.reason })}</Typography>}
      {canManage && action.allowedTransitions.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
          {action.allowedTransitions
            .filter((to): to is Move => to !== 'open')
            .map((to) => (
              <Button
                key={to}
                size="large"
                variant={to === 'done' ? 'contained' : 'outlined'}
                color={to === 'dropped' ? 'error' : 'primary'}
                onClick={() => setMove(to)}
                data-testid={`action-move-${to}`}
              >
                {t(`moves.${to}`)}
              </Button>
            ))}
        </Stack>
      )}
      {move && <MoveDialog action={action} to={move} onClose={() => setMove(null)} onDone={onChanged} />}
    </Paper>
  );
};

const MoveDialog = ({ action, to, onClose, onDone }: { action: ActionView; to: Move; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const key = `rd.action.${action.id}.${to}`;
  const [text, setText] = useState(() => loadDraft<string>(key) ?? '');
  const field = ACTION_TEXT_NEEDED[to];
  const built = buildActionTransition(to, text);
  const form = useSaveForm(
    () => built,
    (input) => dataProvider.apiCall('POST', `actions/${action.id}/transitions`, input),
    () => {
      clearDraft(key);
      notify('resources.meetings.actions.moved', { type: 'success', messageArgs: { status: translate(`resources.meetings.actions.statuses.${to}`) } });
      onDone();
      onClose();
    },
  );

  return (
    <Dialog open onClose={form.pending ? undefined : onClose} fullWidth maxWidth="sm" data-testid="action-move-dialog">
      <DialogTitle>{translate(`resources.meetings.actions.moves.${to}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {field && (
            <DraftTextField
              label={translate(`resources.meetings.actions.fields.${field}`)}
              draftKey={key}
              value={text}
              onText={setText}
              minRows={2}
              required
              maxLength={2000}
              testId="action-move-text"
            />
          )}
          <SaveControls form={form} label="ra.action.confirm" testId="action-move-confirm" ready={built.ok} onCancel={onClose} dialog />
        </Stack>
      </DialogContent>
    </Dialog>
  );
};

const ActionForm = ({ concernId, districtCode, onSaved }: { concernId: string; districtCode: string; onSaved: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const key = `rd.concern.${concernId}.action`;
  const [open, setOpen] = useState(() => loadDraft(key) !== null);
  const [draft, setDraft] = useState<ActionDraft>(() => loadDraft<ActionDraft>(key) ?? emptyAction());
  const t = (path: string) => translate(`resources.meetings.actions.${path}`);

  const update = (patch: Partial<ActionDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    saveDraft(key, next);
  };

  const form = useSaveForm(
    () => buildActionInput(draft),
    (input) => dataProvider.apiCall('POST', `concerns/${concernId}/actions`, input),
    () => {
      clearDraft(key);
      setDraft(emptyAction());
      setOpen(false);
      notify('resources.meetings.actions.saved', { type: 'success' });
      onSaved();
    },
  );
  const cancel = () => {
    clearDraft(key);
    setDraft(emptyAction());
    setOpen(false);
  };

  if (!open) {
    return (
      <Box>
        <Button size="large" variant="outlined" onClick={() => setOpen(true)} data-testid="action-add">
          {t('add')}
        </Button>
      </Box>
    );
  }
  return (
    <Stack spacing={2} sx={{ pt: 1 }} data-testid="action-form">
      <RecordPicker
        resource="organisations"
        filter={{ districtCode }}
        value={draft.ownerOrganisationId}
        onChange={(ownerOrganisationId) => update({ ownerOrganisationId, ownerContactId: null })}
        label={t('fields.ownerOrganisationId')}
        testId="action-owner"
      />
      <RecordPicker
        resource="contacts"
        filter={draft.ownerOrganisationId ? { organisationId: draft.ownerOrganisationId } : { districtCode }}
        value={draft.ownerContactId}
        onChange={(ownerContactId) => update({ ownerContactId })}
        label={t('fields.ownerContactId')}
        testId="action-contact"
      />
      <TextField
        type="date"
        label={t('fields.dueDate')}
        value={draft.dueDate}
        onChange={(event) => update({ dueDate: event.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'action-due', style: { fontSize: 20 } } }}
        sx={{ maxWidth: 280 }}
      />
      <TextField
        label={t('fields.description')}
        value={draft.description}
        onChange={(event) => update({ description: event.target.value })}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'action-description' } }}
      />
      <SaveControls form={form} label="resources.meetings.actions.save" testId="action-save" onCancel={cancel} />
    </Stack>
  );
};
