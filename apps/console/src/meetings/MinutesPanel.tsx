import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { minutesApproverRefusal } from '@rd/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useCanAccess, useDataProvider, useGetIdentity, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiQuery } from '../data/apiQueries';
import { apiQueryKey } from '../data/apiQueryKey';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { clearDraft, loadDraft } from './draft';
import { DraftTextField } from './DraftTextField';
import { MinutesPrintButtons, MinutesPrintHeader, PRINT_AREA } from './MinutesPrint';
import { MinutesText } from './LazyMinutesText';
import { UserName } from '../directory/UserName';
import { SaveError } from './SaveError';
import { formatDate } from '../i18n/dates';

interface Minutes {
  status: 'none' | 'draft' | 'approved';
  version: number;
  body: string;
  /** The body quotes a concern this reader may not read: the gateway sends it empty. */
  withheld?: boolean;
  /** User ids of who saved the current version and who approved it, with when. */
  updatedBy?: string | null;
  updatedAt?: string | null;
  approvedBy?: string | null;
  approvedAt?: string | null;
}

// What the panel starts from when the gateway has none it lets this user read.
const NO_MINUTES: Minutes = { status: 'none', version: 0, body: '' };

/**
 * Markdown minutes: save a draft (kept in sessionStorage until saved), then approve (locked and distributed).
 * Each button shows only to roles the gateway lets use it; readers (local government) see the text alone, formatted
 * (MinutesText), with print and PDF. Who may still edit writes markdown with a formatted preview beside it.
 */
