import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { CONCERN_TOPICS, RAISER_AGE_GROUPS, RAISER_GENDERS, SENSITIVITIES, type ConcernReply, type ConcernView, type HiddenConcernCounts, type MeetingStatus } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useCanAccess, useDataProvider, useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useNotifyError } from '../data/apiQueries';
import { UserName, UserNames } from '../directory/UserName';
import { UserPicker } from '../directory/UserPicker';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { BigToggle } from './fieldKit';
import { holdStepOffer } from './holdStep';
import { buildConcernInput, emptyConcern, sensitivityPatch, sensitivityTargets, type ConcernDraft } from './inputs';
import { SaveControls, useSaveForm } from './SaveControls';
import { useConcerns } from './useConcerns';
import { useFailureText } from '../data/useFailureText';

const SENSITIVITY_COLOURS = { public: 'default', restricted: 'warning', confidential: 'error' } as const;

/** Concerns raised at the meeting: quick entry for recorders, and the list as the gateway lets this user read it. */
export const ConcernsPanel = () => {
  const record = useRecordContext<{ id: string; status: MeetingStatus }>();
  const translate = useTranslate();
  const { canAccess: canRead } = useCanAccess({ resource: 'concerns', action: 'list' });
  const { canAccess: canRecord } = useCanAccess({ resource: 'concerns', action: 'create' });
  const { concerns, hidden, error, reload } = useConcerns(record?.id, canRead === true);
  if (!record) return null;
  return (
    <Stack spacing={2} data-testid="concerns-panel">
      <Typography variant="h5">{translate('resources.meetings.concerns.title')}</Typography>
      {canRecord && holdStepOffer(record.status).concerns && <ConcernForm meetingId={record.id} onSaved={reload} />}
      {canRead && <ConcernList concerns={concerns} hidden={hidden} error={error} onRetry={reload} onChanged={canRecord ? reload : undefined} />}
    </Stack>
  );
};

export const ConcernList = ({
  concerns,
  hidden,
  error,
  onRetry,
  onChanged,
}: {
  concerns: ConcernView[];
  hidden: HiddenConcernCounts;
  error: unknown;
  onRetry: () => void;
  /** Given to recorders: each card offers to change the sensitivity, then this reloads the list. */
  onChanged?: () => void;
}) => {
  const translate = useTranslate();
  const failureText = useFailureText();
  const withheld = hidden.public + hidden.restricted + hidden.confidential;
  return (
    <Stack spacing={1} data-testid="concern-list">
      {error !== null && (
        <Alert severity="error" action={<Button color="inherit" size="large" onClick={onRetry}>{translate('resources.meetings.retry')}</Button>}>
          {failureText(error)}
        </Alert>
      )}
      {concerns.length === 0 && withheld === 0 && <Typography color="text.secondary">{translate('resources.meetings.concerns.none')}</Typography>}
      {concerns.map((concern) => (
        <ConcernCard key={concern.id} concern={concern}>
          {onChanged && <SensitivityChange concern={concern} onChanged={onChanged} />}
        </ConcernCard>
      ))}
      {withheld > 0 && (
        <Alert severity="info" data-testid="concerns-hidden">
          {translate('resources.meetings.concerns.hidden', { count: withheld, confidential: hidden.confidential })}
        </Alert>
      )}
    </Stack>
  );
};

/**
 * Moves a recorded concern's sensitivity: up whenever it turns out more delicate than recorded (raising it to
 * confidential without handlers names the one who raises it), down only for its handlers or the coordinator.
 */
