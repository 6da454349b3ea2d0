import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import TextField from '@mui/material/TextField';
import { dateInZone, DEFAULT_TIME_ZONE } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useCanAccess, useDataProvider, useGetOne, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import type { CommunityRecord, DistrictRecord } from '../types';
import { effectiveOnProblem, transitionBody, transitionOptions, transitionRefusal, type TransitionBody, type TransitionOption } from './onboarding';
import { useFailureText } from '../data/useFailureText';

/**
 * One button per status the community may move to (community:transition). The dialog asks for an optional
 * reason and the day the change took effect (today by default; an earlier day records when a community actually
 * joined, never a later one) and, when the server refuses (409/422), shows its reason and the checklist items it names.
 */
export const TransitionButtons = () => {
  const record = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'communities', action: 'transition' });
  const [chosen, setChosen] = useState<TransitionOption | null>(null);
  if (!record || !canAccess) return null;
  const options = transitionOptions(record);
  if (options.length === 0) {
    return (
      <Typography>{translate('resources.communities.transitions.none')}</Typography>
    );
  }
  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {options.map((option) => (
          <Button
            key={option.to}
            variant={option.to === 'archived' ? 'outlined' : 'contained'}
            color={option.to === 'archived' ? 'error' : 'primary'}
            onClick={() => setChosen(option)}
            data-testid={`transition-${option.to}`}
          >
            {translate(option.label)}
          </Button>
        ))}
      </Stack>
      {chosen && <TransitionDialog option={chosen} community={record} onClose={() => setChosen(null)} />}
    </>
  );
};

const TransitionDialog = ({
  option,
  community,
  onClose,
}: {
  option: TransitionOption;
  community: CommunityRecord;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  // "Today" is the district's day, as the server counts it.
  const { data: district } = useGetOne<DistrictRecord>('districts', { id: community.districtCode });
  const today = useMemo(() => dateInZone(new Date(), district?.timeZone ?? DEFAULT_TIME_ZONE), [district?.timeZone]);
  const [effectiveOn, setEffectiveOn] = useState(today);
  const dateProblem = effectiveOnProblem(effectiveOn, today, community.statusEffectiveOn);
  const { mutate, isPending: pending, error } = useMutation({
    mutationFn: (body: TransitionBody) => dataProvider.transitionCommunity(community.id, body),
    onSuccess: () => {
      notify('resources.communities.transitions.done', {
        type: 'success',
        messageArgs: { status: translate(`resources.communities.statuses.${option.to}`) },
      });
      refresh();
      onClose();
    },
  });
  const refusal = error ? transitionRefusal(error) : null;

  const submit = () => {
    if (!dateProblem) mutate(transitionBody(option.to, reason, effectiveOn, today));
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} fullWidth maxWidth="sm" data-testid="transition-dialog">
      <DialogTitle>{translate(option.label)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate('resources.communities.transitions.confirm', {
            name: community.name,
            status: translate(`resources.communities.statuses.${option.to}`),
          })}
        </DialogContentText>
        {option.blockedBy.length > 0 && !refusal && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('resources.communities.transitions.incomplete', {
              items: option.blockedBy.map((item) => translate(`resources.communities.checklist.items.${item}`)).join(', '),
            })}
          </Alert>
        )}
        <TextField
          type="date"
          label={translate('resources.communities.transitions.effectiveOn')}
          value={effectiveOn}
          onChange={(event) => setEffectiveOn(event.target.value)}
          error={dateProblem !== null}
          helperText={translate(dateProblem ?? 'resources.communities.transitions.effectiveOnHelp')}
          fullWidth
          sx={{ mb: 2 }}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { max: today, min: community.statusEffectiveOn ?? undefined, 'data-testid': 'transition-effective-on' },
            formHelperText: { 'data-testid': 'transition-effective-on-help' } as object,
          }}
        />
        <TextField
          label={translate(option.asksReason ? 'resources.communities.transitions.reasonWanted' : 'resources.communities.transitions.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          multiline
          minRows={2}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        {refusal && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="transition-refused">
            {failureText(error)}
            {refusal.missing.length > 0 && (
              <ul>
                {refusal.missing.map((item) => (
                  <li key={item}>{translate(`resources.communities.checklist.items.${item}`)}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={pending || dateProblem !== null} data-testid="transition-confirm">
          {translate('ra.action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