export const MinutesPanel = () => {
  const record = useRecordContext<{ id: string; policeUnitId?: string | null; facilitatingOrganisationId?: string | null }>();
  const { canAccess: canDraft } = useCanAccess({ resource: 'meetings', action: 'draftMinutes' });
  const { canAccess: canApprove } = useCanAccess({ resource: 'meetings', action: 'approveMinutes' });
  const { identity } = useGetIdentity();
  // The rule the meetings service enforces (ADR 34): the organisers' members approve, the coordinator always.
  const approverRefusal =
    record && identity
      ? minutesApproverRefusal(
          { roles: (identity.roles as string[] | undefined) ?? [], organisationId: identity.organisationId as string | undefined },
          { policeUnitId: record.policeUnitId ?? null, facilitatingOrganisationId: record.facilitatingOrganisationId ?? null },
        )
      : null;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const key = `rd.meeting.${record?.id}.minutes`;
  const queryClient = useQueryClient();
  const minutesPath = record ? `meetings/${encodeURIComponent(record.id)}/minutes` : null;
  const fetched = useApiQuery<Minutes>(minutesPath);
  const minutes = fetched.data ?? (fetched.error ? NO_MINUTES : null);
  const [body, setBody] = useState(() => loadDraft<string>(key) ?? '');
  const [view, setView] = useState<'edit' | 'preview'>('edit');

  // The text as the gateway has it, unless this device keeps an unsaved draft.
  useEffect(() => {
    if (fetched.data && loadDraft(key) === null) setBody(fetched.data.body);
  }, [fetched.data, key]);

  const mutation = useMutation({
    mutationFn: ({ action }: { action: () => Promise<Minutes>; done: string }) => action(),
    onSuccess: (next, { done }) => {
      if (minutesPath) queryClient.setQueryData(apiQueryKey(minutesPath), next);
      clearDraft(key);
      notify(done, { type: 'success' });
      refresh();
    },
  });
  const { isPending: pending, error, variables } = mutation;

  if (!record) return null;
  const locked = minutes?.status === 'approved';
  const editable = !locked && canDraft === true;

  const run = (action: () => Promise<Minutes>, done: string) => mutation.mutate({ action, done });

  const save = () =>
    run(() => {
      const payload: { body: string; language: string; expectedVersion?: number } = {
        body,
        language: ['en', 'ru', 'tg', 'ky'].includes(locale) ? locale : 'ru',
      };
      if (minutes) payload.expectedVersion = minutes.version;
      return dataProvider.meetingCall<Minutes>('PUT', record.id, 'minutes', payload);
    }, 'resources.meetings.minutes.saved');

  const approve = () =>
    run(
      () =>
        dataProvider.meetingCall<Minutes>('POST', record.id, 'minutes/approve', {
          ...(minutes ? { expectedVersion: minutes.version } : {}),
        }),
      'resources.meetings.minutes.approved',
    );

  return (
    <Stack spacing={2} data-testid="minutes-panel">
      <Typography data-testid="minutes-status">
        {translate(`resources.meetings.minutes.statuses.${minutes?.status ?? 'none'}`)}
      </Typography>
      <MinutesPeople minutes={minutes} locale={locale} />
      {editable ? (
        <Box className="no-print">
          <Tabs value={view} onChange={(_, next: 'edit' | 'preview') => setView(next)} aria-label={translate('resources.meetings.minutes.body')}>
            <Tab value="edit" label={translate('resources.meetings.minutes.edit')} data-testid="minutes-edit-tab" />
            <Tab value="preview" label={translate('resources.meetings.minutes.preview')} data-testid="minutes-preview-tab" />
          </Tabs>
          {view === 'edit' ? (
            <Stack spacing={1} sx={{ pt: 2 }}>
              <DraftTextField label={translate('resources.meetings.minutes.body')} draftKey={key} value={body} onText={setBody} minRows={10} testId="minutes-body" />
              <Typography variant="body2" color="text.secondary">
                {translate('resources.meetings.minutes.markdownHelp')}
              </Typography>
            </Stack>
          ) : (
            <Box sx={{ pt: 1 }}>
              {body.trim() ? <MinutesText body={body} testId="minutes-preview" /> : <Typography color="text.secondary">{translate('resources.meetings.minutes.previewEmpty')}</Typography>}
            </Box>
          )}
        </Box>
      ) : null}
      {minutes && minutes.body.trim() !== '' && (
        <Box className={PRINT_AREA} data-testid="minutes-printable" sx={editable ? { display: 'none' } : undefined}>
          <MinutesPrintHeader />
          <MinutesText body={minutes.body} />
        </Box>
      )}
      {minutes && minutes.body.trim() !== '' && <MinutesPrintButtons />}
      {minutes?.withheld && (
        <Alert severity="info" data-testid="minutes-withheld">
          {translate('resources.meetings.minutes.withheld')}
        </Alert>
      )}
      {locked && <Alert severity="success" className="no-print">{translate('resources.meetings.minutes.locked')}</Alert>}
      {error !== null && variables && <SaveError error={error} onRetry={() => mutation.mutate(variables)} />}
      {!locked && (canDraft || canApprove) && (
        <Stack direction="row" spacing={1}>
          {canDraft && (
            <Button size="large" variant="contained" onClick={save} disabled={pending || body.trim() === ''} data-testid="minutes-save">
              {translate('resources.meetings.minutes.save')}
            </Button>
          )}
          {canApprove && (
            <Button
              size="large"
              variant="outlined"
              onClick={approve}
              disabled={pending || minutes?.status !== 'draft' || approverRefusal !== null}
              data-testid="minutes-approve"
            >
              {translate('resources.meetings.minutes.approve')}
            </Button>
          )}
        </Stack>
      )}
      {!locked && canApprove && approverRefusal !== null && (
        <Typography variant="body2" color="text.secondary" data-testid="minutes-approver-refusal">
          {translate(`resources.meetings.minutes.approverRefusal.${approverRefusal}`)}
        </Typography>
      )}
    </Stack>
  );
};

/** Who last saved the minutes and who approved them, by name, with when. */
const MinutesPeople = ({ minutes, locale }: { minutes: Minutes | null; locale: string }) => {
  const translate = useTranslate();
  if (!minutes?.updatedBy && !minutes?.approvedBy) return null;
  const when = (at: string | null | undefined) => (at ? `, ${formatDate(at, locale, { time: true })}` : '');
  return (
    <Typography variant="body2" color="text.secondary" data-testid="minutes-people">
      {minutes.updatedBy && (
        <span>
          {translate('resources.meetings.minutes.savedBy')}: <UserName id={minutes.updatedBy} testId="minutes-saved-by" />
          {when(minutes.updatedAt)}
        </span>
      )}
      {minutes.updatedBy && minutes.approvedBy && ' · '}
      {minutes.approvedBy && (
        <span>
          {translate('resources.meetings.minutes.approvedBy')}: <UserName id={minutes.approvedBy} testId="minutes-approved-by" />
          {when(minutes.approvedAt)}
        </span>
      )}
    </Typography>
  );
};