const SensitivityChange = ({ concern, onChanged }: { concern: ConcernView; onChanged: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const { identity } = useGetIdentity();
  const me = String(identity?.id ?? '');
  const coordinator = Array.isArray(identity?.roles) && (identity.roles as string[]).includes('national-coordinator');
  const targets = sensitivityTargets(concern, me, coordinator);
  const { mutate: move, isPending: pending } = useMutation({
    mutationFn: (to: (typeof targets)[number]) => dataProvider.apiCall('PATCH', `concerns/${concern.id}`, sensitivityPatch(concern, to, me)),
    onSuccess: (_answer, to) => {
      notify('resources.meetings.concerns.sensitivityChanged', { type: 'success', messageArgs: { sensitivity: translate(`resources.meetings.concerns.sensitivities.${to}`) } });
      onChanged();
    },
    onError: (changeError) => notifyError(changeError, 'resources.meetings.concerns.sensitivityFailed'),
  });
  if (!me || targets.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="concern-sensitivity-change">
      <Typography variant="body2">{translate('resources.meetings.concerns.changeSensitivity')}</Typography>
      {targets.map((to) => (
        <Button key={to} size="large" variant="outlined" color={to === 'public' ? 'inherit' : SENSITIVITY_COLOURS[to]} disabled={pending} onClick={() => move(to)} data-testid={`concern-make-${to}`}>
          {translate(`resources.meetings.concerns.sensitivities.${to}`)}
        </Button>
      ))}
    </Stack>
  );
};

export const ConcernCard = ({ concern, children }: { concern: ConcernView; children?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={`concern-${concern.id}`}>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          <Chip label={translate(`resources.meetings.concerns.topics.${concern.topic}`)} />
          <Chip
            color={SENSITIVITY_COLOURS[concern.sensitivity]}
            label={translate(`resources.meetings.concerns.sensitivities.${concern.sensitivity}`)}
            data-testid="concern-sensitivity"
          />
          {concern.followUpNeeded && (
            <Chip
              variant="outlined"
              color={concern.resolved ? 'success' : 'primary'}
              label={translate(concern.resolved ? 'resources.meetings.concerns.resolved' : 'resources.meetings.concerns.followUp')}
            />
          )}
        </Stack>
        <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="concern-text">
          {concern.text}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="concern-people">
          {translate('resources.meetings.concerns.recordedBy')}: <UserName id={concern.recordedBy} testId="concern-recorded-by" />
          {concern.handlerIds.length > 0 && (
            <>
              {' · '}
              {translate('resources.meetings.concerns.handlers')}: <UserNames ids={concern.handlerIds} testId="concern-handler-names" />
            </>
          )}
        </Typography>
        {concern.answer && (
          <Typography color="text.secondary" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
            {translate('resources.meetings.concerns.answerShown', { answer: concern.answer })}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
};

const ConcernForm = ({ meetingId, onSaved }: { meetingId: string; onSaved: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const key = `rd.meeting.${meetingId}.concern`;
  const [draft, setDraft] = useState<ConcernDraft>(() => loadDraft<ConcernDraft>(key) ?? emptyConcern());

  const update = (patch: Partial<ConcernDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    saveDraft(key, next);
  };

  const form = useSaveForm(
    () => buildConcernInput(draft, String(identity?.id ?? '')),
    (input) => dataProvider.meetingCall<ConcernReply>('POST', meetingId, 'concerns', input),
    (reply) => {
      clearDraft(key);
      setDraft(emptyConcern());
      notify('readable' in reply ? 'resources.meetings.concerns.savedReceipt' : 'resources.meetings.concerns.saved', { type: 'success' });
      onSaved();
    },
  );

  const t = (path: string) => translate(`resources.meetings.concerns.${path}`);
  return (
    <Card variant="outlined" sx={{ p: 2 }} data-testid="concern-form">
      <Stack spacing={2}>
        <Typography variant="h6">{t('new')}</Typography>
        <Box>
          <Typography gutterBottom>{t('topic')}</Typography>
          <BigToggle
            value={draft.topic || null}
            choices={CONCERN_TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))}
            onChange={(topic) => update({ topic: topic ?? '' })}
            testId="concern-topic"
          />
        </Box>
        <Box>
          <Typography gutterBottom>{t('sensitivity')}</Typography>
          <BigToggle
            value={draft.sensitivity}
            allowClear={false}
            choices={SENSITIVITIES.map((value) => ({ value, label: t(`sensitivities.${value}`) }))}
            onChange={(sensitivity) => sensitivity && update({ sensitivity })}
            testId="concern-sensitivity"
          />
          <Typography variant="caption" color="text.secondary" sx={{ mt: 0.5, display: "block" }}>
            {t(`sensitivityHelp.${draft.sensitivity}`)}
          </Typography>
        </Box>
        {draft.sensitivity === 'confidential' && (
          <UserPicker
            label={t('otherHandlers')}
            helperText={t('handlersHelp')}
            value={Array.isArray(draft.otherHandlers) ? draft.otherHandlers : []}
            onChange={(otherHandlers) => update({ otherHandlers })}
            exclude={identity?.id ? [String(identity.id)] : []}
            max={9}
            testId="concern-handlers"
          />
        )}
        <TextField
          label={t('text')}
          value={draft.text}
          onChange={(event) => update({ text: event.target.value })}
          multiline
          minRows={3}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'concern-text-input' } }}
        />
        <TextField
          label={t('answer')}
          value={draft.answer}
          onChange={(event) => update({ answer: event.target.value })}
          multiline
          minRows={2}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'concern-answer-input' } }}
        />
        <FormControlLabel
          control={
            <Switch
              checked={draft.followUpNeeded}
              onChange={(event) => update({ followUpNeeded: event.target.checked })}
              slotProps={{ input: { 'data-testid': 'concern-follow-up' } as object }}
            />
          }
          label={t('followUpNeeded')}
        />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <Box>
            <Typography gutterBottom>{t('raiserGender')}</Typography>
            <BigToggle
              value={draft.gender}
              choices={RAISER_GENDERS.map((value) => ({ value, label: translate(`resources.meetings.genders.${value}`) }))}
              onChange={(gender) => update({ gender })}
              testId="concern-gender"
            />
          </Box>
          <Box>
            <Typography gutterBottom>{t('raiserAge')}</Typography>
            <BigToggle
              value={draft.ageGroup}
              choices={RAISER_AGE_GROUPS.map((value) => ({ value, label: translate(`resources.meetings.ageGroups.${value}`) }))}
              onChange={(ageGroup) => update({ ageGroup })}
              testId="concern-age"
            />
          </Box>
        </Stack>
        <SaveControls form={form} label="resources.meetings.concerns.save" testId="concern-save" missingTestId="concern-missing" />
      </Stack>
    </Card>
  );
};
